import type { CentralMigration } from '../migrate';

/**
 * The reference central server's whole schema (issue #17).
 * - enrol_tokens / devices: only SHA-256 hashes of the one-time and device tokens are kept; a counter has at most one
 *   live device (a new enrolment revokes the previous one).
 * - dossiers / dossier_events / dossier_files: the dossier as its latest event describes it, every event once
 *   (PK dossier_id, seq) and the files by their per-dossier ref.
 * - blobs: one row per uploaded content (sha256), with the length its first chunk declared; stored_at is set when
 *   the bytes are complete and verified. The bytes live in the BlobStore (central/blobs).
 * - changes: what the counters pull; id is the cursor, counter_id NULL means every counter.
 * - seq_counters / seq_requests: dossier-code blocks per (agency, day), and the block each request got.
 * - audit_heads / audit_head_events: the furthest audit-chain head per counter, and evidence of heads behind it or
 *   disagreeing with it.
 */
export const m001Central: CentralMigration = {
  version: 1,
  name: 'central',
  up: async (tx) => {
    await tx.query(`
      CREATE TABLE server_info (
        id integer PRIMARY KEY CHECK (id = 1),
        server_id uuid NOT NULL DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      INSERT INTO server_info (id) VALUES (1);

      CREATE TABLE enrol_tokens (
        token_hash text PRIMARY KEY,
        counter_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        device_id uuid
      );

      CREATE TABLE devices (
        device_id uuid PRIMARY KEY,
        counter_id text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        name text NOT NULL,
        app_version text NOT NULL,
        enrolled_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );
      CREATE UNIQUE INDEX devices_one_live_per_counter ON devices (counter_id) WHERE revoked_at IS NULL;

      CREATE TABLE dossiers (
        id uuid PRIMARY KEY,
        code text NOT NULL,
        counter_id text NOT NULL,
        procedure_code text NOT NULL,
        state text NOT NULL,
        trang_thai text NOT NULL,
        snapshot jsonb NOT NULL,
        last_seq integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT dossiers_code_key UNIQUE (code)
      );
      CREATE INDEX dossiers_counter ON dossiers (counter_id);

      CREATE TABLE dossier_events (
        dossier_id uuid NOT NULL REFERENCES dossiers(id),
        seq integer NOT NULL,
        idempotency_key text NOT NULL,
        kind text NOT NULL,
        at text NOT NULL,
        state text NOT NULL,
        body jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (dossier_id, seq)
      );

      CREATE TABLE dossier_files (
        dossier_id uuid NOT NULL REFERENCES dossiers(id),
        ref text NOT NULL,
        name text NOT NULL,
        item_code text NOT NULL,
        media_type text NOT NULL,
        sha256 text NOT NULL,
        bytes bigint NOT NULL,
        PRIMARY KEY (dossier_id, ref)
      );

      CREATE TABLE blobs (
        sha256 text PRIMARY KEY,
        length bigint NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        stored_at timestamptz
      );

      CREATE TABLE changes (
        id bigserial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('result_ready', 'supplement_requested', 'catalogue', 'calendar')),
        counter_id text,
        dossier_id uuid,
        dossier_code text,
        at timestamptz NOT NULL DEFAULT now(),
        data jsonb NOT NULL
      );
      CREATE INDEX changes_counter ON changes (counter_id, id);

      CREATE TABLE seq_counters (
        agency_code text NOT NULL,
        day text NOT NULL,
        next integer NOT NULL,
        PRIMARY KEY (agency_code, day)
      );
      CREATE TABLE seq_requests (
        request_id text PRIMARY KEY,
        counter_id text NOT NULL,
        agency_code text NOT NULL,
        day text NOT NULL,
        start integer NOT NULL,
        "end" integer NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE audit_heads (
        counter_id text PRIMARY KEY,
        last_id bigint NOT NULL,
        last_hash text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE audit_head_events (
        id bigserial PRIMARY KEY,
        counter_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('behind', 'conflict')),
        kept_last_id bigint NOT NULL,
        kept_hash text NOT NULL,
        got_last_id bigint NOT NULL,
        got_hash text NOT NULL,
        via text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
    `);
  },
};
