import type { Migration } from '../migrate';

/**
 * Applicants, dossiers, their documents and history, and dossier-code sequences.
 * A dossier's UUID never changes (the sync identity); its public code is unique across counters.
 */
export const m003Dossiers: Migration = {
  version: 3,
  name: 'dossiers',
  up(db) {
    db.exec(`
      CREATE TABLE applicants (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('citizen','organisation')),
        id_number TEXT,
        old_id_number TEXT,
        full_name TEXT NOT NULL,
        -- Lower case, no diacritics, đ → d: what clerks type when they search.
        name_folded TEXT NOT NULL,
        date_of_birth TEXT,
        gender TEXT CHECK (gender IN ('male','female')),
        address TEXT,
        issue_date TEXT,
        phone TEXT,
        email TEXT,
        tax_code TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      );
      CREATE UNIQUE INDEX applicants_id_number ON applicants(kind, id_number) WHERE id_number IS NOT NULL;

      CREATE TABLE dossiers (
        id TEXT PRIMARY KEY,
        code TEXT UNIQUE,
        agency_code TEXT NOT NULL,
        -- The agency, procedure and applicant as they were at receipt: reprinted forms never change.
        agency_snapshot TEXT NOT NULL,
        procedure_code TEXT NOT NULL,
        procedure_snapshot TEXT NOT NULL,
        applicant_id TEXT NOT NULL REFERENCES applicants(id),
        applicant_snapshot TEXT NOT NULL,
        submitter TEXT,
        state TEXT NOT NULL,
        channel TEXT NOT NULL,
        result_return TEXT NOT NULL,
        received_at TEXT,
        due_at TEXT,
        lookup_pin TEXT NOT NULL,
        checklist TEXT NOT NULL,
        fees TEXT NOT NULL,
        summary TEXT,
        counter_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      );
      CREATE INDEX dossiers_state ON dossiers(state);
      CREATE INDEX dossiers_applicant ON dossiers(applicant_id);

      CREATE TABLE dossier_transitions (
        id INTEGER PRIMARY KEY,
        dossier_id TEXT NOT NULL REFERENCES dossiers(id),
        from_state TEXT,
        to_state TEXT NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX dossier_transitions_dossier ON dossier_transitions(dossier_id);

      CREATE TABLE dossier_documents (
        id TEXT PRIMARY KEY,
        dossier_id TEXT NOT NULL REFERENCES dossiers(id),
        item_code TEXT NOT NULL,
        file_name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        stored_path TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      );
      CREATE INDEX dossier_documents_dossier ON dossier_documents(dossier_id);

      CREATE TABLE fee_receipts (
        number TEXT PRIMARY KEY,
        dossier_id TEXT NOT NULL REFERENCES dossiers(id),
        amount INTEGER NOT NULL,
        data TEXT NOT NULL,
        collected_at TEXT NOT NULL,
        collected_by TEXT NOT NULL
      );

      CREATE TABLE result_returns (
        dossier_id TEXT PRIMARY KEY REFERENCES dossiers(id),
        returned_at TEXT NOT NULL,
        receiver_name TEXT NOT NULL,
        receiver_id_number TEXT,
        method TEXT NOT NULL,
        note TEXT,
        returned_by TEXT NOT NULL
      );

      -- Blocks of daily sequence numbers this counter holds, reserved from the sequence authority.
      CREATE TABLE code_blocks (
        agency_code TEXT NOT NULL,
        day TEXT NOT NULL,
        start INTEGER NOT NULL,
        next INTEGER NOT NULL,
        end INTEGER NOT NULL,
        source TEXT NOT NULL,
        reserved_at TEXT NOT NULL,
        PRIMARY KEY (agency_code, day, start)
      );
      -- Offline fallback: a counter's own sequence, used in codes that carry the counter segment.
      CREATE TABLE code_fallback (
        agency_code TEXT NOT NULL,
        day TEXT NOT NULL,
        next INTEGER NOT NULL,
        PRIMARY KEY (agency_code, day)
      );
      -- The local stand-in for the central system's sequence authority (same interface).
      CREATE TABLE sequence_authority (
        agency_code TEXT NOT NULL,
        day TEXT NOT NULL,
        next INTEGER NOT NULL,
        PRIMARY KEY (agency_code, day)
      );
      -- Per-counter, per-year sequence for fee receipt numbers (the counter id is in the number).
      CREATE TABLE receipt_sequences (
        scope TEXT NOT NULL,
        year INTEGER NOT NULL,
        next INTEGER NOT NULL,
        PRIMARY KEY (scope, year)
      );
    `);
  },
};
