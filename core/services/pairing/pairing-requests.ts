/**
 * Pairing requests (issue #18): a device asks (a 6-digit code to show, a secret only it knows), an admin approves the
 * code, the device claims its token once with the secret. Anyone on the LAN may ask, so the table is bounded: a few
 * live requests per address and in all, the oldest dropped first. A wrong secret and an unknown request get the
 * same answer, so the claim tells a guesser nothing.
 */
import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../contract/errors';
import type { DeviceKind } from '../../contract/method';
import type { DeviceRecord, PairedDevice } from '../../contract/pairing';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../store/database';
import { inTransaction } from '../../store/database';
import { actorLabel, type Actor } from '../actor';
import type { DeviceRegistry } from './device-registry';
import { newSecret, sha256 } from './device-registry';

export const PAIRING_TTL_MS = 10 * 60_000;
/** Live requests one address may hold (a device retrying, a few set up at once); past it the oldest is dropped. */
export const MAX_LIVE_PER_PEER = 20;
/** Live requests in all (many addresses at once). */
export const MAX_LIVE_TOTAL = 500;
/** Requests one address may make per minute (each is a durable write): a device asks once per code, every 10 minutes. */
export const MAX_REQUESTS_PER_MINUTE = 10;
/** Expired requests are kept this long so a late claim hears "expired", then purged. */
const KEEP_EXPIRED_MS = 60 * 60_000;

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

interface RequestRow {
  id: string;
  code: string;
  secret_hash: string;
  kind: DeviceKind;
  peer: string;
  created_at: string;
  expires_at: string;
  device_id: string | null;
}

export type ClaimResult = { status: 'pending'; expiresAt: string } | { status: 'paired'; token: string; device: PairedDevice };

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

export class PairingRequests {
  /** Per address, when its requests of the last minute were made (in memory: it only paces a flood). */
  private readonly recent = new Map<string, number[]>();

  constructor(private readonly db: Db, private readonly devices: DeviceRegistry, private readonly clock: Clock) {}

  /**
   * PAIRING_TOO_MANY past MAX_REQUESTS_PER_MINUTE from one address, with the seconds until the next is allowed. This
   * machine itself (loopback: its own browser, tests) is not paced; the bound on live requests still holds for it.
   */
  private pace(peer: string): void {
    if (LOOPBACK.test(peer)) return;
    const now = this.clock.now().getTime();
    for (const [p, times] of this.recent) if (times[times.length - 1]! <= now - 60_000) this.recent.delete(p);
    const times = (this.recent.get(peer) ?? []).filter((at) => at > now - 60_000);
    if (times.length >= MAX_REQUESTS_PER_MINUTE) {
      this.recent.set(peer, times);
      throw new AppError('PAIRING_TOO_MANY', { seconds: Math.max(1, Math.ceil((times[0]! + 60_000 - now) / 1000)) });
    }
    times.push(now);
    this.recent.set(peer, times);
  }

  private nowIso(): string {
    return this.clock.now().toISOString();
  }

  request(kind: DeviceKind, peer: string): { requestId: string; code: string; secret: string; expiresAt: string } {
    this.pace(peer);
    return inTransaction(this.db, () => {
      const now = this.clock.now();
      const nowIso = now.toISOString();
      this.db.prepare('DELETE FROM pairing_requests WHERE expires_at < ?').run(new Date(now.getTime() - KEEP_EXPIRED_MS).toISOString());
      // Unapproved requests go first: an approved one is about to be claimed by a device an admin chose.
      const dropOldest = (where: string, params: unknown[], keep: number) =>
        this.db
          .prepare(
            `DELETE FROM pairing_requests WHERE id IN (SELECT id FROM pairing_requests WHERE expires_at > ? ${where}
             ORDER BY device_id IS NOT NULL, created_at, rowid LIMIT max(0, (SELECT count(*) FROM pairing_requests WHERE expires_at > ? ${where}) - ?))`,
          )
          .run(nowIso, ...params, nowIso, ...params, keep);
      dropOldest('AND peer = ?', [peer], MAX_LIVE_PER_PEER - 1);
      dropOldest('', [], MAX_LIVE_TOTAL - 1);

      const taken = this.db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM pairing_requests WHERE code = ? AND expires_at > ?');
      let code: string;
      do code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      while (taken.get(code, nowIso)!.n > 0);
      const id = randomUUID();
      const secret = newSecret();
      const expiresAt = new Date(now.getTime() + PAIRING_TTL_MS).toISOString();
      this.db
        .prepare('INSERT INTO pairing_requests (id, code, secret_hash, kind, peer, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, code, sha256(secret), kind, peer.slice(0, 200), nowIso, expiresAt);
      return { requestId: id, code, secret, expiresAt };
    });
  }

  /**
   * The admin pairs the device showing this code. An unknown, expired or already approved code is
   * PAIRING_CODE_UNKNOWN. The device gets the rest of a fresh TTL to claim its token.
   */
  approve(actor: Actor, input: { code: string; name: string; printerUri: string | null }): DeviceRecord {
    return inTransaction(this.db, () => {
      const now = this.clock.now();
      const req = this.db
        .prepare<[string, string], RequestRow>('SELECT * FROM pairing_requests WHERE code = ? AND expires_at > ? AND device_id IS NULL')
        .get(input.code, now.toISOString());
      if (!req) throw new AppError('PAIRING_CODE_UNKNOWN', { code: input.code }, { field: 'code' });
      if (input.printerUri !== null && req.kind !== 'kiosk') throw new AppError('PAIRING_PRINTER_NOT_FOR_BOARD', {}, { field: 'printerUri' });
      const id = randomUUID();
      const device = this.devices.insert(actor, { id, kind: req.kind, name: input.name, printerUri: input.printerUri, pairedBy: actorLabel(actor) });
      this.db
        .prepare('UPDATE pairing_requests SET device_id = ?, expires_at = ? WHERE id = ?')
        .run(id, new Date(now.getTime() + PAIRING_TTL_MS).toISOString(), req.id);
      return device;
    });
  }

  /** Pending until approved; then the token, once: the request is deleted in the same transaction. */
  claim(input: { requestId: string; secret: string }): ClaimResult {
    return inTransaction(this.db, () => {
      const req = this.db.prepare<[string], RequestRow>('SELECT * FROM pairing_requests WHERE id = ?').get(input.requestId);
      if (!req || !sameHash(req.secret_hash, sha256(input.secret))) throw new AppError('PAIRING_CODE_UNKNOWN', {});
      if (req.expires_at <= this.nowIso()) throw new AppError('PAIRING_EXPIRED', {});
      if (req.device_id === null) return { status: 'pending', expiresAt: req.expires_at };
      const rec = this.devices.get(req.device_id);
      // Revoked between approval and claim: the admin changed their mind.
      if (rec.revokedAt !== null) throw new AppError('PAIRING_DEVICE_REVOKED', {});
      const token = newSecret();
      // Audited as the device itself, the name the dispatcher gives its later calls.
      const self: Actor = { kind: 'system', name: `${rec.kind}:${rec.name}#${rec.id}`, role: 'clerk' };
      const device = this.devices.setToken(self, req.device_id, sha256(token));
      this.db.prepare('DELETE FROM pairing_requests WHERE id = ?').run(req.id);
      return { status: 'paired', token, device };
    });
  }
}
