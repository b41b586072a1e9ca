/**
 * Whether a path lies inside a folder: the one check for every place that must not leave its folder (the built
 * renderer in Electron and web mode, stored documents, the audit key folder). Written here once because a
 * hand-made copy is easy to get subtly wrong ("/data2" is not inside "/data"; "C:\x" is not inside "D:\").
 * Not the is-path-inside package: it answers false for the folder itself and has no symlink-resolving form.
 */
import { realpathSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';

/** The parts of node:path the check uses; path.win32 / path.posix can be passed to check the other platform's rules. */
export type PathApi = Pick<typeof path, 'relative' | 'resolve' | 'isAbsolute' | 'sep'>;

/**
 * True when candidate is root itself or under it, by the paths' text alone (no disk access, symlinks not followed).
 * Relative paths are resolved against the working directory first.
 */
export function isInside(root: string, candidate: string, p: PathApi = path): boolean {
  const rel = p.relative(p.resolve(root), p.resolve(candidate));
  if (rel === '') return true;
  // Another drive root (Windows) gives an absolute result; leaving the folder gives ".." as the first segment.
  // Only a whole ".." segment leaves it: a file named "..notes" inside the folder is inside.
  return !p.isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${p.sep}`);
}

/** Real (symlink-free) paths of a root and of a candidate inside it. */
export interface RealInside {
  root: string;
  path: string;
}

/**
 * Resolves symlinks of both root and candidate, then checks the candidate's real path is inside the root's real
 * path: a link inside the folder that points out of it is outside. Null when outside; rejects (ENOENT …) when
 * either does not exist. Use the returned real path for the I/O that follows, not the link again.
 */
export async function realInside(root: string, candidate: string): Promise<RealInside | null> {
  const [realRoot, real] = await Promise.all([realpath(root), realpath(candidate)]);
  return isInside(realRoot, real) ? { root: realRoot, path: real } : null;
}

/** realInside for synchronous callers; throws (ENOENT …) when either path does not exist. */
export function realInsideSync(root: string, candidate: string): RealInside | null {
  const realRoot = realpathSync(root);
  const real = realpathSync(candidate);
  return isInside(realRoot, real) ? { root: realRoot, path: real } : null;
}
