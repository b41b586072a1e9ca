import type { Migration } from '../migrate';

/**
 * The print queue (issue #16): print_jobs, one row per job, stored before a byte is sent.
 * - payload: the bytes sent (ESC/POS, or the PDF), rendered once when the job is made, so a retry sends exactly
 *   what was first meant (sha256 kept beside it); source: what to render again for a reprint (JSON).
 * - claim_mark: the process sending it ('sending' only; core/platform/process-marks.ts plus a token per claim), so
 *   the app and a CLI command never send one job at once. writing_mark: set (durably) before the first byte is
 *   written: a dead sender's job with it is 'uncertain' (never resent on a guess), without it 'queued' again.
 * - seq: the short number the clerk says ("lệnh in số 42"); the queue goes oldest first per printer by it.
 */
export const m010Printing: Migration = {
  version: 10,
  name: 'printing',
  up: (db) => {
    db.exec(`
      CREATE TABLE print_jobs (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('ticket','form','pdf','test')),
        title TEXT NOT NULL,
        form TEXT,
        dossier_id TEXT REFERENCES dossiers(id),
        dossier_code TEXT,
        ticket_number TEXT,
        printer_uri TEXT NOT NULL,
        profile TEXT,
        source TEXT NOT NULL,
        payload_kind TEXT NOT NULL CHECK (payload_kind IN ('escpos','pdf')),
        payload BLOB NOT NULL,
        payload_sha256 TEXT NOT NULL,
        copies INTEGER NOT NULL DEFAULT 1,
        reprint_of TEXT REFERENCES print_jobs(id),
        state TEXT NOT NULL CHECK (state IN ('queued','sending','printed','uncertain','cancelled','failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        bytes_written INTEGER NOT NULL DEFAULT 0,
        claim_mark TEXT,
        writing_mark TEXT,
        error_code TEXT,
        error_params TEXT,
        next_try_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        printed_at TEXT,
        resolved_by TEXT,
        CHECK ((state = 'sending') = (claim_mark IS NOT NULL))
      );
      CREATE INDEX print_jobs_waiting ON print_jobs(printer_uri, seq) WHERE state IN ('queued','sending','uncertain');
      CREATE INDEX print_jobs_dossier ON print_jobs(dossier_id, seq) WHERE dossier_id IS NOT NULL;
    `);
  },
};
