import type { Migration } from '../migrate';

/** Per-agency upper line of the form header; fee receipt series (hardening #13, item 15). */
export const m007AgencyLines: Migration = {
  version: 7,
  name: 'agency_lines',
  up(db) {
    void db; // SLOT: filled in by the work on this item; removed at integration if unused.
  },
};
