/**
 * A dossier's attached files at intake: each names a finished upload; its content is checked against what its
 * checklist item accepts, then it is linked (or copied) into <data>/files/<dossier>/ and made durable before
 * the intake transaction records it. A failed transaction removes the dossier's copies; the uploads stay, so
 * the clerk can try again without sending the files again.
 */
import { linkSync, mkdirSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../contract/errors';
import type { Procedure } from '../../domain/catalogue/schema';
import { EXTRA_ITEM_CODE } from '../../domain/dossier/checklist';
import type { Db } from '../../store/database';
import type { Actor } from '../actor';
import { assertAcceptable } from './content-type';
import { copyDurably, fsyncDir } from './durable-files';
import type { FolderJournal } from './folder-journal';
import type { UploadStaging } from './upload-staging';

/** The "other documents" row every procedure has besides its checklist (one constant, kept in core/domain). */
export const OTHER_ITEM_CODE = EXTRA_ITEM_CODE;

export interface AttachmentRef {
  itemCode: string;
  uploadId: string;
}

export interface PreparedFile {
  id: string;
  uploadId: string;
  itemCode: string;
  fileName: string;
  mediaType: string;
  bytes: number;
  sha256: string;
  storedPath: string;
}

export class AttachmentStore {
  constructor(private readonly filesDir: string, private readonly staging: UploadStaging, private readonly journal?: FolderJournal) {}

  /** Checks every file, then places them; on any failure nothing placed is left behind. */
  prepare(actor: Actor, dossierId: string, procedure: Procedure, attachments: readonly AttachmentRef[], newId: () => string): PreparedFile[] {
    const items = new Map(procedure.checklist.map((i) => [i.code, i]));
    const seen = new Set<string>();
    const checked = attachments.map((a, i) => {
      const field = `attachments.${i}`;
      const item = items.get(a.itemCode);
      if (!item && a.itemCode !== OTHER_ITEM_CODE) throw new AppError('DOSSIER_UNKNOWN_ITEM', { itemCode: a.itemCode }, { field: `${field}.itemCode` });
      if (seen.has(a.uploadId)) throw new AppError('UPLOAD_USED_TWICE', {}, { field: `${field}.uploadId` });
      seen.add(a.uploadId);
      const staged = this.staging.take(actor, a.uploadId, 'attachment', `${field}.uploadId`);
      assertAcceptable(staged, item?.fileTypes, item?.name ?? a.itemCode, field);
      return { a, staged };
    });
    const prepared: PreparedFile[] = [];
    const dir = path.join(this.filesDir, dossierId);
    try {
      // Recorded before any file is placed: a crash before the intake commits is found by the sweep at start.
      if (checked.length) this.journal?.mark(dossierId);
      for (const { a, staged } of checked) {
        const id = newId();
        const rel = path.join(dossierId, `${id}-${staged.fileName}`);
        mkdirSync(dir, { recursive: true });
        place(staged.path, path.join(this.filesDir, rel));
        prepared.push({ id, uploadId: staged.id, itemCode: a.itemCode, fileName: staged.fileName, mediaType: staged.detected?.mime ?? 'application/octet-stream', bytes: staged.bytes, sha256: staged.sha256, storedPath: rel });
      }
      if (prepared.length) {
        fsyncDir(dir);
        fsyncDir(this.filesDir);
      }
      return prepared;
    } catch (e) {
      this.discard(dossierId, prepared);
      if ((e as { code?: string }).code === 'ENOSPC') throw new AppError('DISK_FULL', {}, { cause: e });
      throw e;
    }
  }

  /** Inside the intake transaction: the document rows, and the uploads they consumed. */
  record(db: Db, dossierId: string, files: readonly PreparedFile[], nowIso: string, who: string): void {
    const addDoc = db.prepare(
      `INSERT INTO dossier_documents (id, dossier_id, item_code, file_name, media_type, bytes, sha256, stored_path, created_at, created_by)
       VALUES (@id, @dossier, @itemCode, @fileName, @mediaType, @bytes, @sha256, @storedPath, @now, @who)`,
    );
    for (const f of files) {
      addDoc.run({ id: f.id, itemCode: f.itemCode, fileName: f.fileName, mediaType: f.mediaType, bytes: f.bytes, sha256: f.sha256, storedPath: f.storedPath, dossier: dossierId, now: nowIso, who });
    }
    this.staging.forgetRows(files.map((f) => f.uploadId));
  }

  /** After the transaction committed: the staged copies are no longer needed. */
  committed(files: readonly PreparedFile[]): void {
    this.staging.removeFiles(files.map((f) => f.uploadId));
  }

  discard(dossierId: string, files: readonly PreparedFile[]): void {
    for (const f of files) rmSync(path.join(this.filesDir, f.storedPath), { force: true });
    // The dossier's folder exists only for this attempt; remove it if nothing else is in it.
    try {
      rmdirSync(path.join(this.filesDir, dossierId));
    } catch {
      /* absent, or not empty */
    }
  }
}

/** A hard link costs no copy and is atomic; where links are not possible (other volume, FAT), copy and fsync. */
function place(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOSPC') throw e;
    copyDurably(from, to);
  }
}
