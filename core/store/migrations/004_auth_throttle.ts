import type { Migration } from '../migrate';

/** Login throttling state per account and per peer (hardening #13, items 1-3). */
export const m004AuthThrottle: Migration = {
  version: 4,
  name: 'auth_throttle',
  up(db) {
    void db; // SLOT: filled in by the work on this item; removed at integration if unused.
  },
};
