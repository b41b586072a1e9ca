/**
 * WIA 2.0 scanners on Windows through the PowerShell helper shipped beside this file (wia-scan.ps1, the WIA
 * Automation Library in every Windows). The helper writes each page whole to a private folder and prints a JSON line
 * as it finishes, so pages stream like SANE's --batch-print; the device's HRESULT maps to our codes (helper-output.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { takePageFile } from '../image-info';
import { checkSettings, pickResolution, scanError, ScanError, type ScannedPage, type ScannerBackend, type ScannerCapabilities, type ScannerDevice, type ScanSettings } from '../scanner';
import { wiaHelperArgs, type WiaRequest } from './command-lines';
import { parseWiaLine, wiaErrorCode, wiaStop, type WiaHelperEvent } from './helper-output';
import { defaultSpawn, runHelper, startHelper, type SpawnFn } from './helper-process';

export interface WiaBackendOptions {
  spawn?: SpawnFn;
  /** Default `powershell.exe` (Windows PowerShell 5.1, present on every Windows 10/11). */
  powershell?: string;
  /** The helper script; default wia-scan.ps1 beside this module. */
  script?: string;
  env?: NodeJS.ProcessEnv;
  /** Bound for list and capabilities. Default 30 s. */
  queryTimeoutMs?: number;
  /** Where each batch gets its private folder (default the OS temp folder). */
  tempRoot?: string;
}

const BACKEND = 'WIA (PowerShell)';

export function defaultWiaScript(): string {
  return fileURLToPath(new URL('./wia-scan.ps1', import.meta.url));
}

export class WiaBackend implements ScannerBackend {
  readonly kind = 'wia' as const;
  private readonly spawn: SpawnFn;
  private readonly powershell: string;
  private readonly script: string;
  private readonly env: NodeJS.ProcessEnv | undefined;
  private readonly queryTimeoutMs: number;
  private readonly tempRoot: string | undefined;

  constructor(opts: WiaBackendOptions = {}) {
    this.spawn = opts.spawn ?? defaultSpawn;
    this.powershell = opts.powershell ?? 'powershell.exe';
    this.script = opts.script ?? defaultWiaScript();
    this.env = opts.env;
    this.queryTimeoutMs = opts.queryTimeoutMs ?? 30_000;
    this.tempRoot = opts.tempRoot;
  }

  /** A list or capabilities request: its events, or the error the helper or the device reported. */
  private async query(request: WiaRequest, signal?: AbortSignal): Promise<WiaHelperEvent[]> {
    const r = await runHelper(this.spawn, this.powershell, wiaHelperArgs(this.script, request), { timeoutMs: this.queryTimeoutMs, signal, env: this.env });
    if (signal?.aborted) throw new ScanError('SCAN_CANCELLED');
    if (r.spawnError) throw unavailableOr(r.spawnError);
    if (r.timedOut) throw scanError('SCAN_DEVICE_GONE', `WIA helper ${request.command} did not answer in ${this.queryTimeoutMs} ms`);
    const events = r.stdout.map(parseWiaLine).filter((e): e is WiaHelperEvent => e !== null);
    const error = events.find((e) => e.type === 'error');
    if (error?.type === 'error') throw scanError(wiaErrorCode(error.hresult), `WIA ${request.command}: ${error.message}`);
    if (r.code !== 0) throw scanError('SCAN_FAILED', `WIA helper exit ${r.code ?? 'killed'}: ${r.stderr.trim().split(/\r?\n/).slice(-2).join(' | ')}`);
    return events;
  }

  async list(): Promise<ScannerDevice[]> {
    let events: WiaHelperEvent[];
    try {
      events = await this.query({ command: 'list' });
    } catch (e) {
      if (e instanceof ScanError && e.code === 'SCAN_BACKEND_UNAVAILABLE') return [];
      throw e;
    }
    return events.flatMap((e) => (e.type === 'device' ? [{ uri: `wia:${e.id}`, name: e.name || e.id, kind: 'wia' as const }] : []));
  }

  async capabilities(id: string, signal?: AbortSignal): Promise<ScannerCapabilities> {
    const caps = (await this.query({ command: 'caps', device: id }, signal)).find((e) => e.type === 'caps');
    if (caps?.type !== 'caps') throw scanError('SCAN_FAILED', 'WIA helper printed no capabilities');
    return caps.capabilities;
  }

  async *scan(id: string, settings: ScanSettings, signal: AbortSignal): AsyncIterable<ScannedPage> {
    const caps = await this.capabilities(id, signal);
    checkSettings(settings, caps);
    if (signal.aborted) throw new ScanError('SCAN_CANCELLED');
    const dpi = pickResolution(settings.dpi, caps.resolutions);
    const dir = await mkdtemp(path.join(this.tempRoot ?? os.tmpdir(), 'motcua-wia-'));
    const run = startHelper(this.spawn, this.powershell, wiaHelperArgs(this.script, { command: 'scan', device: id, source: settings.source, dpi, color: settings.color ?? 'gray', outDir: dir }), this.env);
    const stop = (): void => run.stop();
    signal.addEventListener('abort', stop, { once: true });
    let pages = 0;
    let failure: ScanError | null = null;
    let done = false;
    try {
      for await (const line of run.lines) {
        const event = parseWiaLine(line);
        if (event?.type === 'error') failure ??= wiaStop(event.hresult, event.message, pages, settings.source);
        if (event?.type === 'done') done = true;
        if (event?.type !== 'page') continue;
        // Only files inside our folder count: the helper is ours, but a path is still input.
        const file = path.resolve(event.file);
        if (path.dirname(file) !== dir) continue;
        const page = await takePageFile(file, pages + 1, dpi);
        pages += 1;
        yield page;
      }
      const { code, spawnError } = await run.ended;
      if (signal.aborted) throw new ScanError('SCAN_CANCELLED');
      if (spawnError) throw unavailableOr(spawnError);
      if (failure) throw failure;
      // A helper that died (killed, crashed) without saying it was done: the pages so far are kept, the batch is not whole.
      if (!done || code !== 0) throw scanError('SCAN_FAILED', `WIA helper ended (exit ${code ?? 'killed'}) before the batch was done: ${run.stderr().trim().split(/\r?\n/).slice(-2).join(' | ')}`);
    } finally {
      signal.removeEventListener('abort', stop);
      run.stop();
      await run.ended;
      await rm(dir, { recursive: true, force: true });
    }
  }
}

function unavailableOr(e: NodeJS.ErrnoException): ScanError {
  return e.code === 'ENOENT' ? new ScanError('SCAN_BACKEND_UNAVAILABLE', { backend: BACKEND, detail: 'powershell.exe not found' }) : scanError('SCAN_FAILED', e.message);
}
