/**
 * Paired kiosks and boards (issue #18): pairing requests, device tokens (kept hashed), revocation.
 * The handlers of the `pairing` group, and resolve() for the dispatcher and the event hub.
 */
import { formatPrinterUri, parsePrinterUri } from '../../../native/printers/printer-uri';
import { AppError } from '../../contract/errors';
import type { PairedDevice, pairingContract } from '../../contract/pairing';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { Handlers } from '../../rpc/handlers';
import type { Db } from '../../store/database';
import type { AuditLog } from '../audit/audit-log';
import { DeviceRegistry } from './device-registry';
import { PairingRequests } from './pairing-requests';

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

/** A kiosk's ticket printer in the printing service's normal form (PRINT_BAD_URI on the printerUri field). */
function normalPrinterUri(uri: string): string {
  try {
    return formatPrinterUri(parsePrinterUri(uri));
  } catch (e) {
    if (e instanceof AppError) throw new AppError(e.code, e.params, { field: 'printerUri', cause: e });
    throw e;
  }
}

export function createPairing(deps: PairingDeps): Pairing {
  const devices = new DeviceRegistry(deps.db, deps.audit, deps.clock);
  const requests = new PairingRequests(deps.db, devices, deps.clock);

  const handlers: Handlers<typeof pairingContract> = {
    request: (input, ctx) => {
      const r = requests.request(input.kind, ctx.conn.peer);
      deps.logger.info('pairing requested', { kind: input.kind, peer: ctx.conn.peer, requestId: r.requestId });
      return r;
    },
    claim: (input) => requests.claim(input),
    resume: (input, ctx) => {
      const device = devices.resolve(input.token);
      if (!device) {
        ctx.conn.deviceToken = null;
        throw new AppError('PAIRING_DEVICE_REVOKED', {});
      }
      ctx.conn.deviceToken = input.token;
      devices.touch(device.id, ctx.conn.peer);
      return device;
    },
    leave: (_input, ctx) => {
      ctx.conn.deviceToken = null;
      return { ok: true as const };
    },
    approve: (input, ctx) =>
      requests.approve(ctx.actor, { code: input.code, name: input.name, printerUri: input.printerUri === undefined ? null : normalPrinterUri(input.printerUri) }),
    list: () => devices.list(),
    update: (input, ctx) =>
      devices.update(ctx.actor, {
        id: input.id,
        name: input.name,
        printerUri: input.printerUri === undefined || input.printerUri === null ? input.printerUri : normalPrinterUri(input.printerUri),
      }),
    revoke: (input, ctx) => {
      const out = devices.revoke(ctx.actor, input.id);
      deps.logger.info('device revoked', { id: out.id, kind: out.kind });
      return out;
    },
  };
  return { handlers, resolve: (token) => devices.resolve(token) };
}
