/** Durability helpers: bytes are on disk (file and folder entry fsynced) before anything records them. */
import { closeSync, copyFileSync, fsyncSync, openSync } from 'node:fs';

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
