/**
 * The files of scanned pages: <data>/files/scans/<batchId>/<seq>-<token>.<role>.<ext>. A batch's folder holds every
 * file of its pages wherever the pages are filed (tray, dossier, any item), so filing moves rows, never files.
 * Every write is durable before anyone records it: the file written and fsynced, its folder fsynced, and each
 * folder created on the way fsynced in its parent. The random token makes each write a new name: a file a row
 * points at is never overwritten, and a write that loses (a retry, a second process) removes only its own file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../contract/errors';
import { realInsideSync } from '../../platform/inside';
import { fsyncDir } from './durable-files';
import type { FolderJournal } from './folder-journal';

/** The folder under <data>/files that holds every scanned page's files. */
export const SCANS_DIR = 'scans';

const BATCH_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

export type PageFileRole = 'raw' | 'image' | 'master' | 'thumb';

export interface WrittenFile {
  /** Relative to <data>/files, with '/' separators (the data folder can move between systems). */
  rel: string;
  bytes: number;
  sha256: string;
}

const EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/tiff': 'tif' };

export function extOf(mediaType: string): string {
  return EXT[mediaType] ?? 'bin';
}

export class PageFiles {
  constructor(private readonly filesDir: string, private readonly journal?: FolderJournal) {}

  /** A batch id becomes a folder name: only plain characters, so it cannot leave the scans folder. */
  static checkBatchId(batchId: string): void {
    if (!BATCH_ID.test(batchId)) throw new AppError('PAGE_BAD_BATCH_ID', { batchId: batchId.slice(0, 100) }, { field: 'batchId' });
  }

  abs(rel: string): string {
    return path.join(this.filesDir, ...rel.split('/'));
  }

  name(batchId: string, seq: number, role: PageFileRole, mediaType: string): string {
    const token = randomBytes(4).toString('hex');
    const middle = role === 'image' ? '' : `.${role}`;
    return `${SCANS_DIR}/${batchId}/${String(seq).padStart(4, '0')}-${token}${middle}.${extOf(mediaType)}`;
  }

  /**
   * Several files of one change (a page's image, master and thumbnail) written durably with one folder fsync per
   * folder instead of one per file; when one fails, those already written are removed.
   */
  writeAll(files: readonly { rel: string; data: Uint8Array }[]): WrittenFile[] {
    const written: WrittenFile[] = [];
    try {
      for (const f of files) written.push(this.write(f.rel, f.data, { syncFolder: false }));
      for (const dir of new Set(written.map((w) => path.dirname(this.abs(w.rel))))) fsyncDir(dir);
    } catch (e) {
      for (const w of written) this.remove(w.rel);
      if ((e as { code?: string }).code === 'ENOSPC') throw new AppError('DISK_FULL', {}, { cause: e });
      throw e;
    }
    return written;
  }

  /** Write durably: file fsynced, then its folder (and any folder created for it, in its parent). */
  write(rel: string, data: Uint8Array, opts: { syncFolder?: boolean } = {}): WrittenFile {
    const file = this.abs(rel);
    // Recorded before the file exists, so a crash after this line is found by the sweep at start.
    this.journal?.mark(rel.split('/').slice(0, -1).join('/'));
    this.ensureDir(path.dirname(file));
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (e) {
      // Never touch a file that exists already (a row may name it).
      if ((e as { code?: string }).code === 'ENOSPC') throw new AppError('DISK_FULL', {}, { cause: e });
      throw e;
    }
    try {
      try {
        let done = 0;
        while (done < data.length) done += writeSync(fd, data, done, data.length - done);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      if (opts.syncFolder !== false) fsyncDir(path.dirname(file));
    } catch (e) {
      rmSync(file, { force: true });
      if ((e as { code?: string }).code === 'ENOSPC') throw new AppError('DISK_FULL', {}, { cause: e });
      throw e;
    }
    return { rel, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') };
  }

  read(rel: string): Buffer {
    return readFileSync(this.abs(rel));
  }

  /** The real path of a file a row names, which must lie inside <data>/files (symlinks resolved). */
  private realPath(rel: string): string {
    let inside;
    try {
      inside = realInsideSync(this.filesDir, this.abs(rel));
    } catch {
      throw new AppError('PAGE_FILE_MISSING', {});
    }
    if (!inside || inside.path === inside.root) throw new AppError('PAGE_FILE_MISSING', {});
    return inside.path;
  }

  /** A file a row names, read only if it lies inside <data>/files (symlinks resolved); else PAGE_FILE_MISSING. */
  readVerified(rel: string): Buffer {
    try {
      return readFileSync(this.realPath(rel));
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('PAGE_FILE_MISSING', {}, { cause: e });
    }
  }

  /** length bytes at offset of a file whose size must still be what its row says. */
  readRange(rel: string, bytes: number, offset: number, length: number): Buffer {
    let fd: number;
    try {
      fd = openSync(this.realPath(rel), 'r');
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('PAGE_FILE_MISSING', {}, { cause: e });
    }
    try {
      if (fstatSync(fd).size !== bytes) throw new AppError('PAGE_FILE_MISSING', {});
      const data = Buffer.alloc(length);
      let done = 0;
      while (done < length) {
        const n = readSync(fd, data, done, length - done, offset + done);
        if (n === 0) throw new AppError('PAGE_FILE_MISSING', {});
        done += n;
      }
      return data;
    } finally {
      closeSync(fd);
    }
  }

  exists(rel: string): boolean {
    return existsSync(this.abs(rel));
  }

  /** Only for files no row needs any more (or never recorded). */
  remove(rel: string | null | undefined): void {
    if (rel) rmSync(this.abs(rel), { force: true });
  }

  private ensureDir(dir: string): void {
    if (existsSync(dir)) return;
    this.ensureDir(path.dirname(dir));
    try {
      mkdirSync(dir);
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e;
    }
    // The new folder's entry must survive a power cut too, or the fsynced file inside it is lost with it.
    fsyncDir(path.dirname(dir));
  }
}
