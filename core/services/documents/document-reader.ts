/**
 * Serves the bytes of a dossier's stored documents (documents.read). The file is found only through its
 * database row, and its real path must lie inside <data>/files: a row or a symlink pointing elsewhere is
 * refused, never read. A file whose size no longer matches its row is reported, not served. Opening a
 * document (its first chunk) is audited: a citizen's papers are personal data.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../contract/errors';
import { UPLOAD_CHUNK_BYTES } from '../../contract/limits';
import { realInsideSync, type RealInside } from '../../platform/inside';
import { inTransaction, type Db } from '../../store/database';
import type { Actor } from '../actor';
import type { AuditLog } from '../audit/audit-log';

interface DocumentRow {
  id: string;
  dossier_id: string;
  file_name: string;
  media_type: string;
  bytes: number;
  sha256: string;
  stored_path: string;
}

export interface DocumentChunk {
  id: string;
  dossierId: string;
  fileName: string;
  mediaType: string;
  bytes: number;
  sha256: string;
  offset: number;
  dataBase64: string;
  next: number;
}

export class DocumentReader {
  constructor(
    private readonly db: Db,
    private readonly filesDir: string,
    private readonly audit: AuditLog,
  ) {}

  read(actor: Actor, input: { id: string; offset: number; length: number }): DocumentChunk {
    const row = this.db
      .prepare<[string], DocumentRow>('SELECT id, dossier_id, file_name, media_type, bytes, sha256, stored_path FROM dossier_documents WHERE id = ?')
      .get(input.id);
    if (!row) throw new AppError('DOCUMENT_NOT_FOUND', { id: input.id.slice(0, 100) }, { field: 'id' });
    if (input.offset > row.bytes) throw new AppError('DOCUMENT_BAD_OFFSET', { offset: input.offset, bytes: row.bytes }, { field: 'offset' });
    const file = this.pathOf(row);
    const length = Math.min(input.length, UPLOAD_CHUNK_BYTES, row.bytes - input.offset);
    const data = Buffer.alloc(length);
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      throw new AppError('DOCUMENT_FILE_MISSING', { fileName: row.file_name });
    }
    try {
      if (fstatSync(fd).size !== row.bytes) throw new AppError('DOCUMENT_FILE_MISSING', { fileName: row.file_name });
      let done = 0;
      while (done < length) {
        const n = readSync(fd, data, done, length - done, input.offset + done);
        if (n === 0) throw new AppError('DOCUMENT_FILE_MISSING', { fileName: row.file_name });
        done += n;
      }
    } finally {
      closeSync(fd);
    }
    if (input.offset === 0) {
      inTransaction(this.db, () =>
        this.audit.append(actor, { action: 'document.read', entity: 'document', entityId: row.id, data: { dossierId: row.dossier_id, fileName: row.file_name } }),
      );
    }
    return {
      id: row.id,
      dossierId: row.dossier_id,
      fileName: row.file_name,
      mediaType: row.media_type,
      bytes: row.bytes,
      sha256: row.sha256,
      offset: input.offset,
      dataBase64: data.toString('base64'),
      next: input.offset + length,
    };
  }

  /** The stored file's real path, which must be inside the files folder (symlinks resolved). */
  private pathOf(row: DocumentRow): string {
    const missing = () => new AppError('DOCUMENT_FILE_MISSING', { fileName: row.file_name });
    if (path.isAbsolute(row.stored_path)) throw missing();
    let inside: RealInside | null;
    try {
      inside = realInsideSync(this.filesDir, path.join(this.filesDir, row.stored_path));
    } catch {
      throw missing();
    }
    // The folder itself is no document either.
    if (inside === null || inside.path === inside.root) throw missing();
    return inside.path;
  }
}
