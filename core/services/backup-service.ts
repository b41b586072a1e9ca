/** Online backup through SQLite's backup API: consistent while the app keeps writing. */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../contract/errors';
import type { DataLayout } from '../platform/data-dir';
import type { Db } from '../store/database';

export async function backupDatabase(db: Db, layout: DataLayout, out: string | undefined, stamp: Date): Promise<{ path: string; bytes: number }> {
  const target = out
    ? path.resolve(out)
    : path.join(layout.backups, `motcua-${stamp.toISOString().replace(/[:.]/g, '-')}.sqlite`);
  if (path.resolve(target) === path.resolve(layout.database)) throw new AppError('BACKUP_TARGET_IS_DATABASE', {}, { field: 'out' });
  mkdirSync(path.dirname(target), { recursive: true });
  try {
    await db.backup(target);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_FULL' || code === 'ENOSPC') throw new AppError('DISK_FULL', {}, { cause: e });
    throw new AppError('BACKUP_FAILED', { reason: (e as Error).message }, { cause: e });
  }
  return { path: target, bytes: statSync(target).size };
}
