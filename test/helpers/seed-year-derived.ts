/**
 * The rows of a seeded year (test/helpers/seed-year.ts) that follow from its dossiers, pages and tickets, written
 * set-based (a hash of the rowid stands for a random draw, so it stays deterministic): the queue's events and board
 * calls, OCR jobs and text, the stale searchable-PDF rows of migration 009 and the sync outbox of migration 011.
 */

/** A deterministic draw in [0, 1000003) from an integer column. */
const H = (col: string, salt: number): string => `((${col} * 2654435761 + ${salt}) % 1000003)`;

/**
 * The statements, in order. recentIso: pages scanned after it still wait for OCR; backlogFrom: outbox items made after
 * it are not sent yet.
 */
export function derivedRowsSql(o: { recentIso: string; backlogFrom: string }): string[] {
  const { recentIso, backlogFrom } = o;
  return `
      -- The queue's events and board calls, ticket by ticket in order (issued, called, then started and finished or no-show).
      INSERT INTO queue_events (ticket_id, kind, at, counter, service) SELECT id, 'issued', issued_at, NULL, service FROM queue_tickets ORDER BY ord;
      INSERT INTO queue_events (ticket_id, kind, at, counter, service) SELECT id, 'called', called_at, counter, service FROM queue_tickets ORDER BY ord;
      INSERT INTO queue_calls (day, ticket_id, ticket_number, service, counter, at, recall) SELECT day, id, number, service, counter, called_at, 0 FROM queue_tickets ORDER BY called_at;
      INSERT INTO queue_events (ticket_id, kind, at, counter, service) SELECT id, 'started', started_at, counter, service FROM queue_tickets WHERE state = 'done' ORDER BY ord;
      INSERT INTO queue_events (ticket_id, kind, at, counter, service)
        SELECT id, CASE state WHEN 'done' THEN 'finished' ELSE 'no_show' END, coalesce(finished_at, strftime('%Y-%m-%dT%H:%M:%fZ', called_at, '+3 minutes')), counter, service
        FROM queue_tickets ORDER BY ord;

      -- OCR: the pages of the last working afternoon wait (a few running), some failed, the rest read.
      INSERT INTO ocr_jobs (page_id, state, enqueued_at, tries, started_at, finished_at, ms, error_code, error_message)
        SELECT id,
          CASE WHEN created_at >= '${recentIso}' THEN (CASE WHEN ${H('rowid', 1)} % 20 = 0 THEN 'running' ELSE 'waiting' END)
               WHEN ${H('rowid', 2)} % 250 = 0 THEN 'failed' ELSE 'done' END,
          created_at, 1, created_at,
          CASE WHEN created_at >= '${recentIso}' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+' || (1 + ${H('rowid', 3)} % 20) || ' minutes') END,
          800 + ${H('rowid', 4)} % 3200,
          CASE WHEN created_at < '${recentIso}' AND ${H('rowid', 2)} % 250 = 0 THEN 'OCR_FAILED' END,
          CASE WHEN created_at < '${recentIso}' AND ${H('rowid', 2)} % 250 = 0 THEN 'Tesseract could not read the page' END
        FROM dossier_pages WHERE state = 'ready' AND kind = 'page' AND removed_at IS NULL ORDER BY id;
      UPDATE ocr_jobs SET started_at = NULL, finished_at = NULL, tries = 0, ms = NULL WHERE state = 'waiting';
      -- What OCR read: mostly confident, about 6 % low (flagged under 65), most flagged pages reviewed.
      INSERT INTO page_text (page_id, text, words, word_count, confidence, width, height, dpi, engine, ms, flagged, review, reviewed_by, reviewed_at, created_at)
        SELECT page_id, 'Trang ' || item_code, '[]', 40 + h % 360, conf, 2480, 3508, 300, 'tesseract', ms, conf < 65,
          CASE WHEN conf < 65 AND h % 10 < 3 THEN 'accepted' WHEN conf < 65 AND h % 10 < 6 THEN 'rescan' END,
          CASE WHEN conf < 65 AND h % 10 < 6 THEN created_by END,
          CASE WHEN conf < 65 AND h % 10 < 6 THEN finished_at END,
          finished_at
        FROM (SELECT j.page_id, j.ms, j.finished_at, p.item_code, p.created_by, ${H('p.rowid', 5)} AS h,
                CASE WHEN ${H('p.rowid', 6)} % 100 < 6 THEN 35 + (${H('p.rowid', 7)} % 290) / 10.0 ELSE 70 + (${H('p.rowid', 7)} % 270) / 10.0 END AS conf
              FROM ocr_jobs j JOIN dossier_pages p ON p.id = j.page_id WHERE j.state = 'done' ORDER BY j.finished_at);

      -- Migration 009's rows: every document with pages has a searchable PDF waiting to be built.
      INSERT INTO document_pdfs (dossier_id, item_code, state, stale_since)
        SELECT dossier_id, item_code, 'stale', min(created_at) FROM dossier_pages WHERE dossier_id IS NOT NULL AND removed_at IS NULL GROUP BY dossier_id, item_code;

      -- Migration 011's rows (history and ready pages, in the order they happened, dated then): sent, except the last
      -- two days' backlog and a few the central system rejected.
      INSERT INTO sync_outbox (dossier_id, seq, kind, ref, state, bytes, created_at, attempts, last_attempt_at, sent_at, error_code, error_message)
        SELECT dossier_id, seq, kind, ref,
          CASE WHEN rejected THEN 'rejected' WHEN at < '${backlogFrom}' THEN 'sent' ELSE 'pending' END,
          CASE WHEN at < '${backlogFrom}' THEN 0 ELSE bytes END, at,
          CASE WHEN rejected OR at < '${backlogFrom}' THEN 1 ELSE 0 END,
          CASE WHEN rejected OR at < '${backlogFrom}' THEN at END,
          CASE WHEN NOT rejected AND at < '${backlogFrom}' THEN at END,
          CASE WHEN rejected THEN 'SYNC_REJECTED' END,
          CASE WHEN rejected THEN 'Hệ thống trung tâm từ chối: thiếu mã thủ tục' END
        FROM (
          SELECT dossier_id, kind, ref, bytes, at, ROW_NUMBER() OVER (PARTITION BY dossier_id ORDER BY at, ord, n, ref) AS seq,
            (kind = 'transition' AND ${H('n', 8)} % 50000 = 0) AS rejected
          FROM (
            SELECT dossier_id, at, 0 AS ord, id AS n, 'transition' AS kind, CAST(id AS TEXT) AS ref, 0 AS bytes FROM dossier_transitions
            UNION ALL SELECT dossier_id, created_at, 3, 0, 'file', 'page:' || id, COALESCE(image_bytes, 0) FROM dossier_pages
              WHERE dossier_id IS NOT NULL AND kind = 'page' AND state = 'ready' AND removed_at IS NULL
          )
        );

      -- A folder that has been started before: its one-time full walk of the files (orphan-sweep.ts) is done.
      INSERT OR IGNORE INTO settings (key, value, updated_at, updated_by)
        VALUES ('files.fullSweepAt', '"${backlogFrom}"', '${backlogFrom}', 'system:orphan-sweep');
  `
    .split(/;\n/)
    .filter((x) => x.trim() !== '');
}
