/**
 * Paired devices (issue #18): their records, and resolving a device token to its device. resolve() runs on every call
 * and every event a device connection receives, so live tokens are held in memory by their SHA-256; the map is
 * reloaded when this process changes a device and when another process (the CLI revoking one) committed anything to
 * the database (SQLite's data_version), so a revoke cuts an open connection's calls and events at once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../contract/errors';
import type { DeviceKind } from '../../contract/method';
import type { DeviceRecord, PairedDevice } from '../../contract/pairing';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../store/database';
import { inTransaction } from '../../store/database';
import type { Actor } from '../actor';
import type { AuditLog } from '../audit/audit-log';

interface DeviceRow {
  id: string;
  kind: DeviceKind;
  name: string;
  printer_uri: string | null;
  token_hash: string | null;
  paired_at: string;
  paired_by: string;
  last_seen_at: string | null;
  last_peer: string | null;
  revoked_at: string | null;
}

/** A secret or token: 32 random bytes, base64url (43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const paired = (r: DeviceRow): PairedDevice => ({ id: r.id, kind: r.kind, name: r.name, printerUri: r.printer_uri });
const record = (r: DeviceRow): DeviceRecord => ({
  ...paired(r),
  pairedAt: r.paired_at,
  pairedBy: r.paired_by,
  lastSeenAt: r.last_seen_at,
  lastPeer: r.last_peer,
  revokedAt: r.revoked_at,
});

export class DeviceRegistry {
  /** Live (claimed, not revoked) devices by token hash; null: to be reloaded. */
  private live: Map<string, PairedDevice> | null = null;
  private seenVersion = -1;
  private readonly versionStmt;
  private readonly byIdStmt;

  constructor(private readonly db: Db, private readonly audit: AuditLog, private readonly clock: Clock) {
    this.versionStmt = db.prepare('PRAGMA data_version').pluck();
    this.byIdStmt = db.prepare<[string], DeviceRow>('SELECT * FROM paired_devices WHERE id = ?');
  }

  /** The device holding this token; null when unknown, not yet claimed or revoked. */
  resolve(token: string): PairedDevice | null {
    if (typeof token !== 'string' || token === '') return null;
    // data_version changes only when another connection (another process) committed: then re-read.
    const version = Number(this.versionStmt.get());
    if (this.live === null || version !== this.seenVersion) {
      const rows = this.db.prepare<[], DeviceRow>('SELECT * FROM paired_devices WHERE token_hash IS NOT NULL AND revoked_at IS NULL').all();
      this.live = new Map(rows.map((r) => [r.token_hash!, paired(r)]));
      this.seenVersion = version;
    }
    return this.live.get(sha256(token)) ?? null;
  }

  /** After any change made here (this process's own commits do not move data_version). */
  private invalidate(): void {
    this.live = null;
  }

  get(id: string): DeviceRecord {
    const r = this.byIdStmt.get(id);
    if (!r) throw new AppError('PAIRING_DEVICE_NOT_FOUND', { id: id.slice(0, 100) }, { field: 'id' });
    return record(r);
  }

  list(): DeviceRecord[] {
    return this.db.prepare<[], DeviceRow>('SELECT * FROM paired_devices ORDER BY revoked_at IS NOT NULL, paired_at, id').all().map(record);
  }

  /** Inside the approving transaction: the device record, with no token until the device claims it. */
  insert(actor: Actor, d: { id: string; kind: DeviceKind; name: string; printerUri: string | null; pairedBy: string }): DeviceRecord {
    this.db
      .prepare('INSERT INTO paired_devices (id, kind, name, printer_uri, paired_at, paired_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(d.id, d.kind, d.name, d.printerUri, this.clock.now().toISOString(), d.pairedBy);
    this.audit.append(actor, { action: 'device.pair', entity: 'paired_device', entityId: d.id, data: { kind: d.kind, name: d.name, printerUri: d.printerUri } });
    return this.get(d.id);
  }

  /** Inside the claiming transaction: the token's hash is stored (the token itself never is). */
  setToken(actor: Actor, id: string, tokenHash: string): PairedDevice {
    this.db.prepare('UPDATE paired_devices SET token_hash = ? WHERE id = ?').run(tokenHash, id);
    this.audit.append(actor, { action: 'device.claim', entity: 'paired_device', entityId: id, data: {} });
    this.invalidate();
    const r = this.byIdStmt.get(id)!;
    return paired(r);
  }

  /** A device connected (pairing.resume): when and from where, for the admin's list. Not audited (every reconnect). */
  touch(id: string, peer: string): void {
    this.db.prepare('UPDATE paired_devices SET last_seen_at = ?, last_peer = ? WHERE id = ?').run(this.clock.now().toISOString(), peer.slice(0, 200), id);
  }

  update(actor: Actor, input: { id: string; name?: string | undefined; printerUri?: string | null | undefined }): DeviceRecord {
    const out = inTransaction(this.db, () => {
      const before = this.get(input.id);
      const name = input.name ?? before.name;
      const printerUri = input.printerUri === undefined ? before.printerUri : input.printerUri;
      if (printerUri !== null && before.kind !== 'kiosk') throw new AppError('PAIRING_PRINTER_NOT_FOR_BOARD', {}, { field: 'printerUri' });
      this.db.prepare('UPDATE paired_devices SET name = ?, printer_uri = ? WHERE id = ?').run(name, printerUri, input.id);
      this.audit.append(actor, { action: 'device.update', entity: 'paired_device', entityId: input.id, data: { name, printerUri } });
      return this.get(input.id);
    });
    this.invalidate();
    return out;
  }

  /** Revoking twice changes nothing (the first revocation's time stays). */
  revoke(actor: Actor, id: string): DeviceRecord {
    const out = inTransaction(this.db, () => {
      const before = this.get(id);
      if (before.revokedAt !== null) return before;
      this.db.prepare('UPDATE paired_devices SET revoked_at = ?, token_hash = NULL WHERE id = ?').run(this.clock.now().toISOString(), id);
      this.audit.append(actor, { action: 'device.revoke', entity: 'paired_device', entityId: id, data: { kind: before.kind, name: before.name } });
      return this.get(id);
    });
    this.invalidate();
    return out;
  }
}
