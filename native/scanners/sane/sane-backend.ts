/**
 * SANE through the `scanimage` program (Linux, macOS): no libsane binding is maintained on npm, and a child process
 * keeps a misbehaving driver out of our process. Arguments go as an array (no shell). Pages stream: with
 * `--batch-print` scanimage prints each finished file's name (it writes `name.part` and renames when complete), and
 * each is yielded as soon as it is printed. SANE_CONFIG_DIR and the rest of the environment pass through (tests use a
 * private config that enables the `test` and `pnm` backends).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { takePageFile } from '../image-info';
import { checkSettings, pickResolution, scanAreaMm, scanError, ScanError, type ScannedPage, type ScannerBackend, type ScannerCapabilities, type ScannerDevice, type ScanSettings } from '../scanner';
import { batchOutcome, bilevelDepth, capabilitiesFromOptions, LIST_FORMAT, parseDeviceList, parseOptions, type SaneOption } from './scanimage-output';
import { vendorModeFor, vendorSourceFor } from './source-names';

export interface SaneBackendOptions {
  /** The program to run (default `scanimage` on PATH). */
  program?: string;
  env?: NodeJS.ProcessEnv;
  /** Bound for `-L` and `-A` (network backends probe for a while). Default 30 s. */
  queryTimeoutMs?: number;
  /** Grace between SIGTERM and SIGKILL on cancel. Default 3 s. */
  killGraceMs?: number;
  /** Where each batch gets its private folder (default the OS temp folder). */
  tempRoot?: string;
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export class SaneBackend implements ScannerBackend {
  readonly kind = 'sane' as const;
  private readonly program: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly queryTimeoutMs: number;
  private readonly killGraceMs: number;
  private readonly tempRoot: string | undefined;

  constructor(opts: SaneBackendOptions = {}) {
    this.program = opts.program ?? 'scanimage';
    this.env = opts.env ?? process.env;
    this.queryTimeoutMs = opts.queryTimeoutMs ?? 30_000;
    this.killGraceMs = opts.killGraceMs ?? 3_000;
    this.tempRoot = opts.tempRoot;
  }

  /** Runs scanimage to the end, bounded in time; ENOENT (not installed) becomes SCAN_BACKEND_UNAVAILABLE. */
  private run(args: string[], signal?: AbortSignal): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.program, args, { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-65_536)));
      const timer = setTimeout(() => child.kill('SIGKILL'), this.queryTimeoutMs);
      const onAbort = (): void => void child.kill('SIGKILL');
      signal?.addEventListener('abort', onAbort, { once: true });
      child.on('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        reject(e.code === 'ENOENT' ? new ScanError('SCAN_BACKEND_UNAVAILABLE', { backend: 'SANE (scanimage)', detail: 'scanimage not found' }) : scanError('SCAN_FAILED', e.message));
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (signal?.aborted) reject(new ScanError('SCAN_CANCELLED'));
        else if (code === null) reject(scanError('SCAN_DEVICE_GONE', `scanimage ${args[0] ?? ''} did not answer in ${this.queryTimeoutMs} ms`));
        else resolve({ code, stdout, stderr });
      });
    });
  }

  async list(): Promise<ScannerDevice[]> {
    let r: RunResult;
    try {
      r = await this.run(['-f', LIST_FORMAT]);
    } catch (e) {
      // No scanimage on this machine: SANE simply has no devices here.
      if (e instanceof ScanError && e.code === 'SCAN_BACKEND_UNAVAILABLE') return [];
      throw e;
    }
    return parseDeviceList(r.stdout).map((d) => ({ uri: `sane:${d.name}`, name: [d.vendor, d.model].filter((s) => s && s !== 'Noname').join(' ') || d.name, kind: 'sane' }));
  }

  private async options(id: string, signal?: AbortSignal): Promise<Map<string, SaneOption>> {
    const r = await this.run(['-d', id, '-A'], signal);
    if (r.code !== 0) throw batchOutcome(r.code, r.stderr, 0) ?? scanError('SCAN_FAILED', r.stderr);
    return parseOptions(r.stdout);
  }

  async capabilities(id: string, signal?: AbortSignal): Promise<ScannerCapabilities> {
    return capabilitiesFromOptions(await this.options(id, signal));
  }

  async *scan(id: string, settings: ScanSettings, signal: AbortSignal): AsyncIterable<ScannedPage> {
    const opts = await this.options(id, signal);
    const caps = capabilitiesFromOptions(opts);
    checkSettings(settings, caps);
    const dir = await mkdtemp(path.join(this.tempRoot ?? os.tmpdir(), 'motcua-sane-'));
    let args: string[];
    try {
      args = saneScanArgs(id, settings, opts, caps, dir);
      // A cancel before the start would fire no abort event for the listener added below.
      if (signal.aborted) throw new ScanError('SCAN_CANCELLED');
    } catch (e) {
      await rm(dir, { recursive: true, force: true });
      throw e;
    }
    const child = spawn(this.program, args, { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const ended = exitOf(child);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-65_536)));
    const stop = (): void => this.terminate(child);
    signal.addEventListener('abort', stop, { once: true });
    let pages = 0;
    const res = opts.get('--resolution');
    const dpi = res ? saneResolution(settings.dpi, res, caps.resolutions) : (settings.dpi ?? 300);
    try {
      const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
      for await (const raw of lines) {
        const file = raw.trim();
        // Only names inside our folder count: stdout carries nothing else with --batch-print, but be strict.
        if (!file || path.dirname(path.resolve(file)) !== dir) continue;
        const page = await takePageFile(file, pages + 1, dpi);
        pages += 1;
        yield page;
      }
      const { code, spawnError } = await ended;
      if (signal.aborted) throw new ScanError('SCAN_CANCELLED');
      if (spawnError) {
        throw spawnError.code === 'ENOENT' ? new ScanError('SCAN_BACKEND_UNAVAILABLE', { backend: 'SANE (scanimage)', detail: 'scanimage not found' }) : scanError('SCAN_FAILED', spawnError.message);
      }
      const failure = batchOutcome(code, stderr, pages);
      if (failure) throw failure;
    } finally {
      signal.removeEventListener('abort', stop);
      // A consumer that stops early, a cancel or a failure: the process must not go on feeding paper.
      if (child.exitCode === null && child.signalCode === null) this.terminate(child);
      await ended;
      // Partial pages (`*.part`) and pages not taken go with the folder.
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** SIGTERM lets scanimage cancel the device cleanly; SIGKILL if it does not stop in time. */
  private terminate(child: ChildProcess): void {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), this.killGraceMs);
    t.unref();
    child.once('close', () => clearTimeout(t));
  }
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; spawnError: NodeJS.ErrnoException | null }> {
  return new Promise((resolve) => {
    let spawnError: NodeJS.ErrnoException | null = null;
    child.on('error', (e: NodeJS.ErrnoException) => {
      spawnError = e;
      // A failed spawn emits no 'close' on some versions; resolve here too (a second resolve is ignored).
      if (child.pid === undefined) resolve({ code: null, spawnError });
    });
    child.on('close', (code) => resolve({ code, spawnError }));
  });
}

