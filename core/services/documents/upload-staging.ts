/**
 * Upload staging: a file arrives in chunks (uploads.begin / chunk / finish) into <data>/uploads/<id>.part and
 * is then used by id (a dossier's attachments, a catalogue import). The row says who owns it and how many
 * bytes are durable: each chunk is written and fsynced before `received` moves. Unused uploads expire and are
 * swept at start and periodically.
 */
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, createReadStream, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../contract/errors';
import { MAX_FILE_BYTES, UPLOAD_CHUNK_BYTES } from '../../contract/limits';
import type { UploadPurpose } from '../../contract/uploads';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { Db } from '../../store/database';
import { actorLabel, type Actor } from '../actor';
import { detectFileType, isDangerous, type DetectedType } from './content-type';
import { fsyncDir } from './durable-files';
import { safeFileName } from './file-names';

/** An upload not used within this time is removed (a clerk's dossier is received within a working day). */
export const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;
/** Uploads one user may hold at once (open or finished, not yet used): bounds the disk a session can fill. */
export const MAX_UPLOADS_PER_OWNER = 200;
const SWEEP_EVERY_MS = 60 * 60 * 1000;

interface UploadRow {
  id: string;
  owner: string;
  purpose: UploadPurpose;
  file_name: string;
  bytes: number;
  declared_sha256: string | null;
  received: number;
  state: 'open' | 'finished';
  sha256: string | null;
  detected_ext: string | null;
  detected_mime: string | null;
  expires_at: string;
}

/** A finished upload, ready to be used. */
export interface StagedFile {
  id: string;
  purpose: UploadPurpose;
  fileName: string;
  bytes: number;
  sha256: string;
  detected: DetectedType | null;
  /** Absolute path of the staged bytes. */
  path: string;
}

