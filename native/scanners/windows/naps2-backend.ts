/**
 * TWAIN scanners on Windows through NAPS2's console tool (NAPS2.Console.exe), when it is installed: NAPS2 drives
 * TWAIN (and WIA) well and is the tool counters already use. NAPS2.Console saves the batch when it ends, so pages
 * arrive together at the end rather than one by one; they are taken in page order and a device error reported by
 * NAPS2 stops the batch after the pages it saved. NAPS2 cannot report capabilities: the usual choices are offered
 * and NAPS2 says when the device lacks one.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { takePageFile } from '../image-info';
import { checkSettings, scanError, ScanError, type ScannedPage, type ScannerBackend, type ScannerCapabilities, type ScannerDevice, type ScanSettings } from '../scanner';
import { naps2ListArgs, naps2ScanArgs, type Naps2Driver } from './command-lines';
import { naps2Outcome, parseNaps2Devices } from './helper-output';
import { defaultSpawn, runHelper, startHelper, type SpawnFn } from './helper-process';

export interface Naps2BackendOptions {
  driver?: Naps2Driver;
  spawn?: SpawnFn;
  /** NAPS2.Console.exe; default MOTCUA_NAPS2_CONSOLE, else NAPS2's install folder under Program Files. */
  program?: string;
  env?: NodeJS.ProcessEnv;
  queryTimeoutMs?: number;
  tempRoot?: string;
}

export function defaultNaps2Program(env: NodeJS.ProcessEnv = process.env): string {
  return env.MOTCUA_NAPS2_CONSOLE || path.win32.join(env.ProgramFiles || 'C:\\Program Files', 'NAPS2', 'NAPS2.Console.exe');
}

const PAGE_FILE = /^page-(\d+)\.png$/i;

export class Naps2Backend implements ScannerBackend {
  readonly kind: 'twain' | 'wia';
  private readonly driver: Naps2Driver;
  private readonly spawn: SpawnFn;
  private readonly program: string;
  private readonly env: NodeJS.ProcessEnv | undefined;
  private readonly queryTimeoutMs: number;
  private readonly tempRoot: string | undefined;

  constructor(opts: Naps2BackendOptions = {}) {
    this.driver = opts.driver ?? 'twain';
    this.kind = this.driver;
    this.spawn = opts.spawn ?? defaultSpawn;
    this.program = opts.program ?? defaultNaps2Program();
    this.env = opts.env;
    this.queryTimeoutMs = opts.queryTimeoutMs ?? 60_000;
    this.tempRoot = opts.tempRoot;
  }

  private unavailable(): ScanError {
    return new ScanError('SCAN_BACKEND_UNAVAILABLE', { backend: `${this.driver.toUpperCase()} (NAPS2)`, detail: 'NAPS2 is not installed (NAPS2.Console.exe not found)' });
  }

  /** A full path that does not exist means NAPS2 is not installed; a bare name is left to the search path. */
  private installed(): boolean {
    return !(path.win32.isAbsolute(this.program) || path.isAbsolute(this.program)) || existsSync(this.program);
  }

  async list(): Promise<ScannerDevice[]> {
    if (!this.installed()) return [];
    const r = await runHelper(this.spawn, this.program, naps2ListArgs(this.driver), { timeoutMs: this.queryTimeoutMs, env: this.env });
    if (r.spawnError?.code === 'ENOENT') return [];
    if (r.spawnError) throw scanError('SCAN_FAILED', r.spawnError.message);
    if (r.timedOut) throw scanError('SCAN_DEVICE_GONE', `NAPS2 --listdevices did not answer in ${this.queryTimeoutMs} ms`);
    const failure = naps2Outcome([...r.stdout, r.stderr].join('\n'), r.code, 'adf');
    // "No scanning device was found" is an empty list, not an error.
    if (failure && failure.code !== 'SCAN_DEVICE_GONE') throw failure;
    if (failure) return [];
    return parseNaps2Devices(r.stdout.join('\n')).map((name) => ({ uri: `${this.driver}:${name}`, name, kind: this.driver }));
  }

  async capabilities(): Promise<ScannerCapabilities> {
    if (!this.installed()) throw this.unavailable();
    return { sources: ['flatbed', 'adf', 'adf-duplex'], resolutions: [], colorModes: ['bw', 'gray', 'color'], pageSizes: [] };
  }

  async *scan(id: string, settings: ScanSettings, signal: AbortSignal): AsyncIterable<ScannedPage> {
    checkSettings(settings, await this.capabilities());
    if (signal.aborted) throw new ScanError('SCAN_CANCELLED');
    const dir = await mkdtemp(path.join(this.tempRoot ?? os.tmpdir(), 'motcua-naps2-'));
    const run = startHelper(this.spawn, this.program, naps2ScanArgs(this.driver, id, settings, dir), this.env);
    const stop = (): void => run.stop();
    signal.addEventListener('abort', stop, { once: true });
    try {
      const output: string[] = [];
      for await (const line of run.lines) output.push(line);
      const { code, spawnError } = await run.ended;
      if (signal.aborted) throw new ScanError('SCAN_CANCELLED');
      if (spawnError) throw spawnError.code === 'ENOENT' ? this.unavailable() : scanError('SCAN_FAILED', spawnError.message);
      // Pages in NAPS2's numbering (numbers compared as numbers), whatever the outcome: saved pages are kept.
      const files = (await readdir(dir)).filter((n) => PAGE_FILE.test(n)).sort((a, b) => Number(PAGE_FILE.exec(a)![1]) - Number(PAGE_FILE.exec(b)![1]));
      const dpi = settings.dpi ?? 300;
      let index = 0;
      for (const name of files) {
        if (signal.aborted) throw new ScanError('SCAN_CANCELLED');
        const page = await takePageFile(path.join(dir, name), index + 1, dpi);
        index += 1;
        yield page;
      }
      const failure = naps2Outcome([...output, run.stderr()].join('\n'), code, settings.source);
      if (failure) throw failure;
      if (index === 0) throw scanError(settings.source === 'flatbed' ? 'SCAN_FAILED' : 'SCAN_FEEDER_EMPTY', 'NAPS2 saved no page');
    } finally {
      signal.removeEventListener('abort', stop);
      run.stop();
      await run.ended;
      await rm(dir, { recursive: true, force: true });
    }
  }
}
