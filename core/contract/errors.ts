/**
 * The one error type that crosses the contract. `code` is stable (logs, tests, support scripts grep it);
 * the human text comes from the message catalogue (`errors.<code>`), never from the thrower.
 */
export type ErrorParams = Record<string, string | number | boolean | null>;

export class AppError extends Error {
  readonly code: string;
  readonly params: ErrorParams;
  /** Field path the error belongs to, so the UI can show it beside that field. */
  readonly field: string | undefined;
  readonly details: unknown;

  constructor(code: string, params: ErrorParams = {}, opts: { field?: string; details?: unknown; cause?: unknown } = {}) {
    super(code, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.field = opts.field;
    this.details = opts.details;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** The serialisable form of an error as every transport sends it. */
export interface WireError {
  code: string;
  message: string;
  params: ErrorParams;
  field?: string;
  details?: unknown;
}