const MB = 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export class UploadStaging {
  readonly dir: string;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly db: Db, dataRoot: string, private readonly clock: Clock, private readonly logger: Logger) {
    this.dir = path.join(dataRoot, 'uploads');
    mkdirSync(this.dir, { recursive: true });
  }

  /** Sweeps now and then every hour (the timer does not keep the process alive). */
  startSweeping(): void {
    this.sweep();
    this.timer = setInterval(() => this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private fileOf(id: string): string {
    return path.join(this.dir, `${id}.part`);
  }

  private tooLarge(purpose: UploadPurpose, fileName: string): AppError {
    return purpose === 'catalogue'
      ? new AppError('CATALOGUE_FILE_TOO_LARGE', { value: fileName, max: MAX_FILE_BYTES / MB }, { field: 'bytes' })
      : new AppError('DOSSIER_FILE_TOO_LARGE', { fileName, maxMb: MAX_FILE_BYTES / MB }, { field: 'bytes' });
  }

  private row(actor: Actor, id: string): UploadRow {
    const r = this.db.prepare<[string, string], UploadRow>('SELECT * FROM uploads WHERE id = ? AND owner = ?').get(id, actorLabel(actor));
    // Someone else's upload is answered like a missing one: ids are not a way to probe other sessions.
    if (!r || r.expires_at <= this.clock.now().toISOString()) throw new AppError('UPLOAD_NOT_FOUND', { uploadId: id }, { field: 'uploadId' });
    return r;
  }

  begin(actor: Actor, input: { fileName: string; bytes: number; sha256?: string | undefined; purpose: UploadPurpose }): { uploadId: string; fileName: string; chunkBytes: number; expiresAt: string } {
    const fileName = safeFileName(input.fileName);
    if (input.bytes > MAX_FILE_BYTES) throw this.tooLarge(input.purpose, fileName);
    if (input.bytes === 0) {
      throw input.purpose === 'catalogue'
        ? new AppError('CATALOGUE_FILE_UNREADABLE', { format: 'empty' }, { field: 'bytes' })
        : new AppError('DOSSIER_FILE_EMPTY', { fileName }, { field: 'bytes' });
    }
    const owner = actorLabel(actor);
    const held = this.db.prepare('SELECT COUNT(*) FROM uploads WHERE owner = ? AND expires_at > ?').pluck().get(owner, this.clock.now().toISOString()) as number;
    if (held >= MAX_UPLOADS_PER_OWNER) throw new AppError('UPLOAD_TOO_MANY', { max: MAX_UPLOADS_PER_OWNER });
    const id = randomUUID();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + UPLOAD_TTL_MS).toISOString();
    // The empty file and its folder entry are durable before the row names them.
    const fd = openSync(this.fileOf(id), 'wx', 0o600);
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    fsyncDir(this.dir);
    this.db
      .prepare(
        `INSERT INTO uploads (id, owner, purpose, file_name, bytes, declared_sha256, received, state, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, 0, 'open', ?, ?)`,
      )
      .run(id, owner, input.purpose, fileName, input.bytes, input.sha256?.toLowerCase() ?? null, now.toISOString(), expiresAt);
    return { uploadId: id, fileName, chunkBytes: UPLOAD_CHUNK_BYTES, expiresAt };
  }

  chunk(actor: Actor, input: { uploadId: string; offset: number; dataBase64: string }): { uploadId: string; received: number } {
    const r = this.row(actor, input.uploadId);
    if (r.state !== 'open') throw new AppError('UPLOAD_ALREADY_FINISHED', { fileName: r.file_name });
    if (!BASE64.test(input.dataBase64) || input.dataBase64.length % 4 !== 0) {
      throw new AppError('DOSSIER_FILE_NOT_BASE64', { fileName: r.file_name }, { field: 'dataBase64' });
    }
    const data = Buffer.from(input.dataBase64, 'base64');
    if (data.length > UPLOAD_CHUNK_BYTES) throw new AppError('UPLOAD_CHUNK_TOO_LARGE', { maxKb: UPLOAD_CHUNK_BYTES / 1024 }, { field: 'dataBase64' });
    if (input.offset + data.length > r.bytes) {
      // More bytes than declared: the same answer as a file declared too large, never a dropped connection.
      throw input.offset + data.length > MAX_FILE_BYTES ? this.tooLarge(r.purpose, r.file_name) : new AppError('UPLOAD_SIZE_MISMATCH', { fileName: r.file_name, declared: r.bytes });
    }
    // A resent chunk (the reply was lost) is already stored: acknowledge it again.
    if (input.offset + data.length <= r.received) return { uploadId: r.id, received: r.received };
    if (input.offset !== r.received) throw new AppError('UPLOAD_BAD_OFFSET', { expected: r.received, offset: input.offset }, { field: 'offset' });
    const fd = openSync(this.fileOf(r.id), 'r+');
    try {
      let off = 0;
      while (off < data.length) off += writeSync(fd, data, off, data.length - off, r.received + off);
      fsyncSync(fd);
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOSPC') throw new AppError('DISK_FULL', {}, { cause: e });
      throw e;
    } finally {
      closeSync(fd);
    }
    const received = r.received + data.length;
    this.db.prepare('UPDATE uploads SET received = ? WHERE id = ?').run(received, r.id);
    return { uploadId: r.id, received };
  }

  async finish(actor: Actor, uploadId: string): Promise<{ uploadId: string; fileName: string; bytes: number; sha256: string; detected: DetectedType | null }> {
    const r = this.row(actor, uploadId);
    if (r.state === 'finished') return { uploadId: r.id, fileName: r.file_name, bytes: r.bytes, sha256: r.sha256 ?? '', detected: detectedOf(r) };
    if (r.received !== r.bytes) throw new AppError('UPLOAD_INCOMPLETE', { fileName: r.file_name, received: r.received, bytes: r.bytes });
    const file = this.fileOf(r.id);
    const sha256 = await hashFile(file);
    if (r.declared_sha256 && r.declared_sha256 !== sha256) {
      this.drop(r.id);
      throw new AppError('UPLOAD_CHECKSUM_MISMATCH', { fileName: r.file_name });
    }
    const detected = await detectFileType(file);
    if (r.purpose === 'attachment' && isDangerous(r.file_name, detected)) {
      // Executables and scripts are not kept, not even in staging.
      this.drop(r.id);
      throw new AppError('DOSSIER_FILE_DANGEROUS', { fileName: r.file_name });
    }
    this.db
      .prepare("UPDATE uploads SET state = 'finished', sha256 = ?, detected_ext = ?, detected_mime = ? WHERE id = ? AND state = 'open'")
      .run(sha256, detected?.ext ?? null, detected?.mime ?? null, r.id);
    return { uploadId: r.id, fileName: r.file_name, bytes: r.bytes, sha256, detected };
  }

  abort(actor: Actor, uploadId: string): { uploadId: string } {
    const r = this.row(actor, uploadId);
    this.drop(r.id);
    return { uploadId: r.id };
  }

  /** A finished upload of this owner, for use; throws UPLOAD_NOT_FOUND / UPLOAD_INCOMPLETE otherwise. */
  take(actor: Actor, uploadId: string, purpose: UploadPurpose, field: string): StagedFile {
    let r: UploadRow;
    try {
      r = this.row(actor, uploadId);
    } catch (e) {
      if (e instanceof AppError) throw new AppError(e.code, e.params, { field });
      throw e;
    }
    if (r.state !== 'finished' || r.purpose !== purpose) throw new AppError('UPLOAD_INCOMPLETE', { fileName: r.file_name, received: r.received, bytes: r.bytes }, { field });
    return { id: r.id, purpose: r.purpose, fileName: r.file_name, bytes: r.bytes, sha256: r.sha256 ?? '', detected: detectedOf(r), path: this.fileOf(r.id) };
  }

  /** An upload that was used (or refused) as a whole: row and bytes go. */
  discard(uploadId: string): void {
    this.drop(uploadId);
  }

  /** Forget uploads that were used (call inside the transaction that recorded their use). */
  forgetRows(ids: readonly string[]): void {
    const del = this.db.prepare('DELETE FROM uploads WHERE id = ?');
    for (const id of ids) del.run(id);
  }

  /** Remove staged bytes whose row is gone (after the using transaction committed). */
  removeFiles(ids: readonly string[]): void {
    for (const id of ids) rmSync(this.fileOf(id), { force: true });
  }

  private drop(id: string): void {
    this.db.prepare('DELETE FROM uploads WHERE id = ?').run(id);
    rmSync(this.fileOf(id), { force: true });
  }

  /** Removes expired uploads, and staged files no row names (a crash between file and row). */
  sweep(): number {
    const now = this.clock.now().toISOString();
    const expired = this.db.prepare('SELECT id FROM uploads WHERE expires_at <= ?').pluck().all(now) as string[];
    for (const id of expired) this.drop(id);
    const known = new Set(this.db.prepare('SELECT id FROM uploads').pluck().all() as string[]);
    let orphans = 0;
    for (const name of existsSync(this.dir) ? readdirSync(this.dir) : []) {
      const id = name.replace(/\.part$/, '');
      if (known.has(id)) continue;
      const file = path.join(this.dir, name);
      // A file just created by begin() has its row a moment later: leave young files for the next sweep.
      try {
        if (Date.now() - statSync(file).mtimeMs < 60_000) continue;
      } catch {
        continue;
      }
      rmSync(file, { force: true });
      orphans += 1;
    }
    if (expired.length || orphans) this.logger.info('uploads swept', { expired: expired.length, orphans });
    return expired.length + orphans;
  }
}

function detectedOf(r: UploadRow): DetectedType | null {
  return r.detected_ext ? { ext: r.detected_ext, mime: r.detected_mime ?? 'application/octet-stream' } : null;
}

function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (c) => h.update(c))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}
