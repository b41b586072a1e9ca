/**
 * One row of a dossier's history (dossier_transitions): a state change, or an event that keeps the state
 * (from = to: an apology for a late result, a corrected return). Written in one place so every history row has
 * the same shape the dossier view and `audit verify` read back. The caller runs it inside its transaction and
 * writes its own audit entry beside it.
 */
import type { Db } from '../../store/database';
import { actorLabel, type Actor } from '../actor';

export interface TransitionRow {
  dossierId: string;
  from: string | null;
  to: string;
  /** ISO time of the change. */
  at: string;
  data: Record<string, unknown>;
}

export function insertTransition(db: Db, actor: Actor, row: TransitionRow): void {
  db.prepare('INSERT INTO dossier_transitions (dossier_id, from_state, to_state, at, actor, data) VALUES (?, ?, ?, ?, ?, ?)').run(
    row.dossierId,
    row.from,
    row.to,
    row.at,
    actorLabel(actor),
    JSON.stringify(row.data),
  );
}
