/**
 * Web mode as a child process, the way a user starts it: `node scripts/start-web.mjs --port 0` on a fresh data
 * directory. The URL is read from its "MotCua Desk (web): http://…" line. The renderer must be built first
 * (`npx vite build --config renderer/vite.config.ts`; `npm test` does it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RpcClient as RawRpcClient } from './ws-client';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const START_SCRIPT = path.join(REPO_ROOT, 'scripts', 'start-web.mjs');
const BUILT_INDEX = path.join(REPO_ROOT, 'out', 'renderer', 'index.html');
const URL_LINE = /MotCua Desk \(web\): (http:\/\/\S+)/;

export interface WebMode {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** performance.now() when the process was spawned. */
  readonly spawnedAt: number;
  /** Milliseconds from spawn to the URL line on stdout. */
  readonly msToListening: number;
  /** Everything the process printed so far (for failure messages). */
  output(): string;
  /** Stops the process (SIGTERM, then SIGKILL); removes the data directory if this helper created it. */
  stop(opts?: { keepData?: boolean }): Promise<void>;
  /** Sends a signal to the launcher and its server (crash tests: SIGKILL); resolves with the launcher's death signal. */
  kill(signal: NodeJS.Signals): Promise<NodeJS.Signals | null>;
}

export function makeTempDir(prefix = 'motcua-e2e-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function assertRendererBuilt(): void {
  if (!existsSync(BUILT_INDEX)) {
    throw new Error('out/renderer is missing: run `npx vite build --config renderer/vite.config.ts` before the e2e tests');
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(t);
      resolve(true);
    });
  });
}

export async function startWebMode(
  opts: { dataDir?: string; port?: number; timeoutMs?: number; requireRenderer?: boolean; env?: Record<string, string> } = {},
): Promise<WebMode> {
  if (opts.requireRenderer ?? true) assertRendererBuilt();
  const ownsDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? makeTempDir();
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [START_SCRIPT, '--port', String(opts.port ?? 0)], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...opts.env, MOTCUA_DATA_DIR: dataDir, MOTCUA_SKIP_RENDERER_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let server: number | undefined; // the launcher's current server process
  const keep = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    for (const m of text.matchAll(/web server started \(pid (\d+)\)/g)) server = Number(m[1]);
    out = (out + text).slice(-20_000);
  };
  child.stderr.on('data', keep);

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`web mode printed no URL within ${opts.timeoutMs ?? 30_000} ms`)), opts.timeoutMs ?? 30_000);
    const onData = (chunk: Buffer) => {
      keep(chunk);
      const m = URL_LINE.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    const onExit = (code: number | null) => fail(new Error(`web mode exited (code ${code}) before listening`));
    function fail(e: Error) {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.kill('SIGKILL');
      reject(new Error(`${e.message}\n--- output ---\n${out}`));
    }
    child.stdout.on('data', onData);
    child.once('exit', onExit);
    child.once('error', (e) => fail(e));
  });
  const msToListening = performance.now() - spawnedAt;
  child.removeAllListeners('exit');
  child.stdout.removeAllListeners('data');
  child.stdout.on('data', keep);

  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    spawnedAt,
    msToListening,
    output: () => out,
    async kill(signal) {
      // The launcher runs the server as its child (core/adapters/web/supervisor.ts): a crash test kills both, the
      // server the same way, and returns once the server that did the writes is gone.
      const launcher = await new Promise<NodeJS.Signals | null>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.signalCode);
        child.once('exit', (_code, sig) => resolve(sig));
        child.kill(signal);
      });
      if (server !== undefined) {
        try {
          process.kill(server, signal);
          for (let i = 0; i < 200; i++) {
            process.kill(server, 0);
            await new Promise((r) => setTimeout(r, 25));
          }
        } catch {
          /* gone */
        }
      }
      return launcher;
    },
    async stop(stopOpts = {}) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 5_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
      if (ownsDir && !stopOpts.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A plain contract client over /rpc (what the renderer's web bridge speaks), for preparing data in tests. */
export interface RpcClient {
  call<T = unknown>(method: string, input?: unknown): Promise<T>;
  close(): void;
}

/** Like the raw client in ws-client.ts, but a { ok: false } reply rejects with the error code attached. */
export async function connectRpc(baseUrl: string): Promise<RpcClient> {
  const raw = await RawRpcClient.open(baseUrl);
  return {
    async call<T>(method: string, input?: unknown) {
      const reply = await raw.call(method, input);
      if (reply.ok) return reply.value as T;
      throw Object.assign(new Error(`${reply.error?.code}: ${reply.error?.message}`), { code: reply.error?.code });
    },
    close: () => raw.close(),
  };
}

export interface Account {
  username: string;
  displayName: string;
  password: string;
}

export const ADMIN: Account = { username: 'quantri', displayName: 'Nguyễn Thị Quản Trị', password: 'mat-khau-an-toan-1' };
export const CLERK: Account = { username: 'canbo1', displayName: 'Trần Văn Cán Bộ', password: 'mat-khau-can-bo-1' };

/** First run without the UI: the admin account, and optionally a clerk. */
export async function seedAccounts(baseUrl: string, opts: { clerk?: boolean } = {}): Promise<void> {
  const rpc = await connectRpc(baseUrl);
  try {
    await rpc.call('auth.setupAdmin', ADMIN);
    if (opts.clerk) await rpc.call('users.create', { ...CLERK, role: 'clerk' });
  } finally {
    rpc.close();
  }
}
