import type { Migration } from '../migrate';

/**
 * What the supervisors' figures and period reports read (issue #19), kept by triggers so every writer (the desk, the
 * sync's pulled changes, the CLI, a restore) keeps them true, and indexed so a busy centre's year stays fast:
 * - dossiers.resolved_at / withdrawn_at: Vietnam local time ('YYYY-MM-DDTHH:MM', as received_at) of the first
 *   transition to result_ready / withdrawn. A re-receipt after a supplement request starts the count again.
 * - dossiers.promised_due_at: the due date set at receipt; an apology's new appointment changes due_at only, so a
 *   dossier resolved after its first promise stays late in the report (Decree 61/2018 counts it late). A re-receipt
 *   (supplement_requested → received) sets it again, even within the minute of the first receipt (received_at unchanged);
 *   on an existing database, an apology before the last receipt is not that receipt's promise.
 * - dossier_items: one row per document handed in (a received checklist line) with its ready scanned pages and when
 *   the first of them was scanned (so a closed period's share does not move with later scans), for
 *   "the share of received documents digitised" without reading every dossier's checklist JSON.
 */
const LOCAL = (col: string) => `strftime('%Y-%m-%dT%H:%M', ${col}, '+7 hours')`;
const READY_WHERE = (dossier: string, item: string) =>
  `FROM dossier_pages p WHERE p.dossier_id = ${dossier} AND p.item_code = ${item} AND p.kind = 'page' AND p.state = 'ready' AND p.removed_at IS NULL`;
const READY_PAGES = (dossier: string, item: string) => `(SELECT count(*) ${READY_WHERE(dossier, item)})`;
/** When the document's first ready page was scanned (ISO UTC): digitised "as at" a period's end. */
const FIRST_PAGE = (dossier: string, item: string) => `(SELECT min(p.created_at) ${READY_WHERE(dossier, item)})`;
const ITEMS_OF = (dossier: string, checklist: string) => `
  INSERT OR IGNORE INTO dossier_items (dossier_id, item_code, pages, first_page_at)
  SELECT ${dossier}, json_extract(value, '$.itemCode'), ${READY_PAGES(dossier, "json_extract(value, '$.itemCode')")},
    ${FIRST_PAGE(dossier, "json_extract(value, '$.itemCode')")}
  FROM json_each(${checklist})
  WHERE json_valid(${checklist}) AND json_extract(value, '$.received') = 1 AND json_extract(value, '$.itemCode') IS NOT NULL`;
const RECOUNT = (dossier: string, item: string) =>
  `UPDATE dossier_items SET (pages, first_page_at) = (SELECT count(*), min(p.created_at) ${READY_WHERE(dossier, item)}) WHERE dossier_id = ${dossier} AND item_code = ${item}`;

/**
 * Covering indexes: a report reads only these columns, never the wide dossier rows (snapshots, checklist JSON: ~2 KB
 * each) nor the pages' file columns, so a year of 200,000 dossiers and 600,000 pages is read from a few tens of MB.
 * A dossier is in the reports once received (promised_due_at set); the period's rows come from four ranges
 * (core/services/reports/figures/dossier-rows.ts): received in it, resolved or withdrawn in it, still open.
 */
const DOSSIER_FIGURES = 'agency_code, procedure_code, counter_id, created_by, id';
const REPORT_INDEXES = `
      CREATE INDEX dossiers_report_received ON dossiers(received_at, promised_due_at, resolved_at, withdrawn_at, ${DOSSIER_FIGURES})
        WHERE promised_due_at IS NOT NULL;
      CREATE INDEX dossiers_report_resolved ON dossiers(resolved_at, received_at, promised_due_at, withdrawn_at, ${DOSSIER_FIGURES})
        WHERE resolved_at IS NOT NULL AND promised_due_at IS NOT NULL;
      CREATE INDEX dossiers_report_withdrawn ON dossiers(withdrawn_at, received_at, promised_due_at, resolved_at, ${DOSSIER_FIGURES})
        WHERE withdrawn_at IS NOT NULL AND promised_due_at IS NOT NULL;
      CREATE INDEX dossiers_report_open ON dossiers(promised_due_at, received_at, due_at, ${DOSSIER_FIGURES})
        WHERE promised_due_at IS NOT NULL AND resolved_at IS NULL AND withdrawn_at IS NULL;
      CREATE INDEX dossiers_report_keys ON dossiers(id, agency_code, counter_id, created_by, received_at);
      CREATE INDEX dossier_pages_report ON dossier_pages(created_at, dossier_id, state, removed_at, created_by, id)
        WHERE kind = 'page' AND dossier_id IS NOT NULL;
      CREATE INDEX page_text_report ON page_text(page_id, flagged, confidence);
`;

