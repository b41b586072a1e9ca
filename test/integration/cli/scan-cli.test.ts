/**
 * `motcua scan` and `motcua devices` as a user runs them (the real bin, a child process) against the loopback eSCL
 * server, the folder backend and, when installed, scanimage with SANE's test backend.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { motcuaInProcess, motcua as runMotcua } from '../../helpers/cli';
import { makePng, esclServersPerTest } from '../../helpers/escl-server';
import { REPO, tempDir } from '../../helpers/temp';
import { createCore } from '../../../core/app';
import { requireTools } from '../../helpers/tools';

const tools = requireTools('scanimage');

let data: ReturnType<typeof tempDir>;
let outCount = 0;
const serve = esclServersPerTest();

beforeAll(() => {
  data = tempDir('motcua-scan-cli-');
});
afterAll(() => data.cleanup());

const motcua = (args: string[], env: Record<string, string> = {}) => runMotcua(data.dir, args, env);
/** The program in this process (main(), what the bin runs: same exit code and output) where only the answer matters. */
const answer = (args: string[]) => motcuaInProcess(data.dir, args);
const freshOut = () => path.join(data.dir, `out-${++outCount}`);
const pagesOf = (n: number) => Array.from({ length: n }, (_, i) => makePng(100, 140, 150, i + 1));

interface ScanJson {
  status: string;
  pages: { file: string; width: number; height: number; dpi: number }[];
  error: { code: string; message: string } | null;
}

