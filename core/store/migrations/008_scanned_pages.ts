import type { Migration } from '../migrate';

/** Scanned pages and scan batches (issue #14). Slot reserved; the scan service fills it. */
export const m008ScannedPages: Migration = {
  version: 8,
  name: 'scanned_pages',
  up() {
    /* filled by the page store */
  },
};
