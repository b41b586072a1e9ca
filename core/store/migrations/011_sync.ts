import type { Migration } from '../migrate';

/**
 * Sync with the central server (issue #17).
 * - sync_outbox: one row per change of a dossier, numbered per dossier (seq). Written by triggers on the tables the
 *   change lands in, so it is in the same transaction as the change whatever code path made it (app, CLI, a
 *   correction): a transition or receipt (dossier_transitions), a fee receipt, an attachment, a scanned page that
 *   became ready, moved into, replaced in or removed from a dossier, a searchable PDF rebuilt. `ref` names the
 *   source row; the payload is built and frozen by the worker at the first attempt (every retry sends the same).
 *   state: pending → sent, or rejected (the server's 4xx reason kept; retried only when someone asks).
 *   next_attempt_at: the stored backoff, so a restart does not hammer a server that is down.
 * - sync_uploads: how much of each file (by SHA-256) the central server is known to hold.
 * - sync_state: the pull cursor, last success and similar single values.
 * - sync_changes: what was pulled and what applying it changed here (the visible diff).
 * Dossiers already in the database when this runs get their history queued in the same order.
 */
export const m011Sync: Migration = {
  version: 11,
  name: 'sync',
  up: (db) => {
    db.exec(`
      CREATE TABLE sync_outbox (
        id INTEGER PRIMARY KEY,
        dossier_id TEXT NOT NULL REFERENCES dossiers(id),
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('transition','fee','file')),
        ref TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','sent','rejected')),
        payload TEXT,
        -- File bytes still to upload with this item (estimated by the trigger, exact once frozen, 0 once uploaded).
        bytes INTEGER NOT NULL DEFAULT 0,
        -- The file's SHA-256, once frozen (the upload's key in sync_uploads).
        sha256 TEXT,
        -- 1: a send may have reached the server without an answer; settled by a lookup before anything is resent.
        maybe_applied INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_attempt_at TEXT,
        next_attempt_at TEXT,
        sent_at TEXT,
        error_code TEXT,
        error_params TEXT,
        error_message TEXT,
        UNIQUE (dossier_id, seq)
      );
      -- A dossier's first unsent item (the worker's every step), without walking its sent ones.
      CREATE INDEX sync_outbox_pending ON sync_outbox(dossier_id, seq) WHERE state <> 'sent';
      -- Counts and the earliest next attempt over what waits, not over everything ever sent.
      CREATE INDEX sync_outbox_state ON sync_outbox(state, next_attempt_at);
      -- An upload completed: the pending items of that file have nothing left to send (one look, not a table scan).
      CREATE INDEX sync_outbox_upload ON sync_outbox(sha256) WHERE state = 'pending';

      CREATE TABLE sync_uploads (
        sha256 TEXT PRIMARY KEY,
        length INTEGER NOT NULL,
        offset INTEGER NOT NULL DEFAULT 0,
        complete INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE sync_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE sync_changes (
        cursor TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        applied_at TEXT NOT NULL,
        dossier_id TEXT,
        dossier_code TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('applied','skipped','failed')),
        diff TEXT NOT NULL,
        error_code TEXT,
        error_message TEXT
      );

      CREATE TRIGGER sync_outbox_transition AFTER INSERT ON dossier_transitions
      BEGIN
        INSERT INTO sync_outbox (dossier_id, seq, kind, ref, created_at)
        VALUES (NEW.dossier_id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM sync_outbox WHERE dossier_id = NEW.dossier_id),
                'transition', CAST(NEW.id AS TEXT), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
      END;

      CREATE TRIGGER sync_outbox_fee AFTER INSERT ON fee_receipts
      BEGIN
        INSERT INTO sync_outbox (dossier_id, seq, kind, ref, created_at)
        VALUES (NEW.dossier_id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM sync_outbox WHERE dossier_id = NEW.dossier_id),
                'fee', NEW.number, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
      END;

      CREATE TRIGGER sync_outbox_document AFTER INSERT ON dossier_documents
      BEGIN
        INSERT INTO sync_outbox (dossier_id, seq, kind, ref, bytes, created_at)
        VALUES (NEW.dossier_id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM sync_outbox WHERE dossier_id = NEW.dossier_id),
                'file', 'doc:' || NEW.id, NEW.bytes, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
      END;

      CREATE TRIGGER sync_outbox_page_insert AFTER INSERT ON dossier_pages
      WHEN NEW.dossier_id IS NOT NULL AND NEW.kind = 'page' AND NEW.state = 'ready' AND NEW.removed_at IS NULL
      BEGIN
        INSERT INTO sync_outbox (dossier_id, seq, kind, ref, bytes, created_at)
        VALUES (NEW.dossier_id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM sync_outbox WHERE dossier_id = NEW.dossier_id),
                'file', 'page:' || NEW.id, CASE WHEN NEW.removed_at IS NULL THEN COALESCE(NEW.image_bytes, 0) ELSE 0 END, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
      END;

      -- A page becomes part of a dossier's files (ready, in the dossier, not removed), its image changes (rotation),
      -- or it leaves them (removed). The worker reads the row when it builds the payload: removed → a removal.
      CREATE TRIGGER sync_outbox_page_update AFTER UPDATE ON dossier_pages
      WHEN NEW.dossier_id IS NOT NULL AND NEW.kind = 'page' AND (
        (NEW.state = 'ready' AND NEW.removed_at IS NULL AND (
          OLD.state IS NOT 'ready' OR OLD.dossier_id IS NOT NEW.dossier_id OR OLD.removed_at IS NOT NULL
          OR OLD.image_sha256 IS NOT NEW.image_sha256 OR OLD.item_code IS NOT NEW.item_code))
        OR (NEW.removed_at IS NOT NULL AND OLD.removed_at IS NULL AND OLD.state = 'ready' AND OLD.dossier_id IS NOT NULL))
      BEGIN
        INSERT INTO sync_outbox (dossier_id, seq, kind, ref, bytes, created_at)
        VALUES (NEW.dossier_id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM sync_outbox WHERE dossier_id = NEW.dossier_id),
                'file', 'page:' || NEW.id, CASE WHEN NEW.removed_at IS NULL THEN COALESCE(NEW.image_bytes, 0) ELSE 0 END, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
      END;

      CREATE TRIGGER sync_outbox_pdf_insert AFTER INSERT ON document_pdfs
      WHEN NEW.state = 'ready' AND NEW.sha256 IS NOT NULL
      BEGIN
        INSERT INTO sync_outbox (dossier_id, seq, kind, ref, bytes, created_at)
        VALUES (NEW.dossier_id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM sync_outbox WHERE dossier_id = NEW.dossier_id),
                'file', 'pdf:' || NEW.item_code, COALESCE(NEW.bytes, 0), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
      END;

      CREATE TRIGGER sync_outbox_pdf_update AFTER UPDATE ON document_pdfs
      WHEN NEW.state = 'ready' AND NEW.sha256 IS NOT NULL AND (OLD.state IS NOT 'ready' OR OLD.sha256 IS NOT NEW.sha256)
      BEGIN
        INSERT INTO sync_outbox (dossier_id, seq, kind, ref, bytes, created_at)
        VALUES (NEW.dossier_id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM sync_outbox WHERE dossier_id = NEW.dossier_id),
                'file', 'pdf:' || NEW.item_code, COALESCE(NEW.bytes, 0), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
      END;

      -- What already happened, in the order it happened: history, fees, attachments, ready pages, ready PDFs.
      INSERT INTO sync_outbox (dossier_id, seq, kind, ref, bytes, created_at)
      SELECT dossier_id, ROW_NUMBER() OVER (PARTITION BY dossier_id ORDER BY at, ord, n, ref), kind, ref, bytes, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
      FROM (
        SELECT dossier_id, at, 0 AS ord, id AS n, 'transition' AS kind, CAST(id AS TEXT) AS ref, 0 AS bytes FROM dossier_transitions
        UNION ALL SELECT dossier_id, collected_at, 1, 0, 'fee', number, 0 FROM fee_receipts
        UNION ALL SELECT dossier_id, created_at, 2, 0, 'file', 'doc:' || id, bytes FROM dossier_documents
        UNION ALL SELECT dossier_id, created_at, 3, 0, 'file', 'page:' || id, COALESCE(image_bytes, 0) FROM dossier_pages
          WHERE dossier_id IS NOT NULL AND kind = 'page' AND state = 'ready' AND removed_at IS NULL
        UNION ALL SELECT dossier_id, COALESCE(built_at, stale_since, ''), 4, 0, 'file', 'pdf:' || item_code, COALESCE(bytes, 0) FROM document_pdfs
          WHERE state = 'ready' AND sha256 IS NOT NULL
      );
    `);
  },
};
