/** Durability helpers: bytes are on disk (file and folder entry fsynced) before anything records them. */
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/** fsync a folder so a created, renamed or linked entry survives a power cut (no-op where unsupported). */
export function fsyncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (e) {
    // Windows cannot open a folder for fsync; its file-system journal covers the entry.
    const code = (e as { code?: string }).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EACCES' && code !== 'EINVAL') throw e;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Copy to a new name (never over an existing file) and fsync the copy; the caller fsyncs the folder. */
export function copyDurably(from: string, to: string): void {
  copyFileSync(from, to, 1 /* COPYFILE_EXCL */);
  const fd = openSync(to, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a whole file or nothing: the bytes go to a temporary file beside the target (same folder, so the rename is
 * atomic), are fsynced, renamed over the target, and the folder entry is fsynced. A failure at any step removes the
 * temporary file, and the target is either its old self or the new file, never a half-written one.
 */
export function writeFileDurably(file: string, bytes: Uint8Array, opts: { mode?: number } = {}): void {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // A mode (e.g. 0600 for credentials) holds from the first byte: the file is created with it.
  let fd: number | null = openSync(temp, 'wx', opts.mode ?? 0o666);
  try {
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, file);
  } catch (e) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      /* already gone (renamed, or never created) */
    }
    throw e;
  }
  fsyncDir(dir);
}
