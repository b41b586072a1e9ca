/**
 * The central server's one error type: an HTTP status, a stable code and its params. The reply body is
 * `{ code, message, ...extra }` with the message in Vietnamese from core/i18n (errors.<CODE>, central-server.ts).
 */
import { errorMessage } from '../core/i18n/translate';
import type { ErrorReply } from '../core/contract/central-api';

export type ErrorExtra = Pick<ErrorReply, 'offset' | 'expectedSeq' | 'sha256'>;

export class CentralError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly extra: ErrorExtra = {},
  ) {
    super(code);
    this.name = 'CentralError';
  }

  reply(): ErrorReply {
    return { code: this.code, message: errorMessage(this.code, this.params), ...this.extra };
  }
}

export const badRequest = (reason: string): CentralError => new CentralError(400, 'BAD_REQUEST', { reason });
