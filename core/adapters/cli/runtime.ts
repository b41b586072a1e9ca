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

/**
 * Failures caused by what the user typed or handed in (an argument, a file, a QR text): exit 2, so a script can
 * tell "fix your input" from "the operation failed". One list for every command.
 */
const BAD_INPUT_CODES = new Set([
  'RPC_INVALID_INPUT',
  'RPC_MALFORMED',
  'VALIDATION',
  // Codes typed on the command line that the catalogue does not have.
  'CATALOGUE_AGENCY_NOT_FOUND',
  'CATALOGUE_PROCEDURE_NOT_FOUND',
  // A catalogue file that does not parse, or has bad rows.
  'CATALOGUE_FILE_UNREADABLE',
  'CATALOGUE_IMPORT_REJECTED',
  // A file handed in that is too large, of the wrong kind, or (catalogue) past the import limits.
  'CATALOGUE_FILE_TOO_LARGE',
  'CATALOGUE_TOO_MANY_ROWS',
  'CATALOGUE_TOO_MANY_CELLS',
  'CATALOGUE_CELL_TOO_LONG',
  'CATALOGUE_ZIP_TOO_LARGE',
  'DOSSIER_FILE_TOO_LARGE',
  'DOSSIER_FILE_EMPTY',
  'DOSSIER_FILE_DANGEROUS',
  'DOSSIER_FILE_CONTENT_MISMATCH',
]);

export function isBadInput(code: string): boolean {
  if (BAD_INPUT_CODES.has(code) || code.endsWith('_INVALID')) return true;
  // CLI_*: argument checks of the commands themselves; CALENDAR_*: a date, duration or calendar file given.
  if (code.startsWith('CLI_') || code.startsWith('CALENDAR_')) return true;
  // A CCCD QR text that does not parse; the scanner's own failures are not the user's input.
  return code.startsWith('CCCD_') && !code.startsWith('CCCD_SCANNER_');
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
