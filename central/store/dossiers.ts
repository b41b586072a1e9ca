/**
 * Dossier events, exactly once (PUT /v1/dossiers/{id}/events/{seq}). One transaction per event under a lock on the
 * dossier id, so two deliveries of one event (a retry racing the original) are applied once: the second finds the
 * (dossier, seq) row with the same idempotency key and answers duplicate, changing nothing. The dossier row is the
 * latest event's snapshot; its files are kept by ref (add, replace, remove).
 */
import type { DossierEvent, DossierFile, DossierLookup } from '../../core/contract/central-api';
import type { BlobStore } from '../blobs/blob-store';
import { CentralError } from '../errors';
import { inTransaction, isUniqueViolation, type Db, type Tx } from './db';
import { bumpSequencePast, plainCodeSequence } from './sequence';

export async function applyEvent(db: Db, store: BlobStore, counterId: string, dossierId: string, seq: number, event: DossierEvent): Promise<{ seq: number; duplicate: boolean }> {
  if (event.kind === 'file' && !event.file) throw new CentralError(400, 'BAD_REQUEST', { reason: 'file: required for kind "file"' });
  // A file event may leave the snapshot out (the stored one stays); transitions and fees change it, so they carry it.
  if (event.kind !== 'file' && !event.dossier) throw new CentralError(400, 'BAD_REQUEST', { reason: `dossier: required for kind "${event.kind}"` });
  let code = event.dossier?.MaHoSo ?? '';
  try {
    return await inTransaction(db, async (tx) => {
      // Locks the id even before the dossier row exists (its first event creates it).
      await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('dossier:' || $1, 0))", [dossierId]);
      const d = (await tx.query<{ counter_id: string; last_seq: number }>('SELECT counter_id, last_seq FROM dossiers WHERE id = $1', [dossierId])).rows[0];
      if (d && d.counter_id !== counterId) throw new CentralError(403, 'DOSSIER_OTHER_COUNTER');
      const lastSeq = d?.last_seq ?? 0;
      if (seq <= lastSeq) {
        const earlier = (await tx.query<{ idempotency_key: string }>('SELECT idempotency_key FROM dossier_events WHERE dossier_id = $1 AND seq = $2', [dossierId, seq])).rows[0];
        if (earlier?.idempotency_key === event.idempotencyKey) return { seq, duplicate: true };
        // Another event already holds this seq: not "already applied" (the counter must not drop its event on it).
        throw new CentralError(409, 'EVENT_KEY_CONFLICT', { seq });
      }
      if (seq !== lastSeq + 1) throw new CentralError(409, 'EVENT_OUT_OF_ORDER', { seq, expectedSeq: lastSeq + 1 }, { expectedSeq: lastSeq + 1 });
      if (!event.dossier && !d) throw new CentralError(409, 'DOSSIER_SNAPSHOT_REQUIRED', { id: dossierId });
      if (!event.dossier) {
        if (!event.file!.removed && !(await store.exists(event.file!.sha256))) throw new CentralError(409, 'BLOB_MISSING', { sha256: event.file!.sha256 }, { sha256: event.file!.sha256 });
        // The stored snapshot (code, procedure, TrangThaiHoSo) stays: a file event changes only files and last_seq.
        await tx.query('UPDATE dossiers SET state = $2, last_seq = $3, updated_at = now() WHERE id = $1', [dossierId, event.state, seq]);
        await recordEvent(tx, dossierId, seq, event);
        if (event.kind === 'file') await applyFile(tx, dossierId, event.file!);
        return { seq, duplicate: false };
      }
      code = event.dossier.MaHoSo;
      const holder = (await tx.query<{ id: string }>('SELECT id FROM dossiers WHERE code = $1 AND id <> $2', [code, dossierId])).rows[0];
      if (holder) throw new CentralError(409, 'DOSSIER_CODE_TAKEN', { code });
      if (event.kind === 'file' && !event.file!.removed && !(await store.exists(event.file!.sha256))) {
        throw new CentralError(409, 'BLOB_MISSING', { sha256: event.file!.sha256 }, { sha256: event.file!.sha256 });
      }
      await tx.query(
        `INSERT INTO dossiers (id, code, counter_id, procedure_code, state, trang_thai, snapshot, last_seq, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
         ON CONFLICT (id) DO UPDATE SET code = $2, procedure_code = $4, state = $5, trang_thai = $6, snapshot = $7, last_seq = $8, updated_at = now()`,
        [dossierId, code, counterId, event.dossier.MaTTHC, event.state, event.dossier.TrangThaiHoSo, JSON.stringify(event.dossier), seq],
      );
      await recordEvent(tx, dossierId, seq, event);
      if (event.kind === 'file') await applyFile(tx, dossierId, event.file!);
      // A plain code the central never handed out (a counter's local authority before it enrolled): later blocks
      // for that agency and day start after it, so no other counter is given the same code.
      const plain = plainCodeSequence(code);
      if (plain) await bumpSequencePast(tx, plain.agencyCode, plain.day, plain.seq);
      return { seq, duplicate: false };
    });
  } catch (e) {
    // Two new dossiers claiming one code at the same moment: the unique index decides, the loser is told why.
    if (isUniqueViolation(e, 'dossiers_code_key')) throw new CentralError(409, 'DOSSIER_CODE_TAKEN', { code });
    throw e;
  }
}

