import type { Migration } from '../migrate';

/** Reception drafts per clerk and audited corrections of recorded returns (hardening #13, items 10-12). */
export const m006CounterWork: Migration = {
  version: 6,
  name: 'counter_work',
  up(db) {
    void db; // SLOT: filled in by the work on this item; removed at integration if unused.
  },
};
