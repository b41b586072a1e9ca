/**
 * Writes a whole file or nothing: the bytes go to a temporary file beside the target (same folder, so the rename is
 * atomic), are fsynced, renamed over the target, and the folder entry is fsynced. A failure at any step removes the
 * temporary file, and the target is either its old self or the new file, never a half-written one.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fsyncDir } from '../documents/durable-files';

export function writeFileDurably(file: string, bytes: Uint8Array): void {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | null = openSync(temp, 'wx');
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
