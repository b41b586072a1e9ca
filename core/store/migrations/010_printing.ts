import type { Migration } from '../migrate';

/**
 * The print queue (issue #16). PLACEHOLDER (skeleton): the queue's owner writes the tables.
 */
export const m010Printing: Migration = {
  version: 10,
  name: 'printing',
  up: (db) => {
    db.exec(`CREATE TABLE print_jobs (id TEXT PRIMARY KEY) STRICT;`);
  },
};
