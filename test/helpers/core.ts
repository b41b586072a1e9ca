import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../core/app';
import type { MethodInput, MethodName, MethodOutput } from '../../core/contract/index';
import type { Connection, Transport } from '../../core/rpc/connection';
import { tempDir } from './temp';

/** scrypt parameters for tests: same code path, a thousandth of the cost. */
export const TEST_HASH_COST = { N: 1024, r: 8, p: 1 };

export interface TestCore {
  core: Core;
  dir: string;
  close(): Promise<void>;
}

export async function startCore(opts: Partial<CoreOptions> = {}): Promise<TestCore> {
  const t = tempDir();
  // Cheap scrypt for tests (production keeps N = 2^17); a test may still pass its own authPolicy.hashCost.
  const core = await createCore({ dataDir: t.dir, logLevel: 'warn', ...opts, authPolicy: { hashCost: TEST_HASH_COST, ...opts.authPolicy } });
  return {
    core,
    dir: t.dir,
    async close() {
      await core.close();
      t.cleanup();
    },
  };
}

/** Calls through the real dispatcher and throws on { ok: false } with the wire error attached. */
export async function call<M extends MethodName>(core: Core, conn: Connection, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const r = await core.dispatch(conn, method, input);
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { wire: r.error });
  return r.value as MethodOutput<M>;
}

export function conn(core: Core, transport: Transport = 'web'): Connection {
  return core.openConnection(transport, 'test');
}

/** First-run admin plus a logged-in connection for it. */
export async function withAdmin(core: Core): Promise<Connection> {
  const c = conn(core);
  await call(core, c, 'auth.setupAdmin', { username: 'admin', displayName: 'Quản trị viên', password: 'mat-khau-123' });
  return c;
}

/** A stand-in for the built renderer under `dir`: index.html and an empty assets/ folder (web-server tests). */
export function stubRendererDir(dir: string): string {
  const rendererDir = path.join(dir, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>MotCua</title>');
  return rendererDir;
}