/** The columns and dossier_items computed from the rows already there (this migration on an existing database). */
const REPORTS_BACKFILL = `
      UPDATE dossiers SET
        resolved_at = (SELECT ${LOCAL('min(t.at)')} FROM dossier_transitions t WHERE t.dossier_id = dossiers.id AND t.to_state = 'result_ready'),
        withdrawn_at = (SELECT ${LOCAL('min(t.at)')} FROM dossier_transitions t WHERE t.dossier_id = dossiers.id AND t.to_state = 'withdrawn'),
        promised_due_at = coalesce(
          (SELECT json_extract(t.data, '$.apology.previousDue') FROM dossier_transitions t
            WHERE t.dossier_id = dossiers.id AND json_extract(t.data, '$.apology.previousDue') IS NOT NULL
              AND t.id > coalesce((SELECT max(r.id) FROM dossier_transitions r WHERE r.dossier_id = dossiers.id AND r.to_state = 'received' AND r.from_state IS NOT 'received'), 0)
            ORDER BY t.id LIMIT 1),
          due_at);

      INSERT OR IGNORE INTO dossier_items (dossier_id, item_code, pages, first_page_at)
      SELECT d.id, json_extract(j.value, '$.itemCode'), ${READY_PAGES('d.id', "json_extract(j.value, '$.itemCode')")},
        ${FIRST_PAGE('d.id', "json_extract(j.value, '$.itemCode')")}
      FROM dossiers d, json_each(d.checklist) j
      WHERE json_valid(d.checklist) AND json_extract(j.value, '$.received') = 1 AND json_extract(j.value, '$.itemCode') IS NOT NULL;

`;

export const m014Reports: Migration = {
  version: 14,
  name: 'reports',
  up: (db) => {
    db.exec(`
      ALTER TABLE dossiers ADD COLUMN resolved_at TEXT;
      ALTER TABLE dossiers ADD COLUMN withdrawn_at TEXT;
      ALTER TABLE dossiers ADD COLUMN promised_due_at TEXT;

      ${REPORT_INDEXES}

      CREATE TRIGGER dossiers_resolved_at AFTER INSERT ON dossier_transitions WHEN NEW.to_state = 'result_ready'
      BEGIN
        UPDATE dossiers SET resolved_at = coalesce(resolved_at, ${LOCAL('NEW.at')}) WHERE id = NEW.dossier_id;
      END;
      CREATE TRIGGER dossiers_withdrawn_at AFTER INSERT ON dossier_transitions WHEN NEW.to_state = 'withdrawn'
      BEGIN
        UPDATE dossiers SET withdrawn_at = coalesce(withdrawn_at, ${LOCAL('NEW.at')}) WHERE id = NEW.dossier_id;
      END;
      CREATE TRIGGER dossiers_promised_due_insert AFTER INSERT ON dossiers
      BEGIN
        UPDATE dossiers SET promised_due_at = NEW.due_at WHERE id = NEW.id;
      END;
      CREATE TRIGGER dossiers_promised_due_receipt AFTER UPDATE OF received_at, state ON dossiers
      WHEN NEW.received_at IS NOT OLD.received_at OR (OLD.state = 'supplement_requested' AND NEW.state = 'received')
      BEGIN
        UPDATE dossiers SET promised_due_at = NEW.due_at WHERE id = NEW.id;
      END;

      CREATE TABLE dossier_items (
        dossier_id TEXT NOT NULL REFERENCES dossiers(id),
        item_code TEXT NOT NULL,
        pages INTEGER NOT NULL DEFAULT 0,
        first_page_at TEXT,
        PRIMARY KEY (dossier_id, item_code)
      ) WITHOUT ROWID;
      ${REPORTS_BACKFILL}
      CREATE TRIGGER dossier_items_insert AFTER INSERT ON dossiers
      BEGIN
        ${ITEMS_OF('NEW.id', 'NEW.checklist')};
      END;
      CREATE TRIGGER dossier_items_checklist AFTER UPDATE OF checklist ON dossiers WHEN NEW.checklist IS NOT OLD.checklist
      BEGIN
        DELETE FROM dossier_items WHERE dossier_id = NEW.id;
        ${ITEMS_OF('NEW.id', 'NEW.checklist')};
      END;
      CREATE TRIGGER dossier_items_page_insert AFTER INSERT ON dossier_pages WHEN NEW.dossier_id IS NOT NULL
      BEGIN
        ${RECOUNT('NEW.dossier_id', 'NEW.item_code')};
      END;
      CREATE TRIGGER dossier_items_page_update AFTER UPDATE OF dossier_id, item_code, state, kind, removed_at ON dossier_pages
      BEGIN
        ${RECOUNT('OLD.dossier_id', 'OLD.item_code')};
        ${RECOUNT('NEW.dossier_id', 'NEW.item_code')};
      END;
      CREATE TRIGGER dossier_items_page_delete AFTER DELETE ON dossier_pages WHEN OLD.dossier_id IS NOT NULL
      BEGIN
        ${RECOUNT('OLD.dossier_id', 'OLD.item_code')};
      END;
    `);
  },
};
