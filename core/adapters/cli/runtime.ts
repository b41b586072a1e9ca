/**
 * What every CLI command shares: open the core on the data directory as the local operator, call one
 * contract method, print the value (JSON or text), map failures to exit codes.
 * Exit codes: 0 done, 1 the operation failed, 2 bad arguments or invalid input, 3 the device is not available now
 * and the work is kept (a scanner stopped with its pages stored, a print job queued or awaiting the clerk's answer).
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import type { Core } from '../../app';
import type { MethodInput, MethodName, MethodOutput } from '../../contract/index';
import { isAppError, isInputError, type WireError } from '../../contract/errors';
import { errorMessage } from '../../i18n/translate';
import type { Connection } from '../../rpc/connection';
import { resolveDataDir } from '../../platform/data-dir';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_DEVICE_UNAVAILABLE = 3;

/** Bad input (exit 2) is a property of the error code, declared with the codes (contract/errors.ts). */
export function isBadInput(code: string): boolean {
  return isInputError(code);
}

export function exitCodeFor(code: string): number {
  return isBadInput(code) ? EXIT_USAGE : EXIT_FAILED;
}

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

export async function withCore<T>(fn: (s: CliSession) => Promise<T>, opts: { ocr?: { run: boolean; workers?: number }; centralUrl?: string } = {}): Promise<T> {
  // A short command queues pages (a scan) but never reads them: the app's core runs the OCR queue (or `motcua ocr run`).
  // centralUrl: `motcua sync --central URL` talks to that server for this run instead of the enrolled one.
  // The core loads with the first command that needs it: `--help` and refused arguments answer without it.
  const { createCore } = await import('../../app');
  const core = await createCore({ dataDir: resolveDataDir(), echoLogs: false, ocr: opts.ocr ?? { run: false }, ...(opts.centralUrl ? { centralUrl: opts.centralUrl } : {}) });
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
        if (!r.ok) throw new CliFailure(r.error, exitCodeFor(r.error.code));
        return r.value as MethodOutput<typeof method>;
      },
    });
  } finally {
    core.closeConnection(conn);
    await core.close();
  }
}

/** A failure found by the CLI itself (an argument, a file it reads), with its exit code from the one list. */
export function cliFailure(code: string, message: string): CliFailure {
  return new CliFailure({ code, message, params: {} }, exitCodeFor(code));
}

/** Writes a file the user named (--out): a path that cannot be written is their input to fix (exit 2). */
export async function writeOutputFile(file: string, data: Buffer): Promise<void> {
  try {
    await writeFile(file, data);
  } catch (e) {
    throw cliFailure('CLI_FILE_UNWRITABLE', `Không ghi được tệp ${file}: ${(e as Error).message}. Hãy chọn thư mục có quyền ghi / cannot write the file; choose a writable folder.`);
  }
}

/** A whole number in [min, max] written in plain decimal, or a CLI_BAD_ARGUMENT failure naming the option. */
export function integerOption(name: string, v: string, min: number, max: number): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min || n > max) {
    throw cliFailure('CLI_BAD_ARGUMENT', `${name} "${v}": phải là số nguyên từ ${min} đến ${max} / must be a whole number from ${min} to ${max}`);
  }
  return n;
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
  // Refusals before any call (the core would not open: a missing audit key, a database too new …).
  if (isAppError(e)) {
    process.stderr.write(`Lỗi [${e.code}]: ${errorMessage(e.code, e.params)}\n`);
    return exitCodeFor(e.code);
  }
  const err = e as Error;
  process.stderr.write(`Lỗi [INTERNAL]: ${errorMessage('INTERNAL')} (${err?.message ?? String(e)})\n`);
  return EXIT_FAILED;
}