/** Arguments for one batch: PNG (lossless, carries dpi), one page for the flatbed (a flatbed batch never ends). */
export function saneScanArgs(id: string, settings: ScanSettings, opts: Map<string, SaneOption>, caps: ScannerCapabilities, dir: string): string[] {
  const args = ['-d', id, '--format=png', `--batch=${path.join(dir, 'p%04d.png')}`, '--batch-print'];
  if (settings.source === 'flatbed') args.push('--batch-count=1');
  const sources = opts.get('--source')?.values;
  if (sources) {
    const vendor = vendorSourceFor(settings.source, sources);
    if (!vendor) throw new ScanError('SCAN_UNSUPPORTED_SETTING', { setting: 'source', value: settings.source, offered: caps.sources.join(', ') });
    args.push('--source', vendor);
  }
  const res = opts.get('--resolution');
  if (res) args.push('--resolution', String(saneResolution(settings.dpi, res, caps.resolutions)));
  const modes = opts.get('--mode')?.values;
  if (settings.color && modes) {
    const vendor = vendorModeFor(settings.color, modes);
    if (vendor) args.push('--mode', vendor);
    else if (settings.color === 'bw' && bilevelDepth(opts)) args.push('--mode', vendorModeFor('gray', modes) ?? 'Gray', '--depth', '1');
  }
  if (caps.maxAreaMm) {
    const area = scanAreaMm(settings, caps);
    args.push('-x', String(Math.floor(area.widthMm)), '-y', String(Math.floor(area.heightMm)));
  }
  args.push(...(settings.backendOptions ?? []));
  return args;
}

/** A range constraint takes any value inside it; a list takes the nearest listed value. */
function saneResolution(wanted: number | undefined, opt: SaneOption, offered: readonly number[]): number {
  if (wanted !== undefined && opt.range && wanted >= opt.range.min && wanted <= opt.range.max) return wanted;
  return pickResolution(wanted, offered);
}
