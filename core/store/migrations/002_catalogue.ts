import type { Migration } from '../migrate';

/** The procedure catalogue of every agency this counter serves; the full validated record is kept as JSON. */
export const m002Catalogue: Migration = {
  version: 2,
  name: 'catalogue',
  up(db) {
    db.exec(`
      CREATE TABLE agencies (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      );
      CREATE TABLE procedures (
        agency_code TEXT NOT NULL REFERENCES agencies(code),
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        PRIMARY KEY (agency_code, code)
      );
    `);
  },
};
