import type { Migration } from '../migrate';

/**
 * Scanned pages and scan batches (issue #14). A page belongs to a dossier, or to a clerk's reception tray until
 * `dossiers.receive` takes it (exactly one of the two is set). Its files live in <data>/files/scans/<batchId>/,
 * so moving a page between tray and dossier, or between checklist items, moves no file. Removing a page only
 * stamps removed_at: nothing scanned is erased. (batch_id, batch_seq) is unique, so a page arriving twice (a
 * retried job, a restarted process) is stored once.
 */
export const m008ScannedPages: Migration = {
  version: 8,
  name: 'scanned_pages',
  up(db) {
    db.exec(`
      CREATE TABLE scan_batches (
        id TEXT PRIMARY KEY,
        dossier_id TEXT REFERENCES dossiers(id),
        tray_owner TEXT,
        item_code TEXT NOT NULL,
        device TEXT NOT NULL,
        settings TEXT NOT NULL,
        status TEXT NOT NULL,
        error_code TEXT,
        error_message TEXT,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        started_by TEXT NOT NULL,
        CHECK ((dossier_id IS NULL) <> (tray_owner IS NULL))
      );
      CREATE INDEX scan_batches_dossier ON scan_batches(dossier_id) WHERE dossier_id IS NOT NULL;
      CREATE INDEX scan_batches_tray ON scan_batches(tray_owner) WHERE tray_owner IS NOT NULL;

      CREATE TABLE dossier_pages (
        id TEXT PRIMARY KEY,
        dossier_id TEXT REFERENCES dossiers(id),
        tray_owner TEXT,
        item_code TEXT NOT NULL,
        -- 1-based, dense per (owner, item) among pages not removed; NULL once removed.
        position INTEGER,
        batch_id TEXT REFERENCES scan_batches(id),
        batch_seq INTEGER,
        state TEXT NOT NULL CHECK (state IN ('raw','ready','failed')),
        kind TEXT NOT NULL DEFAULT 'page' CHECK (kind IN ('page','separator')),
        separator TEXT,
        -- Paths are relative to <data>/files.
        raw_path TEXT,
        raw_type TEXT,
        raw_bytes INTEGER,
        raw_sha256 TEXT,
        image_path TEXT,
        image_type TEXT,
        image_bytes INTEGER,
        image_sha256 TEXT,
        master_path TEXT,
        master_type TEXT,
        master_bytes INTEGER,
        thumb_path TEXT,
        thumb_type TEXT,
        thumb_bytes INTEGER,
        width INTEGER,
        height INTEGER,
        dpi INTEGER,
        rotation INTEGER NOT NULL DEFAULT 0,
        skew_deg REAL,
        blank INTEGER NOT NULL DEFAULT 0,
        blank_reviewed INTEGER NOT NULL DEFAULT 0,
        content TEXT CHECK (content IS NULL OR content IN ('text','photo')),
        error_code TEXT,
        error_message TEXT,
        removed_at TEXT,
        removed_by TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((dossier_id IS NULL) <> (tray_owner IS NULL)),
        CHECK ((removed_at IS NULL) = (position IS NOT NULL))
      );
      CREATE UNIQUE INDEX dossier_pages_batch_seq ON dossier_pages(batch_id, batch_seq) WHERE batch_id IS NOT NULL;
      CREATE INDEX dossier_pages_dossier ON dossier_pages(dossier_id, item_code, position) WHERE dossier_id IS NOT NULL;
      CREATE INDEX dossier_pages_tray ON dossier_pages(tray_owner, item_code, position) WHERE tray_owner IS NOT NULL;
      CREATE INDEX dossier_pages_raw ON dossier_pages(state) WHERE state = 'raw';

      -- Folders under <data>/files a process is writing into, recorded before its first file there: after a crash
      -- only these are compared with the rows (orphan-sweep.ts), never the whole files tree.
      CREATE TABLE files_dirty_folders (
        folder TEXT NOT NULL,
        pid INTEGER NOT NULL,
        since TEXT NOT NULL,
        PRIMARY KEY (folder, pid)
      );
    `);
  },
};
