/**
 * The WIA and NAPS2 backends driven by a fake spawn that replays what the helpers print (the WIA script's JSON lines
 * with PowerShell's CRLF, NAPS2.Console's messages) and writes the page files they would write. Checked: pages
 * stream in order as each line arrives, a device error after N pages keeps those N, the command line is quoted and
 * passed verbatim, a cancel kills the helper, the private folder is gone afterwards, and the registry uses these
 * backends on Windows only.
 */
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { setImmediate as tick } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScannerRegistry, type ScannedPage } from '../../../native/scanners/index';
import type { WiaRequest } from '../../../native/scanners/windows/command-lines';
import type { SpawnFn } from '../../../native/scanners/windows/helper-process';
import { Naps2Backend } from '../../../native/scanners/windows/naps2-backend';
import { WiaBackend } from '../../../native/scanners/windows/wia-backend';
import { makePng } from '../../helpers/escl-server';
import { tempDir } from '../../helpers/temp';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('motcua-win-');
});
afterEach(() => tmp.cleanup());

type Step = { out: string } | { file: string; png: Buffer } | { wait: () => Promise<void> } | { exit: number };

interface FakeRun {
  program: string;
  args: readonly string[];
  options: SpawnOptions;
  killed: boolean;
}

/** A child process whose stdout replays `steps`; `script` picks the steps from the command line it was given. */
function fakeSpawn(script: (commandLine: string) => Step[] | 'ENOENT'): { spawn: SpawnFn; runs: FakeRun[] } {
  const runs: FakeRun[] = [];
  const spawn: SpawnFn = (program, args, options) => {
    const child = new EventEmitter() as EventEmitter & { stdout: PassThrough; stderr: PassThrough; pid?: number; exitCode: number | null; signalCode: string | null; kill: () => boolean };
    const run: FakeRun = { program, args, options, killed: false };
    runs.push(run);
    child.stdout = new PassThrough();
    child.stderr = new PassThrough();
    child.exitCode = null;
    child.signalCode = null;
    const finish = (code: number | null, signal: string | null): void => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.exitCode = code;
      child.signalCode = signal;
      child.stdout.end();
      child.stderr.end();
      setImmediate(() => child.emit('close', code, signal));
    };
    child.kill = () => {
      run.killed = true;
      finish(null, 'SIGTERM');
      return true;
    };
    const steps = script(String(args[0]));
    if (steps === 'ENOENT') {
      setImmediate(() => {
        child.emit('error', Object.assign(new Error(`spawn ${program} ENOENT`), { code: 'ENOENT' }));
        child.stdout.end();
        child.stderr.end();
      });
      return child as unknown as ChildProcess;
    }
    child.pid = 4242;
    void (async () => {
      for (const s of steps) {
        if (child.signalCode) return;
        if ('out' in s) child.stdout.write(s.out);
        else if ('file' in s) writeFileSync(s.file, s.png);
        else if ('wait' in s) await s.wait();
        else return finish(s.exit, null);
        await tick();
      }
    })();
    return child as unknown as ChildProcess;
  };
  return { spawn, runs };
}

/** The WIA request inside the command line (the script's -Request is base64 JSON). */
function wiaRequest(commandLine: string): WiaRequest {
  const b64 = /-Request (\S+)/.exec(commandLine)?.[1];
  return JSON.parse(Buffer.from(b64!, 'base64').toString('utf8')) as WiaRequest;
}

const CAPS = '{"type":"caps","sources":["flatbed","adf","adf-duplex"],"resolutions":[150,300,600],"colorModes":["bw","gray","color"],"maxWidthMm":215.9,"maxHeightMm":355.6}\r\n';
const DEVICE = '{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0001';

/** The WIA script's scan output: `pages` pages, then what ends the batch. */
function wiaScan(pages: number, end: Step[], hooks: { beforePage?: (n: number) => Step[] } = {}) {
  return (cl: string): Step[] => {
    const req = wiaRequest(cl);
    if (req.command === 'caps') return [{ out: CAPS }, { exit: 0 }];
    if (req.command !== 'scan') throw new Error('unexpected');
    const steps: Step[] = [];
    for (let n = 1; n <= pages; n += 1) {
      const file = path.join(req.outDir, `page-${String(n).padStart(4, '0')}.png`);
      steps.push(...(hooks.beforePage?.(n) ?? []), { file, png: makePng(100 + n, 140, req.dpi) }, { out: `${JSON.stringify({ type: 'page', index: n, file })}\r\n` });
    }
    return [...steps, ...end];
  };
}

