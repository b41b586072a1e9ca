import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { currentVersion, latestVersion, migrate } from '../../../core/store/migrate';
import { MIGRATIONS } from '../../../core/store/migrations';
import { openDatabase } from '../../../core/store/database';
import { tempDir } from '../../helpers/temp';

const dirs: (() => void)[] = [];
afterEach(() => dirs.splice(0).forEach((c) => c()));

function freshFile(): string {
  const t = tempDir();
  dirs.push(t.cleanup);
  return path.join(t.dir, 'db.sqlite');
}

function schemaOf(db: Database.Database): string[] {
  return (db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as { type: string; name: string; sql: string | null }[])
    .map((r) => `${r.type}:${r.name}:${(r.sql ?? '').replace(/\s+/g, ' ')}`);
}

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('build the latest schema from an empty database, with WAL and foreign keys on', () => {
    const { db, migration } = openDatabase(freshFile());
    expect(migration?.from).toBe(0);
    expect(currentVersion(db)).toBe(latestVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it.each(MIGRATIONS.map((m) => m.version))('upgrade from version %i to the same schema as a fresh database', (from) => {
    const fresh = openDatabase(freshFile()).db;
    const file = freshFile();
    const old = new Database(file);
    migrate(old, from);
    expect(currentVersion(old)).toBe(from);
    old.close();
    const upgraded = openDatabase(file).db;
    expect(currentVersion(upgraded)).toBe(latestVersion());
    expect(schemaOf(upgraded)).toEqual(schemaOf(fresh));
    upgraded.close();
    fresh.close();
  });

  it('refuses a database newer than this build', () => {
    const file = freshFile();
    const db = new Database(file);
    db.pragma(`user_version = ${latestVersion() + 1}`);
    db.close();
    expect(() => openDatabase(file)).toThrow(/DB_TOO_NEW/);
  });
});
