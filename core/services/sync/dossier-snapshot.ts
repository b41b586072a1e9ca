/**
 * What the sync worker sends about a dossier, read from the counter's rows: the dossier in the DVCQG vocabulary
 * (core/domain/sync/dvcqg.ts) and the file an outbox 'file' item names ('page:<id>', 'doc:<id>', 'pdf:<itemCode>').
 * PLACEHOLDER (skeleton): the status-back helper implements it; the outbox worker calls it.
 */
import type { DossierFile, DvcqgDossier } from '../../contract/central-api';
import type { Db } from '../../store/database';

/** The dossier as of now (its state, fees, checklist marks and current files), in the DVCQG vocabulary. */
export function buildDvcqgDossier(_db: Db, _filesDir: string, _dossierId: string): DvcqgDossier {
  throw new Error('buildDvcqgDossier: not implemented yet (skeleton)');
}

export type FileForRef =
  | { removed: false; file: DossierFile; /** Absolute path to upload from. */ path: string }
  | { removed: true; ref: string };

/** The file an outbox item names, as it is now (a removed page or a replaced PDF → removed). */
export function fileForRef(_db: Db, _filesDir: string, _dossierId: string, _ref: string): FileForRef {
  throw new Error('fileForRef: not implemented yet (skeleton)');
}
