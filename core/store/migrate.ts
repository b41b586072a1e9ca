/**
 * Numbered, forward-only migrations tracked in PRAGMA user_version. Each runs in its own IMMEDIATE
 * transaction, applied only if the version read under that lock still lacks it (several processes may open
 * a new data folder at once); a database newer than this build is refused rather than touched.
 */
import type Database from 'better-sqlite3';
import { AppError } from '../contract/errors';
import { MIGRATIONS } from './migrations';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export interface MigrationReport {
  from: number;
  to: number;
  applied: string[];
}

export function currentVersion(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

export function latestVersion(): number {
  return MIGRATIONS.length === 0 ? 0 : MIGRATIONS[MIGRATIONS.length - 1]!.version;
}

export function migrate(db: Database.Database, target: number = latestVersion()): MigrationReport {
  MIGRATIONS.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const from = currentVersion(db);
  if (from > latestVersion()) throw new AppError('DB_TOO_NEW', { version: from, supported: latestVersion() });
  const applied: string[] = [];
  for (const m of MIGRATIONS) {
    if (m.version <= from || m.version > target) continue;
    // Another process (two CLI commands, the app and the CLI) may be migrating the same new file: the version
    // read before the write lock is stale, so it is read again under it and what the other applied is skipped.
    const ran = db.transaction(() => {
      const now = currentVersion(db);
      if (now > latestVersion()) throw new AppError('DB_TOO_NEW', { version: now, supported: latestVersion() });
      if (now >= m.version) return false;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
      return true;
    }).immediate();
    if (ran) applied.push(`${m.version}_${m.name}`);
  }
  return { from, to: currentVersion(db), applied };
}