async function drain(it: AsyncIterable<ScannedPage>, seen: ScannedPage[] = []): Promise<{ pages: ScannedPage[]; error: unknown }> {
  try {
    for await (const p of it) seen.push(p);
    return { pages: seen, error: null };
  } catch (e) {
    return { pages: seen, error: e };
  }
}

const leftovers = () => readdirSync(tmp.dir).filter((n) => n.startsWith('motcua-'));

describe('WIA backend (PowerShell helper)', () => {
  it('streams each page as its line arrives; the paper running out after pages ends the batch', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { spawn, runs } = fakeSpawn(wiaScan(3, [{ out: '{"type":"error","hresult":"0x80210003","message":"Feeder empty"}\r\n{"type":"done","pages":3}\r\n' }, { exit: 0 }], { beforePage: (n) => (n === 3 ? [{ wait: () => gate }] : []) }));
    const wia = new WiaBackend({ spawn, script: 'C:\\Program Files\\MotCua Desk\\wia-scan.ps1', tempRoot: tmp.dir });
    const seen: ScannedPage[] = [];
    const iter = wia.scan(DEVICE, { source: 'adf-duplex', dpi: 300, color: 'gray' }, new AbortController().signal)[Symbol.asyncIterator]();
    // Two pages are taken while the helper is still scanning the third.
    seen.push((await iter.next()).value as ScannedPage);
    seen.push((await iter.next()).value as ScannedPage);
    expect(seen.map((p) => p.widthPx)).toEqual([101, 102]);
    release();
    const rest = await drain({ [Symbol.asyncIterator]: () => iter }, seen);
    expect(rest.error).toBeNull();
    expect(rest.pages.map((p) => [p.index, p.widthPx, p.mime, p.dpi])).toEqual([
      [1, 101, 'image/png', 300],
      [2, 102, 'image/png', 300],
      [3, 103, 'image/png', 300],
    ]);
    // The scan request carried the settings; the command line was quoted and passed verbatim.
    const scanRun = runs[1]!;
    expect(wiaRequest(String(scanRun.args[0]))).toMatchObject({ command: 'scan', device: DEVICE, source: 'adf-duplex', dpi: 300, color: 'gray' });
    expect(scanRun.program).toBe('powershell.exe');
    expect(scanRun.args).toHaveLength(1);
    expect(String(scanRun.args[0])).toMatch(/^-NoLogo -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "C:\\Program Files\\MotCua Desk\\wia-scan.ps1" -Request [A-Za-z0-9+/=]+$/);
    expect(scanRun.options).toMatchObject({ windowsVerbatimArguments: true, windowsHide: true, argv0: 'powershell.exe' });
    expect(leftovers()).toEqual([]);
  });

  it.each([
    ['0x80210002', 'SCAN_JAMMED', 2],
    ['0x80210016', 'SCAN_COVER_OPEN', 2],
    ['0x80210006', 'SCAN_BUSY', 1],
    ['0x80210005', 'SCAN_DEVICE_GONE', 2],
    ['0x8021000A', 'SCAN_DEVICE_GONE', 1],
    ['0x80004005', 'SCAN_FAILED', 1],
  ])('a device error %s after the pages maps to %s and keeps the %i pages received', async (hresult, code, pages) => {
    const { spawn } = fakeSpawn(wiaScan(pages, [{ out: `{"type":"error","hresult":"${hresult}","message":"device says no"}\r\n{"type":"done","pages":${pages}}\r\n` }, { exit: 0 }]));
    const r = await drain(new WiaBackend({ spawn, tempRoot: tmp.dir }).scan(DEVICE, { source: 'adf' }, new AbortController().signal));
    expect(r.pages).toHaveLength(pages);
    expect(r.error).toMatchObject({ code, params: { hresult: `0x${hresult.slice(2).toUpperCase()}` } });
    expect(leftovers()).toEqual([]);
  });

  it('an empty feeder before the first page is SCAN_FEEDER_EMPTY', async () => {
    const { spawn } = fakeSpawn(wiaScan(0, [{ out: '{"type":"error","hresult":"0x80210003","message":"empty"}\r\n{"type":"done","pages":0}\r\n' }, { exit: 0 }]));
    const r = await drain(new WiaBackend({ spawn, tempRoot: tmp.dir }).scan(DEVICE, { source: 'adf' }, new AbortController().signal));
    expect(r).toMatchObject({ pages: [], error: { code: 'SCAN_FEEDER_EMPTY' } });
  });

  it('a helper that dies mid-batch keeps the pages before it and says the batch is not whole', async () => {
    const { spawn } = fakeSpawn(wiaScan(2, [{ out: 'Exception calling "Transfer"\r\n' }, { exit: 1 }]));
    const r = await drain(new WiaBackend({ spawn, tempRoot: tmp.dir }).scan(DEVICE, { source: 'adf' }, new AbortController().signal));
    expect(r.pages).toHaveLength(2);
    expect(r.error).toMatchObject({ code: 'SCAN_FAILED' });
  });

  it('takes no file outside its own folder, whatever a line says', async () => {
    const outside = path.join(tmp.dir, 'elsewhere.png');
    writeFileSync(outside, makePng(9, 9, 300));
    const { spawn } = fakeSpawn(wiaScan(1, [{ out: `${JSON.stringify({ type: 'page', index: 2, file: outside })}\r\n{"type":"done","pages":2}\r\n` }, { exit: 0 }]));
    const r = await drain(new WiaBackend({ spawn, tempRoot: tmp.dir }).scan(DEVICE, { source: 'adf' }, new AbortController().signal));
    expect(r.pages.map((p) => p.widthPx)).toEqual([101]);
    expect(existsSync(outside)).toBe(true);
  });

  it('a cancel mid-batch kills the helper and keeps the pages already taken', async () => {
    const never = new Promise<void>(() => undefined);
    const { spawn, runs } = fakeSpawn(wiaScan(2, [{ wait: () => never }], { beforePage: (n) => (n === 2 ? [{ wait: () => never }] : []) }));
    const controller = new AbortController();
    const seen: ScannedPage[] = [];
    const r = await drain(
      (async function* () {
        for await (const p of new WiaBackend({ spawn, tempRoot: tmp.dir }).scan(DEVICE, { source: 'adf' }, controller.signal)) {
          yield p;
          controller.abort();
        }
      })(),
      seen,
    );
    expect(r.pages).toHaveLength(1);
    expect(r.error).toMatchObject({ code: 'SCAN_CANCELLED' });
    expect(runs[1]!.killed).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('refuses a setting the device lacks before any paper moves', async () => {
    const { spawn, runs } = fakeSpawn((cl) => (wiaRequest(cl).command === 'caps' ? [{ out: '{"type":"caps","sources":["flatbed"],"resolutions":[300],"colorModes":["gray"]}\r\n' }, { exit: 0 }] : []));
    const r = await drain(new WiaBackend({ spawn, tempRoot: tmp.dir }).scan(DEVICE, { source: 'adf' }, new AbortController().signal));
    expect(r.error).toMatchObject({ code: 'SCAN_UNSUPPORTED_SETTING' });
    expect(runs).toHaveLength(1);
  });

  it('lists WIA scanners; without PowerShell it lists none and scanning says WIA is unavailable', async () => {
    const { spawn } = fakeSpawn(() => [
      { out: '\uFEFF{"type":"device","id":"{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\\\0001","name":"Canon DR-C225"}\r\n{"type":"device","id":"{X}\\\\0002","name":""}\r\n' },
      { exit: 0 },
    ]);
    expect(await new WiaBackend({ spawn }).list()).toEqual([
      { uri: `wia:${DEVICE}`, name: 'Canon DR-C225', kind: 'wia' },
      { uri: 'wia:{X}\\0002', name: '{X}\\0002', kind: 'wia' },
    ]);
    const missing = fakeSpawn(() => 'ENOENT').spawn;
    expect(await new WiaBackend({ spawn: missing }).list()).toEqual([]);
    const r = await drain(new WiaBackend({ spawn: missing, tempRoot: tmp.dir }).scan(DEVICE, { source: 'adf' }, new AbortController().signal));
    expect(r.error).toMatchObject({ code: 'SCAN_BACKEND_UNAVAILABLE' });
  });

  it('a device that is gone when its capabilities are asked is SCAN_DEVICE_GONE', async () => {
    const { spawn } = fakeSpawn(() => [{ out: '{"type":"error","hresult":"0x80210015","message":"device not found"}\r\n' }, { exit: 0 }]);
    await expect(new WiaBackend({ spawn }).capabilities(DEVICE)).rejects.toMatchObject({ code: 'SCAN_DEVICE_GONE' });
  });
});

describe('TWAIN backend (NAPS2.Console)', () => {
  const program = 'NAPS2.Console.exe';

  /** NAPS2 writes the batch when it ends: every page file, then its messages. */
  function naps2Scan(widths: Record<string, number>, output: string, exit: number) {
    return (cl: string): Step[] => {
      const out = /-o (?:"([^"]+)"|(\S+))/.exec(cl)!;
      const dir = path.dirname(out[1] ?? out[2]!);
      return [...Object.entries(widths).map(([name, w]) => ({ file: path.join(dir, name), png: makePng(w, 50, 200) })), { out: output }, { exit }];
    };
  }

  it('yields the pages NAPS2 saved in page order, then the jam it reported', async () => {
    const { spawn, runs } = fakeSpawn(naps2Scan({ 'page-1.png': 1, 'page-2.png': 2, 'page-10.png': 10 }, 'Starting scan...\r\nThe scanner has a paper jam.\r\n', 1));
    const r = await drain(new Naps2Backend({ spawn, program, tempRoot: tmp.dir }).scan('Canon "DR-C225" TWAIN', { source: 'adf-duplex', dpi: 200, color: 'bw' }, new AbortController().signal));
    expect(r.pages.map((p) => [p.index, p.widthPx, p.dpi])).toEqual([
      [1, 1, 200],
      [2, 2, 200],
      [3, 10, 200],
    ]);
    expect(r.error).toMatchObject({ code: 'SCAN_JAMMED' });
    expect(String(runs[0]!.args[0])).toContain('--device "Canon \\"DR-C225\\" TWAIN" --source duplex --dpi 200 --bitdepth bw');
    expect(leftovers()).toEqual([]);
  });

  it('completes when NAPS2 exits 0; an empty feeder with no page is SCAN_FEEDER_EMPTY', async () => {
    const ok = fakeSpawn(naps2Scan({ 'page-1.png': 5 }, 'Exporting...\r\n', 0));
    expect(await drain(new Naps2Backend({ spawn: ok.spawn, program, tempRoot: tmp.dir }).scan('x', { source: 'adf' }, new AbortController().signal))).toMatchObject({ error: null });
    const empty = fakeSpawn(naps2Scan({}, 'No pages are in the feeder.\r\n', 1));
    expect(await drain(new Naps2Backend({ spawn: empty.spawn, program, tempRoot: tmp.dir }).scan('x', { source: 'adf' }, new AbortController().signal))).toMatchObject({ pages: [], error: { code: 'SCAN_FEEDER_EMPTY' } });
  });

  it('lists TWAIN devices; NAPS2 not installed lists none and scanning says so', async () => {
    const { spawn, runs } = fakeSpawn(() => [{ out: 'Canon DR-C225 TWAIN\r\nFujitsu fi-7160\r\n' }, { exit: 0 }]);
    expect(await new Naps2Backend({ spawn, program }).list()).toEqual([
      { uri: 'twain:Canon DR-C225 TWAIN', name: 'Canon DR-C225 TWAIN', kind: 'twain' },
      { uri: 'twain:Fujitsu fi-7160', name: 'Fujitsu fi-7160', kind: 'twain' },
    ]);
    expect(runs[0]!.args).toEqual(['--listdevices --driver twain']);
    const absent = path.join(tmp.dir, 'NAPS2', 'NAPS2.Console.exe');
    expect(await new Naps2Backend({ spawn, program: absent }).list()).toEqual([]);
    const r = await drain(new Naps2Backend({ spawn, program: absent, tempRoot: tmp.dir }).scan('x', { source: 'adf' }, new AbortController().signal));
    expect(r.error).toMatchObject({ code: 'SCAN_BACKEND_UNAVAILABLE' });
    expect(runs).toHaveLength(1);
  });
});

describe('registry', () => {
  it('scans wia: and twain: URIs through the helpers on Windows, and refuses them elsewhere', async () => {
    mkdirSync(path.join(tmp.dir, 'x'));
    const { spawn } = fakeSpawn(wiaScan(1, [{ out: '{"type":"done","pages":1}\r\n' }, { exit: 0 }]));
    const win = new ScannerRegistry({ platform: 'win32', wia: { spawn, tempRoot: tmp.dir } });
    expect((await drain(win.scan(`wia:${DEVICE}`, { source: 'flatbed' }, new AbortController().signal))).pages).toHaveLength(1);
    const linux = new ScannerRegistry({ platform: 'linux', wia: { spawn } });
    expect(await drain(linux.scan(`wia:${DEVICE}`, { source: 'flatbed' }, new AbortController().signal))).toMatchObject({ error: { code: 'SCAN_BACKEND_UNAVAILABLE' } });
    await expect(linux.capabilities('twain:Canon')).rejects.toMatchObject({ code: 'SCAN_BACKEND_UNAVAILABLE' });
  });
});
