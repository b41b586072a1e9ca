/**
 * Enrolment and device tokens. The central keeps only SHA-256 hashes of both: a leaked database cannot be replayed
 * as a counter. A one-time token (made by `central token --counter ID`) enrols one device; enrolling the counter
 * again revokes its previous device (a replaced PC, a reinstalled app).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { COUNTER_ID_RE } from '../../core/domain/dossier/code-pattern';
import { CentralError } from '../errors';
import { inTransaction, type Db } from './db';
import { bumpSequencePast } from './sequence';

/**
 * The counter's own rule for `counter.id` (e.g. Q03), after upper-casing as the counter does: "q03" and "Q03" are one
 * counter (two spellings would be two central counters sharing one id at the desks, each with a live device).
 */
export const COUNTER_ID = COUNTER_ID_RE;
export const normaliseCounterId = (id: string): string => id.trim().toUpperCase();
export const DEFAULT_ENROL_TTL_HOURS = 7 * 24;

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
const newSecret = (): string => randomBytes(32).toString('base64url');

export interface Caller {
  deviceId: string;
  counterId: string;
}

export async function serverId(db: Db): Promise<string> {
  return (await db.query<{ server_id: string }>('SELECT server_id FROM server_info WHERE id = 1')).rows[0]!.server_id;
}

/** A new one-time enrolment token for the counter; returned once, only its hash is stored. */
export async function createEnrolToken(db: Db, rawCounterId: string, ttlHours = DEFAULT_ENROL_TTL_HOURS): Promise<string> {
  const counterId = normaliseCounterId(rawCounterId);
  if (!COUNTER_ID.test(counterId)) throw new CentralError(400, 'CENTRAL_COUNTER_ID_INVALID', { counterId: rawCounterId });
  const token = newSecret();
  await db.query(`INSERT INTO enrol_tokens (token_hash, counter_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))`, [hashToken(token), counterId, ttlHours * 3600]);
  return token;
}

export interface EnrolInput {
  token: string;
  deviceName: string;
  appVersion: string;
  usedSequences?: { agencyCode: string; day: string; last: number }[];
  currentCounterId?: string;
  force?: boolean;
}

export async function enrol(db: Db, req: EnrolInput): Promise<Caller & { deviceToken: string }> {
  return inTransaction(db, async (tx) => {
    const row = (
      await tx.query<{ counter_id: string; used_at: Date | null; expired: boolean }>(
        'SELECT counter_id, used_at, expires_at <= now() AS expired FROM enrol_tokens WHERE token_hash = $1 FOR UPDATE',
        [hashToken(req.token)],
      )
    ).rows[0];
    if (!row) throw new CentralError(401, 'ENROL_TOKEN_INVALID');
    if (row.used_at) throw new CentralError(401, 'ENROL_TOKEN_USED');
    if (row.expired) throw new CentralError(401, 'ENROL_TOKEN_EXPIRED');
    // A token for another counter would silently renumber this one: refused (the rollback leaves the token unused).
    if (req.currentCounterId !== undefined && normaliseCounterId(req.currentCounterId) !== row.counter_id && req.force !== true) {
      throw new CentralError(409, 'ENROL_OTHER_COUNTER', { counterId: row.counter_id, currentCounterId: req.currentCounterId });
    }
    // Codes the counter issued from its local authority before enrolling: the central's blocks start after them.
    for (const used of req.usedSequences ?? []) await bumpSequencePast(tx, used.agencyCode, used.day, used.last);
    const deviceId = randomUUID();
    const deviceToken = newSecret();
    // Two enrolments of one counter at once queue here: the later revokes the earlier instead of failing on the index.
    await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('counter:' || $1, 0))", [row.counter_id]);
    // The counter's previous device loses access: one live device per counter (a partial unique index holds it).
    await tx.query('UPDATE devices SET revoked_at = now() WHERE counter_id = $1 AND revoked_at IS NULL', [row.counter_id]);
    await tx.query('INSERT INTO devices (device_id, counter_id, token_hash, name, app_version) VALUES ($1, $2, $3, $4, $5)', [
      deviceId,
      row.counter_id,
      hashToken(deviceToken),
      req.deviceName,
      req.appVersion,
    ]);
    await tx.query('UPDATE enrol_tokens SET used_at = now(), device_id = $2 WHERE token_hash = $1', [hashToken(req.token), deviceId]);
    return { deviceId, counterId: row.counter_id, deviceToken };
  });
}

/** The device behind a bearer token: 401 AUTH_REQUIRED (none), AUTH_INVALID (unknown), AUTH_REVOKED (replaced). */
export async function authenticate(db: Db, authorization: string | undefined): Promise<Caller> {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!m) throw new CentralError(401, 'AUTH_REQUIRED');
  const row = (
    await db.query<{ device_id: string; counter_id: string; revoked_at: Date | null }>('SELECT device_id, counter_id, revoked_at FROM devices WHERE token_hash = $1', [hashToken(m[1]!)])
  ).rows[0];
  if (!row) throw new CentralError(401, 'AUTH_INVALID');
  if (row.revoked_at) throw new CentralError(401, 'AUTH_REVOKED');
  return { deviceId: row.device_id, counterId: row.counter_id };
}
