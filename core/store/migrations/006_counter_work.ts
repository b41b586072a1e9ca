import type { Migration } from '../migrate';

/**
 * Reception drafts per clerk (hardening #13, item 12): the dossier being received survives a reload, a crash or a
 * second browser of the same clerk until it is received, refused, sent back for supplement or discarded. One row
 * per owner (a user id, or a system actor's name); the renderer's draft is stored as its JSON text.
 * (Corrections of recorded returns need no table: they are dossier history rows and audit entries.)
 */
export const m006CounterWork: Migration = {
  version: 6,
  name: 'counter_work',
  up(db) {
    db.exec(`
      CREATE TABLE reception_drafts (
        owner TEXT PRIMARY KEY,
        data TEXT NOT NULL,
        saved_at TEXT NOT NULL
      );
    `);
  },
};
