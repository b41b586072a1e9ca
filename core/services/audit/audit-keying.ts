/**
 * Ties a database to its audit key at start-up, before any service appends. Never makes a new key for a log that
 * already depends on one: a database naming a key that cannot be found, or a data folder that had a key its
 * database no longer names, is refused with a stable code instead of being re-keyed (which would "verify" a
 * rewritten log).
 */
import { AppError } from '../../contract/errors';
import type { AuditKeyStore } from '../../platform/audit-key-store';
import { inTransaction, type Db } from '../../store/database';
import { actorLabel, type Actor } from '../actor';
import { AUDIT_KEY_ID_SETTING, AuditLog, macAuditRow, readAuditKeyId, type AuditKeying, type AuditRow } from './audit-log';

const KEYING_ACTOR: Actor = { kind: 'system', name: 'audit-key', role: 'admin' };

function loadExisting(db: Db, store: AuditKeyStore, keyId: string, dataDir: string): AuditKeying {
  const k = store.load(keyId);
  if (!k) throw new AppError('AUDIT_KEY_MISSING', { keyId });
  // A key that does not open the marker row is another key (a swapped file): refuse rather than write a chain
  // that only that key verifies. A missing marker (wiped log) is left to `audit verify` to report.
  const marker = db.prepare<[number], AuditRow>('SELECT * FROM audit_log WHERE id = ?').get(k.record.legacyUntil + 1);
  if (marker) {
    const { hash, ...rest } = marker;
    if (macAuditRow(k.secret, rest) !== hash) throw new AppError('AUDIT_KEY_WRONG', { keyId });
  }
  store.rememberDataDir(k.record, dataDir);
  return { keyId, secret: k.secret, legacyUntil: k.record.legacyUntil, store };
}

export function attachAuditKey(
  db: Db,
  store: AuditKeyStore,
  opts: { dataDir: string; now: () => Date; /** the database file did not exist before this start */ freshDatabase: boolean },
): AuditKeying {
  store.open(opts.dataDir);
  const known = readAuditKeyId(db);
  if (known !== null) return loadExisting(db, store, known, opts.dataDir);

  const made: { keyId: string | null } = { keyId: null };
  try {
    const keying = inTransaction(db, () => {
      // Another process (the CLI beside the app) may have keyed it while we waited for the write lock.
      const again = readAuditKeyId(db);
      if (again !== null) return loadExisting(db, store, again, opts.dataDir);
      if (!opts.freshDatabase) {
        const claims = store.claimsOn(opts.dataDir);
        if (claims.length) throw new AppError('AUDIT_KEY_ORPHANED', { keyId: claims[0]! });
      }
      const last = db.prepare<[], { id: number | null }>('SELECT MAX(id) AS id FROM audit_log').get()?.id ?? 0;
      const seq = db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get()?.seq ?? 0;
      const legacyUntil = Math.max(last, seq);
      const k = store.create(legacyUntil, opts.dataDir, opts.now());
      made.keyId = k.record.keyId;
      const keying: AuditKeying = { keyId: k.record.keyId, secret: k.secret, legacyUntil, store };
      db.prepare('INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)').run(
        AUDIT_KEY_ID_SETTING,
        JSON.stringify(keying.keyId),
        opts.now().toISOString(),
        actorLabel(KEYING_ACTOR),
      );
      // The first keyed row: seals the legacy rows before it and must exist in every later verify.
      new AuditLog(db, opts.now, { ...keying, store: null }).append(KEYING_ACTOR, {
        action: 'audit.keyed',
        entity: 'audit',
        entityId: keying.keyId,
        data: { legacyUntil },
      });
      return keying;
    });
    if (made.keyId !== null) new AuditLog(db, opts.now, keying).flushHead();
    return keying;
  } catch (e) {
    if (made.keyId !== null) store.discard(made.keyId);
    throw e;
  }
}
