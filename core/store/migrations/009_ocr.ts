import type { Migration } from '../migrate';

/**
 * OCR, searchable PDFs and full-text search (issue #15).
 * - ocr_jobs: the durable OCR queue, one row per page. A job is 'running' only while a live process holds it
 *   (run_mark = that process's mark, core/platform/process-marks.ts); a start puts back the running jobs of dead
 *   processes. focus_at: the dossier at the counter goes first (newest focus first, then oldest enqueued).
 *   master_sha256 is the master the job is for: a rotated page is read again.
 * - page_text: what OCR read, with word boxes (JSON, in master pixels) and mean confidence; its INTEGER id is the
 *   rowid of the FTS row (a TEXT primary key's implicit rowid may change on VACUUM).
 * - page_text_fts: contentless FTS5 over the folded text (core/domain/text/fold.ts: lower case, no diacritics,
 *   đ → d); snippets are cut from page_text.text, whose offsets equal the folded ones.
 * - document_pdfs: the searchable PDF/A of each checklist document; 'stale' until rebuilt from its pages.
 */
export const m009Ocr: Migration = {
  version: 9,
  name: 'ocr',
  up(db) {
    db.exec(`
      CREATE TABLE ocr_jobs (
        page_id TEXT PRIMARY KEY REFERENCES dossier_pages(id),
        state TEXT NOT NULL CHECK (state IN ('waiting','running','done','failed')),
        focus_at TEXT,
        enqueued_at TEXT NOT NULL,
        tries INTEGER NOT NULL DEFAULT 0,
        run_mark TEXT,
        started_at TEXT,
        finished_at TEXT,
        ms INTEGER,
        master_sha256 TEXT,
        error_code TEXT,
        error_message TEXT
      );
      CREATE INDEX ocr_jobs_next ON ocr_jobs(focus_at DESC, enqueued_at) WHERE state = 'waiting';
      CREATE INDEX ocr_jobs_state ON ocr_jobs(state);
      CREATE INDEX ocr_jobs_finished ON ocr_jobs(finished_at) WHERE state = 'done';

      CREATE TABLE page_text (
        id INTEGER PRIMARY KEY,
        page_id TEXT NOT NULL UNIQUE REFERENCES dossier_pages(id),
        text TEXT NOT NULL,
        words TEXT NOT NULL,
        word_count INTEGER NOT NULL,
        confidence REAL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        dpi INTEGER NOT NULL,
        engine TEXT NOT NULL,
        ms INTEGER NOT NULL,
        master_sha256 TEXT,
        flagged INTEGER NOT NULL DEFAULT 0,
        review TEXT CHECK (review IS NULL OR review IN ('accepted','rescan')),
        reviewed_by TEXT,
        reviewed_at TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX page_text_flagged ON page_text(page_id) WHERE flagged = 1 AND review IS NULL;

      CREATE VIRTUAL TABLE page_text_fts USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');

      CREATE TABLE document_pdfs (
        dossier_id TEXT NOT NULL REFERENCES dossiers(id),
        item_code TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('stale','ready','failed')),
        page_count INTEGER NOT NULL DEFAULT 0,
        -- Paths are relative to <data>/files.
        path TEXT,
        bytes INTEGER,
        sha256 TEXT,
        -- What the built file was made from (page ids, image hashes, text versions): equal means up to date.
        source_key TEXT,
        stale_since TEXT,
        built_at TEXT,
        error_code TEXT,
        error_message TEXT,
        PRIMARY KEY (dossier_id, item_code)
      );
      CREATE INDEX document_pdfs_stale ON document_pdfs(stale_since) WHERE state = 'stale';
    `);
  },
};
