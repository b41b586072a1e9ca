/**
 * Paired kiosks and boards (issue #18): pairing requests, device tokens (kept hashed), revocation.
 * PLACEHOLDER (skeleton): the devices helper replaces the body.
 */
import { AppError } from '../../contract/errors';
import type { PairedDevice, pairingContract } from '../../contract/pairing';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { Handlers } from '../../rpc/handlers';
import type { Db } from '../../store/database';
import type { AuditLog } from '../audit/audit-log';

export interface PairingDeps {
  db: Db;
  audit: AuditLog;
  logger: Logger;
  clock: Clock;
}

export interface Pairing {
  handlers: Handlers<typeof pairingContract>;
  /** A device token to its device; null when unknown or revoked (the dispatcher and the event hub ask). */
  resolve(token: string): PairedDevice | null;
}

export function createPairing(_deps: PairingDeps): Pairing {
  const notYet = (): never => {
    throw new AppError('INTERNAL');
  };
  return { handlers: new Proxy({}, { get: () => notYet }) as Handlers<typeof pairingContract>, resolve: () => null };
}
