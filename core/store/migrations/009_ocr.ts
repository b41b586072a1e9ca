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
/** A focus_at later than any real one: the job is taken before all others. */
export const PURGE_FIRST = '9999-12-31T23:59:59.999Z';
const SQL_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
/** Marks a document's PDF stale (the row made when missing); used for the old and the new place of a page. */
const staleDoc = (dossier: string, item: string) => `
  INSERT INTO document_pdfs (dossier_id, item_code, state, stale_since) SELECT ${dossier}, ${item}, 'stale', ${SQL_NOW} WHERE ${dossier} IS NOT NULL
  ON CONFLICT (dossier_id, item_code) DO UPDATE SET state = 'stale', stale_since = COALESCE(document_pdfs.stale_since, excluded.stale_since);`;

/**
 * Triggers, so the queue and the PDFs follow every change of a page whatever code makes it, in the transaction that
 * makes it (no job or rebuild lost to a crash between a commit and a hook; OCR adds one INSERT to a page's write):
 * - a page OCR can read (processed, a page not a separator sheet, not removed) is queued when it becomes so or gets
 *   a new master (a turn); pages of a scan at the counter (its batch scanning, or ended within 10 minutes) carry
 *   the batch's start as focus_at, so they go before older work;
 * - a removed page's job comes back first in line (focus_at PURGE_FIRST): the runner's claim takes its text out of the
 *   index through PageIndex, with its page_text row, and drops the job (ocr-queue.ts);
 * - a document (dossier, item) is marked stale when a page is added, processed, moved (both items), turned or removed.
 * OCR finishing a page marks its document stale in code (ocr-queue.ts), in the transaction that stores the text.
 */
const OCR_TRIGGERS = `
  CREATE TRIGGER ocr_jobs_enqueue AFTER UPDATE OF state, kind, master_path, removed_at ON dossier_pages
  WHEN NEW.state = 'ready' AND NEW.kind = 'page' AND NEW.removed_at IS NULL AND NEW.master_path IS NOT NULL
    AND (OLD.state <> 'ready' OR OLD.kind <> 'page' OR OLD.master_path IS NOT NEW.master_path OR OLD.removed_at IS NOT NULL)
  BEGIN
    INSERT INTO ocr_jobs (page_id, state, focus_at, enqueued_at)
    VALUES (NEW.id, 'waiting',
      (SELECT b.started_at FROM scan_batches b WHERE b.id = NEW.batch_id AND (b.status = 'scanning' OR julianday(b.ended_at) > julianday('now') - 10.0 / 1440)),
      ${SQL_NOW})
    ON CONFLICT (page_id) DO UPDATE SET state = 'waiting', focus_at = excluded.focus_at, enqueued_at = excluded.enqueued_at, tries = 0,
      run_mark = NULL, started_at = NULL, finished_at = NULL, ms = NULL, error_code = NULL, error_message = NULL;
  END;

  CREATE TRIGGER ocr_jobs_page_removed AFTER UPDATE OF removed_at ON dossier_pages
  WHEN NEW.removed_at IS NOT NULL AND OLD.removed_at IS NULL
  BEGIN
    UPDATE ocr_jobs SET state = 'waiting', focus_at = '${PURGE_FIRST}', run_mark = NULL, started_at = NULL, tries = 0 WHERE page_id = NEW.id;
  END;

  CREATE TRIGGER document_pdfs_page_added AFTER INSERT ON dossier_pages WHEN NEW.dossier_id IS NOT NULL AND NEW.removed_at IS NULL
  BEGIN ${staleDoc('NEW.dossier_id', 'NEW.item_code')}
  END;

  CREATE TRIGGER document_pdfs_page_changed AFTER UPDATE OF dossier_id, item_code, position, state, kind, image_path, master_path, removed_at ON dossier_pages
  WHEN OLD.dossier_id IS NOT NEW.dossier_id OR OLD.item_code IS NOT NEW.item_code OR OLD.position IS NOT NEW.position OR OLD.state IS NOT NEW.state
    OR OLD.kind IS NOT NEW.kind OR OLD.image_path IS NOT NEW.image_path OR OLD.master_path IS NOT NEW.master_path OR OLD.removed_at IS NOT NEW.removed_at
  BEGIN ${staleDoc('OLD.dossier_id', 'OLD.item_code')} ${staleDoc('NEW.dossier_id', 'NEW.item_code')}
  END;
`;

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

      CREATE VIRTUAL TABLE page_text_fts USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', prefix='2 3');

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
    db.exec(OCR_TRIGGERS);
    // Pages stored before this version: queued, and their documents to be built.
    db.exec(`
      INSERT INTO ocr_jobs (page_id, state, enqueued_at)
        SELECT id, 'waiting', ${SQL_NOW} FROM dossier_pages
        WHERE state = 'ready' AND kind = 'page' AND removed_at IS NULL AND master_path IS NOT NULL ORDER BY created_at;
      INSERT OR IGNORE INTO document_pdfs (dossier_id, item_code, state, stale_since)
        SELECT DISTINCT dossier_id, item_code, 'stale', ${SQL_NOW} FROM dossier_pages WHERE dossier_id IS NOT NULL AND removed_at IS NULL;
    `);
  },
};
