/**
 * Enrolling this counter with a central server: a one-time token from the central's admin → device credentials.
 * Afterwards the counter is the id the central assigned (fallback codes and receipts carry it), and its unused
 * local code blocks are dropped so later codes come from central blocks (which no other counter shares).
 * Token refusals are input errors (a new token is the fix: CLI exit 2); a central that cannot be reached is not.
 * Note: a one-time token whose reply was lost is spent on the central; the message for a used token says so.
 */
import os from 'node:os';
import { AppError } from '../../contract/errors';
import { enrolRequestSchema } from '../../contract/central-api';
import { COUNTER_ID_RE } from '../../domain/dossier/code-pattern';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import { appVersion } from '../../platform/version';
import { dayKey, vietnamLocal } from '../../domain/time/vietnam';
import { inTransaction, type Db } from '../../store/database';
import type { Actor } from '../actor';
import type { CounterIdentity } from '../dossiers/counter-identity';
import { createCentralClient, type CentralClient, type CentralClientOptions } from './central-client';
import type { CentralCredentials, CentralLink } from './central-link';
import { validateCentralUrl } from './central-url';

export const ENROLMENT_ACTOR: Actor = { kind: 'system', name: 'sync-enrolment', role: 'admin' };

export { validateCentralUrl, type BadUrlReason } from './central-url';

const TOKEN_CODES: Record<string, string> = {
  ENROL_TOKEN_INVALID: 'SYNC_ENROL_TOKEN_INVALID',
  ENROL_TOKEN_USED: 'SYNC_ENROL_TOKEN_USED',
  ENROL_TOKEN_EXPIRED: 'SYNC_ENROL_TOKEN_EXPIRED',
};

export interface EnrolOptions {
  link: CentralLink;
  /** The central URL as typed. */
  central: string;
  token: string;
  counter: CounterIdentity;
  db: Db;
  logger: Logger;
  clock: Clock;
  /** Default createCentralClient (tests pass their own). */
  createClient?: (opts: CentralClientOptions) => CentralClient;
  /** Who enrols (the counter id change is audited with it); default the system actor 'sync-enrolment'. */
  actor?: Actor;
  timeoutMs?: number;
  /** Enrol as another counter on purpose (the central refuses a token of another counter id without it). */
  force?: boolean;
}

/** At most this many (agency, day) rows are reported (the protocol's bound); the newest days first. */
const MAX_USED_SEQUENCES = 1000;

/**
 * The numbers the local authority already handed out, from yesterday (Vietnam time) on: the central moves its own
 * sequences past them, so its blocks never repeat a code issued here before enrolling.
 */
export function usedSequences(db: Db, now: Date): Array<{ agencyCode: string; day: string; last: number }> {
  const since = dayKey(vietnamLocal(new Date(now.getTime() - 86_400_000)));
  return db
    .prepare<[string, number], { agencyCode: string; day: string; last: number }>(
      'SELECT agency_code AS agencyCode, day, next - 1 AS last FROM sequence_authority WHERE day >= ? AND next > 1 ORDER BY day DESC, agency_code LIMIT ?',
    )
    .all(since, MAX_USED_SEQUENCES);
}

export async function enrolCounter(o: EnrolOptions): Promise<CentralCredentials> {
  const central = validateCentralUrl(o.central);
  const token = o.token.trim();
  if (!enrolRequestSchema.shape.token.safeParse(token).success) throw new AppError('SYNC_ENROL_TOKEN_INVALID', {}, { field: 'token' });
  const client = (o.createClient ?? createCentralClient)({ baseUrl: central, deviceToken: null, ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}) });
  const current = o.link.credentials()?.counterId;
  const used = usedSequences(o.db, o.clock.now());
  const r = await client.enrol({
    token,
    deviceName: os.hostname().slice(0, 200),
    appVersion: appVersion().slice(0, 50),
    ...(used.length ? { usedSequences: used } : {}),
    ...(current ? { currentCounterId: current } : {}),
    ...(o.force ? { force: true } : {}),
  });
  if (!r.ok) {
    if (r.kind === 'rejected') {
      // The token names another counter id: dossiers already sent stay under the old id; only --force re-enrols.
      if (r.error.code === 'ENROL_OTHER_COUNTER') throw new AppError('SYNC_ENROL_OTHER_COUNTER', { current: current ?? '', reason: r.error.message.slice(0, 300) }, { field: 'token' });
      const mapped = TOKEN_CODES[r.error.code.replace(/^SYNC_/, '')];
      if (mapped) throw new AppError(mapped, {}, { field: 'token' });
      throw new AppError('SYNC_ENROL_REJECTED', { code: r.error.code, reason: r.error.message.slice(0, 300) });
    }
    o.logger.warn('enrolment: central not reachable', { central, code: r.code, detail: r.detail, maybeApplied: r.maybeApplied });
    throw new AppError('SYNC_CENTRAL_UNREACHABLE', { central, detail: r.detail.slice(0, 300) });
  }
  const counterId = r.value.counterId.trim().toUpperCase();
  if (!COUNTER_ID_RE.test(counterId)) throw new AppError('SYNC_ENROL_BAD_COUNTER_ID', { counterId: r.value.counterId.slice(0, 40) });

  // The device token exists only in this reply: it is kept before anything else can fail.
  const creds: CentralCredentials = {
    central,
    counterId,
    deviceId: r.value.deviceId,
    deviceToken: r.value.deviceToken,
    serverId: r.value.serverId,
    enrolledAt: o.clock.now().toISOString(),
  };
  o.link.save(creds);
  const dropped = inTransaction(o.db, () => {
    o.counter.set(o.actor ?? ENROLMENT_ACTOR, counterId);
    // Unused numbers of local blocks must not be used now that codes come from the central's blocks.
    return o.db.prepare("DELETE FROM code_blocks WHERE source = 'local' AND next < end").run().changes;
  });
  o.logger.info('enrolled with the central server', { central, counterId, deviceId: creds.deviceId, serverId: creds.serverId, droppedLocalBlocks: dropped });
  return creds;
}
