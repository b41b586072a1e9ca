import type { CentralMigration } from '../migrate';

/**
 * Audit heads become compare-and-set (issue #17 review): a conflicting or older head marks the counter's head
 * disputed (disputed_at) and freezes it until an administrator clears it (`central audit-clear`, recorded in
 * audit_head_clears). Evidence rows now also record refused PUTs while disputed and the `since` a PUT carried.
 */
export const m002AuditDisputes: CentralMigration = {
  version: 2,
  name: 'audit_disputes',
  up: async (tx) => {
    await tx.query(`
      ALTER TABLE audit_heads ADD COLUMN disputed_at timestamptz;
      ALTER TABLE audit_head_events DROP CONSTRAINT audit_head_events_kind_check;
      ALTER TABLE audit_head_events ADD CONSTRAINT audit_head_events_kind_check CHECK (kind IN ('behind', 'conflict', 'disputed'));
      ALTER TABLE audit_head_events ADD COLUMN since_last_id bigint, ADD COLUMN since_hash text;
      CREATE TABLE audit_head_clears (
        id bigserial PRIMARY KEY,
        counter_id text NOT NULL,
        disputed_at timestamptz NOT NULL,
        kept_last_id bigint NOT NULL,
        kept_hash text NOT NULL,
        cleared_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  },
};