describe('motcua scan', () => {
  it('writes page-0001… in arrival order, byte for byte, and prints the JSON result (exit 0)', async () => {
    const sent = pagesOf(4);
    const s = await serve({ pages: sent });
    const out = freshOut();
    const r = await motcua(['scan', '--device', `escl:${s.url}`, '--source', 'adf', '--dpi', '300', '--color', 'gray', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as ScanJson;
    expect(json).toEqual({
      status: 'completed',
      pages: [1, 2, 3, 4].map((n) => ({ file: `page-000${n}.png`, width: 100, height: 140, dpi: 150 })),
      error: null,
    });
    expect(readdirSync(out).sort()).toEqual(['page-0001.png', 'page-0002.png', 'page-0003.png', 'page-0004.png']);
    sent.forEach((b, i) => expect(readFileSync(path.join(out, `page-000${i + 1}.png`)).equals(b)).toBe(true));
    expect(s.deletes).toBe(1);
  });

  it('a jam mid-batch exits 3 with status "jammed", the pages before it kept on disk', async () => {
    const s = await serve({ pages: pagesOf(6), jamAfter: 2 });
    const out = freshOut();
    const r = await motcua(['scan', '--device', `escl:${s.url}`, '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(3);
    const json = JSON.parse(r.stdout) as ScanJson;
    expect(json.status).toBe('jammed');
    expect(json.pages.map((p) => p.file)).toEqual(['page-0001.png', 'page-0002.png']);
    expect(json.error?.code).toBe('SCAN_JAMMED');
    expect(json.error?.message).toMatch(/^Kẹt giấy/);
    expect(readdirSync(out).sort()).toEqual(['page-0001.png', 'page-0002.png']);
    expect(r.stderr).toMatch(/^Lỗi \[SCAN_JAMMED\]: Kẹt giấy/m);
  });

  it('an empty feeder exits 3 with status "empty"; a connection cut exits 3 with the pages before it', async () => {
    const empty = await serve({ pages: pagesOf(2), postRefuse: { status: 409, adfState: 'ScannerAdfEmpty' } });
    const r = await motcua(['scan', '--device', `escl:${empty.url}`, '--source', 'adf', '--out', freshOut(), '--json']);
    expect(r.code, r.stderr).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'empty', pages: [], error: { code: 'SCAN_FEEDER_EMPTY' } });
    const cut = await serve({ pages: pagesOf(4), cutPage: 3 });
    const out = freshOut();
    const c = await motcua(['scan', '--device', `escl:${cut.url}`, '--out', out, '--json']);
    expect(c.code, c.stderr).toBe(3);
    expect(JSON.parse(c.stdout)).toMatchObject({ status: 'failed', error: { code: 'SCAN_DEVICE_GONE' } });
    expect(readdirSync(out).sort()).toEqual(['page-0001.png', 'page-0002.png']);
  });

  it('scans a folder as an ADF, continues numbering in the same --out, and stops at a corrupt file keeping the pages before it', async () => {
    const src = path.join(data.dir, 'folder-src');
    mkdirSync(src);
    writeFileSync(path.join(src, 'a1.png'), makePng(50, 60, 200, 1));
    writeFileSync(path.join(src, 'a2.png'), makePng(50, 60, 200, 2));
    const out = freshOut();
    const first = await motcua(['scan', '--device', `folder:${src}`, '--out', out, '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect((JSON.parse(first.stdout) as ScanJson).pages.map((p) => p.file)).toEqual(['page-0001.png', 'page-0002.png']);
    writeFileSync(path.join(src, 'a3.png'), Buffer.alloc(0));
    const second = await motcua(['scan', '--device', `folder:${src}`, '--out', out, '--json']);
    expect(second.code, second.stderr).toBe(1);
    const json = JSON.parse(second.stdout) as ScanJson;
    expect(json).toMatchObject({ status: 'failed', error: { code: 'SCAN_FAILED' } });
    expect(json.error?.message).toMatch(/a3\.png/);
    expect(json.pages.map((p) => p.file)).toEqual(['page-0003.png', 'page-0004.png']);
    expect(readdirSync(out).sort()).toEqual(['page-0001.png', 'page-0002.png', 'page-0003.png', 'page-0004.png']);
  });

  it('prints one line per page without --json', async () => {
    const s = await serve({ pages: pagesOf(2) });
    const r = await motcua(['scan', '--device', `escl:${s.url}`, '--out', freshOut()]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Trang 1: page-0001\.png \(100×140 điểm ảnh, 150 dpi\)$/m);
    expect(r.stdout).toMatch(/^Trang 2: page-0002\.png/m);
  });

  it('Ctrl+C mid-batch stops the scanner, deletes the job, and still prints the pages written', async () => {
    const s = await serve({ pages: pagesOf(50), slowMs: 150 });
    const out = freshOut();
    const child = spawn(process.execPath, [path.join(REPO, 'bin', 'motcua.mjs'), 'scan', '--device', `escl:${s.url}`, '--out', out, '--json'], {
      cwd: REPO,
      env: { ...process.env, MOTCUA_DATA_DIR: data.dir },
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // Wait (bounded) for the first page on disk, then interrupt as a clerk would.
    for (let i = 0; i < 300 && !existsSync(path.join(out, 'page-0001.png')); i++) await sleep(50);
    child.kill('SIGINT');
    const code = await exited;
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as ScanJson;
    expect(json).toMatchObject({ status: 'failed', error: { code: 'SCAN_CANCELLED' } });
    expect(json.pages.length).toBeGreaterThan(0);
    expect(json.pages.length).toBeLessThan(50);
    expect(readdirSync(out).sort()).toEqual(json.pages.map((p) => p.file));
    expect(s.deletes).toBe(1);
  });

  it.each([
    [['scan', '--device', 'usb:1', '--out', 'x'], /SCAN_BAD_DEVICE_URI/],
    [['scan', '--device', 'escl:ftp://h/eSCL', '--out', 'x'], /SCAN_BAD_DEVICE_URI/],
    [['scan', '--device', 'folder:DIR', '--dpi', 'abc', '--out', 'x'], /CLI_BAD_ARGUMENT/],
    [['scan', '--device', 'folder:DIR', '--dpi', '0', '--out', 'x'], /CLI_BAD_ARGUMENT/],
    [['scan', '--device', 'folder:DIR', '--dpi', '9600', '--out', 'x'], /CLI_BAD_ARGUMENT/],
    [['scan', '--device', 'folder:DIR', '--source', 'tray', '--out', 'x'], /CLI_BAD_ARGUMENT/],
    [['scan', '--device', 'folder:DIR', '--color', 'sepia', '--out', 'x'], /CLI_BAD_ARGUMENT/],
    [['scan', '--device', 'folder:DIR'], null],
    [['scan', '--out', 'x'], null],
    [['devices', '--escl', 'not a url'], /SCAN_BAD_DEVICE_URI/],
  ])('exits 2 on bad arguments, before touching a device: %j', async (args, code) => {
    const r = await answer(args.map((a) => (a === 'x' ? path.join(data.dir, 'never-created') : a === 'folder:DIR' ? `folder:${data.dir}` : a)));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    if (code) expect(r.stderr).toMatch(new RegExp(`^Lỗi \\[${code.source}\\]: `, 'm'));
    expect(readdirSync(data.dir)).not.toContain('never-created');
  });

  it('exits 2 for a source the device does not have (duplex on a simplex-only scanner)', async () => {
    const s = await serve({ pages: pagesOf(2), duplex: false });
    const r = await answer(['scan', '--device', `escl:${s.url}`, '--source', 'adf-duplex', '--out', freshOut(), '--json']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^Lỗi \[SCAN_UNSUPPORTED_SETTING\]: /m);
    expect(s.settings).toHaveLength(0);
  });
});

describe('motcua devices', () => {
  it('lists configured eSCL scanners and folders as JSON', async () => {
    const s = await serve({ pages: [] });
    const src = path.join(data.dir, 'inbox');
    mkdirSync(src, { recursive: true });
    const r = await motcua(['devices', '--escl', s.url, '--folder', src, '--json'], { PATH: '/nonexistent' });
    expect(r.code, r.stderr).toBe(0);
    const devices = JSON.parse(r.stdout) as { origin: string }[];
    // Scanners announced on this machine's network by mDNS may be listed too ("discovered"): not this test's.
    expect(devices.filter((d) => d.origin !== 'discovered')).toEqual([
      { uri: `escl:${s.url}`, name: 'MotCua Test eSCL', kind: 'escl', origin: 'configured', sources: ['flatbed', 'adf', 'adf-duplex'], resolutions: [150, 300, 600], colorModes: ['bw', 'gray', 'color'] },
      { uri: `folder:${src}`, name: 'inbox', kind: 'folder', origin: 'configured', sources: ['adf', 'flatbed'], resolutions: [], colorModes: [] },
    ]);
  });

  it('lists the scanners configured in Settings (eSCL URLs, the folder scanner when enabled) with their origin', async () => {
    const s = await serve({ pages: [] });
    const inbox = path.join(data.dir, 'settings-inbox');
    mkdirSync(inbox, { recursive: true });
    const setSettings = async (values: Record<string, unknown>) => {
      const core = await createCore({ dataDir: data.dir, logLevel: 'warn' });
      for (const [key, value] of Object.entries(values)) core.services.settings.set({ kind: 'system', name: 'test', role: 'admin' }, key, value);
      await core.close();
    };
    await setSettings({ 'scanning.esclUrls': [s.url], 'scanning.folder': { enabled: true, dir: inbox } });
    const r = await motcua(['devices', '--json'], { PATH: '/nonexistent' });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { origin: string }[]).filter((d) => d.origin !== 'discovered')).toEqual([
      { uri: `escl:${s.url}`, name: 'MotCua Test eSCL', kind: 'escl', origin: 'configured', sources: ['flatbed', 'adf', 'adf-duplex'], resolutions: [150, 300, 600], colorModes: ['bw', 'gray', 'color'] },
      { uri: `folder:${inbox}`, name: 'settings-inbox', kind: 'folder', origin: 'configured', sources: ['adf', 'flatbed'], resolutions: [], colorModes: [] },
    ]);
    const text = await motcua(['devices'], { PATH: '/nonexistent' });
    expect(text.stdout).toContain(`escl:${s.url}\tMotCua Test eSCL\tflatbed,adf,adf-duplex\t150,300,600 dpi\tbw,gray,color\tđã cấu hình\n`);
    // Disabled in Settings: no longer listed.
    await setSettings({ 'scanning.folder': { enabled: false, dir: inbox }, 'scanning.esclUrls': [] });
    const after = await motcua(['devices', '--json'], { PATH: '/nonexistent' });
    expect((JSON.parse(after.stdout) as { origin: string }[]).filter((d) => d.origin !== 'discovered')).toEqual([]);
  });
});

describe.skipIf(tools.skip)('motcua scan through scanimage (SANE test backend)', () => {
  let env: Record<string, string>;
  beforeAll(() => {
    const config = path.join(data.dir, 'sane.d');
    mkdirSync(config, { recursive: true });
    writeFileSync(path.join(config, 'dll.conf'), 'test\n');
    env = { SANE_CONFIG_DIR: config };
  });

  it('scans the ten ADF pages and lists the device', async () => {
    const out = freshOut();
    const r = await motcua(['scan', '--device', 'sane:test:0', '--source', 'adf', '--dpi', '75', '--out', out, '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as ScanJson).pages).toHaveLength(10);
    expect(readdirSync(out)).toHaveLength(10);
    const d = await motcua(['devices', '--json'], env);
    expect((JSON.parse(d.stdout) as { uri: string }[]).map((x) => x.uri)).toEqual(expect.arrayContaining(['sane:test:0']));
  });
});
