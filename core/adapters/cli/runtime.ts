/**
 * What every CLI command shares: open the core on the data directory as the local operator, call one
 * contract method, print the value (JSON or text), map failures to exit codes.
 * Exit codes: 0 done, 1 the operation failed, 2 bad arguments or invalid input.
 */
import os from 'node:os';
import { createCore, type Core } from '../../app';
import type { MethodInput, MethodName, MethodOutput } from '../../contract/index';
import type { WireError } from '../../contract/errors';
import type { Connection } from '../../rpc/connection';
import { resolveDataDir } from '../../platform/data-dir';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

const INPUT_ERRORS = new Set(['RPC_INVALID_INPUT', 'RPC_MALFORMED', 'VALIDATION']);

export class CliFailure extends Error {
  constructor(readonly error: WireError, readonly exitCode: number) {
    super(error.message);
  }
}

export interface CliSession {
  core: Core;
  conn: Connection;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
}

export async function withCore<T>(fn: (s: CliSession) => Promise<T>): Promise<T> {
  const core = await createCore({ dataDir: resolveDataDir(), echoLogs: false });
  const user = (() => {
    try {
      return os.userInfo().username;
    } catch {
      return 'unknown';
    }
  })();
  const conn = core.openConnection('cli', `cli:${user}`, { name: `cli:${user}`, role: 'admin' });
  try {
    return await fn({
      core,
      conn,
      async call(method, input) {
        const r = await core.dispatch(conn, method, input);
        if (!r.ok) throw new CliFailure(r.error, INPUT_ERRORS.has(r.error.code) || r.error.code.endsWith('_INVALID') ? EXIT_USAGE : EXIT_FAILED);
        return r.value as MethodOutput<typeof method>;
      },
    });
  } finally {
    core.closeConnection(conn);
    await core.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Vietnamese message first, then the stable code for logs and scripts. */
export function printFailure(e: unknown): number {
  if (e instanceof CliFailure) {
    process.stderr.write(`Lỗi [${e.error.code}]: ${e.error.message}\n`);
    return e.exitCode;
  }
  const err = e as Error;
  process.stderr.write(`Lỗi [INTERNAL]: ${err?.message ?? String(e)}\n`);
  return EXIT_FAILED;
}