async function recordEvent(tx: Tx, dossierId: string, seq: number, event: DossierEvent): Promise<void> {
  await tx.query('INSERT INTO dossier_events (dossier_id, seq, idempotency_key, kind, at, state, body) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    dossierId,
    seq,
    event.idempotencyKey,
    event.kind,
    event.at,
    event.state,
    JSON.stringify(event),
  ]);
}

async function applyFile(tx: Tx, dossierId: string, file: DossierFile & { removed?: boolean }): Promise<void> {
  if (file.removed) {
    await tx.query('DELETE FROM dossier_files WHERE dossier_id = $1 AND ref = $2', [dossierId, file.ref]);
    return;
  }
  await tx.query(
    `INSERT INTO dossier_files (dossier_id, ref, name, item_code, media_type, sha256, bytes) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (dossier_id, ref) DO UPDATE SET name = $3, item_code = $4, media_type = $5, sha256 = $6, bytes = $7`,
    [dossierId, file.ref, file.name, file.itemCode, file.mediaType, file.sha256, file.bytes],
  );
}

interface FileRow {
  ref: string;
  name: string;
  item_code: string;
  media_type: string;
  sha256: string;
  bytes: number;
}
const toFile = (f: FileRow): DossierFile => ({ ref: f.ref, name: f.name, itemCode: f.item_code, mediaType: f.media_type, sha256: f.sha256, bytes: f.bytes });

/** GET /v1/dossiers/{id}: only the caller's own dossiers (another counter's is as unknown as a missing one). */
export async function lookupDossier(db: Db, counterId: string, dossierId: string): Promise<DossierLookup> {
  const d = (await db.query<{ code: string; last_seq: number; state: string }>('SELECT code, last_seq, state FROM dossiers WHERE id = $1 AND counter_id = $2', [dossierId, counterId])).rows[0];
  if (!d) throw new CentralError(404, 'DOSSIER_UNKNOWN', { id: dossierId });
  const files = (await db.query<FileRow>('SELECT ref, name, item_code, media_type, sha256, bytes FROM dossier_files WHERE dossier_id = $1 ORDER BY ref', [dossierId])).rows;
  return { id: dossierId, code: d.code, lastSeq: d.last_seq, state: d.state, files: files.map(toFile) };
}

export interface DossierListItem {
  id: string;
  code: string;
  procedureCode: string;
  state: string;
  files: { name: string; sha256: string; bytes: number }[];
}

/** Every dossier, for `central dossiers --json` (ordered by code, files by ref). */
export async function listDossiers(db: Db): Promise<DossierListItem[]> {
  const ds = (await db.query<{ id: string; code: string; procedure_code: string; state: string }>('SELECT id, code, procedure_code, state FROM dossiers ORDER BY code')).rows;
  const fs = (await db.query<FileRow & { dossier_id: string }>('SELECT dossier_id, ref, name, sha256, bytes FROM dossier_files ORDER BY dossier_id, ref')).rows;
  const byDossier = new Map<string, DossierListItem['files']>();
  for (const f of fs) {
    const list = byDossier.get(f.dossier_id) ?? [];
    list.push({ name: f.name, sha256: f.sha256, bytes: f.bytes });
    byDossier.set(f.dossier_id, list);
  }
  return ds.map((d) => ({ id: d.id, code: d.code, procedureCode: d.procedure_code, state: d.state, files: byDossier.get(d.id) ?? [] }));
}
