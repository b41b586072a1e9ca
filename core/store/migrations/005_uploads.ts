import type { Migration } from '../migrate';

/** Staged chunked uploads (hardening #13, item 7). */
export const m005Uploads: Migration = {
  version: 5,
  name: 'uploads',
  up(db) {
    void db; // SLOT: filled in by the work on this item; removed at integration if unused.
  },
};
