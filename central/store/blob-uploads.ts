/**
 * Resumable blob uploads (GET/PATCH /v1/blobs/{sha256}). The bytes are in the BlobStore; PostgreSQL keeps the
 * length the first chunk declared (blobs.length) and when the content was verified (stored_at). Blobs are shared by
 * content: a second counter with the same file finds it complete and sends nothing.
 * Writes of one sha256 are serialised by a transaction-scoped advisory lock, so two servers (or two retries of a
 * chunk) never append to one partial at once.
 */
import type { BlobStatus } from '../../core/contract/central-api';
import type { BlobStore } from '../blobs/blob-store';
import { CentralError } from '../errors';
import { inTransaction, type Db, type Tx } from './db';

/** The state of a blob, or null when the server holds no byte of it. A verified file without its row counts. */
export async function blobStatus(db: Db, store: BlobStore, sha256: string): Promise<BlobStatus | null> {
  const held = await store.status(sha256);
  if (!held) return null;
  if (held.complete) {
    await markStored(db, sha256, held.offset);
    return { sha256, offset: held.offset, length: held.offset, complete: true };
  }
  const row = (await db.query<{ length: number }>('SELECT length FROM blobs WHERE sha256 = $1', [sha256])).rows[0];
  return { sha256, offset: held.offset, length: row?.length ?? held.offset, complete: false };
}

async function markStored(db: Db | Tx, sha256: string, length: number): Promise<void> {
  await db.query('INSERT INTO blobs (sha256, length, stored_at) VALUES ($1, $2, now()) ON CONFLICT (sha256) DO UPDATE SET length = $2, stored_at = coalesce(blobs.stored_at, now())', [sha256, length]);
}

export async function appendBlob(db: Db, store: BlobStore, sha256: string, req: { offset: number; length: number; chunk: Uint8Array }): Promise<BlobStatus> {
  // The declared length is recorded before any byte, in its own commit: a server killed mid-chunk still knows it.
  await db.query('INSERT INTO blobs (sha256, length) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING', [sha256, req.length]);
  return inTransaction(db, async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('blob:' || $1, 0))", [sha256]);
    const held = await store.status(sha256);
    if (held?.complete) {
      if (req.length !== held.offset) throw new CentralError(409, 'BLOB_LENGTH_MISMATCH', { length: held.offset });
      await markStored(tx, sha256, held.offset);
      return { sha256, offset: held.offset, length: held.offset, complete: true };
    }
    const offset = held?.offset ?? 0;
    const declared = (await tx.query<{ length: number }>('SELECT length FROM blobs WHERE sha256 = $1', [sha256])).rows[0]!.length;
    if (declared !== req.length) {
      // With no byte held the new declaration simply replaces the old one (e.g. after a hash mismatch).
      if (offset > 0) throw new CentralError(409, 'BLOB_LENGTH_MISMATCH', { length: declared });
      await tx.query('UPDATE blobs SET length = $2 WHERE sha256 = $1', [sha256, req.length]);
    }
    if (req.offset !== offset) throw new CentralError(409, 'BLOB_OFFSET_MISMATCH', { offset }, { offset });
    const end = offset + req.chunk.length;
    if (end > req.length) throw new CentralError(400, 'BLOB_CHUNK_PAST_END', { length: req.length });
    if (req.chunk.length > 0) await store.append(sha256, offset, req.chunk);
    if (end < req.length) return { sha256, offset: end, length: req.length, complete: false };
    if (!(await store.complete(sha256))) throw new CentralError(422, 'BLOB_HASH_MISMATCH', { sha256 });
    await tx.query('UPDATE blobs SET stored_at = now() WHERE sha256 = $1', [sha256]);
    return { sha256, offset: end, length: req.length, complete: true };
  });
}
