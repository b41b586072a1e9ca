/**
 * The life of a dossier. Only these transitions exist; every one is recorded with its actor.
 *   draft → received | supplement_requested | refused
 *   supplement_requested → received (the applicant brought what was missing) | refused
 *   received → sent_to_agency → result_ready → result_returned
 *   received → result_ready directly, for work done at the counter itself (e.g. chứng thực the same day)
 *   received, sent_to_agency → supplement_requested: the agency asks for more documents after receipt (a change
 *   pulled from the central system, core/services/sync/apply-changes.ts; the clerk's dossiers.transition does not
 *   offer it); the applicant's completion then goes back to received as at the desk
 *   draft, supplement_requested, received, sent_to_agency → withdrawn (the applicant takes the dossier back);
 *   once a result is ready the dossier ends by returning it, not by withdrawal.
 */
import { AppError } from '../../contract/errors';

export const DOSSIER_STATES = [
  'draft',
  'received',
  'supplement_requested',
  'refused',
  'sent_to_agency',
  'result_ready',
  'result_returned',
  'withdrawn',
] as const;
export type DossierState = (typeof DOSSIER_STATES)[number];

const NEXT: Record<DossierState, readonly DossierState[]> = {
  draft: ['received', 'supplement_requested', 'refused', 'withdrawn'],
  supplement_requested: ['received', 'refused', 'withdrawn'],
  received: ['sent_to_agency', 'result_ready', 'supplement_requested', 'withdrawn'],
  sent_to_agency: ['result_ready', 'supplement_requested', 'withdrawn'],
  result_ready: ['result_returned'],
  refused: [],
  result_returned: [],
  withdrawn: [],
};

export function canTransition(from: DossierState, to: DossierState): boolean {
  return NEXT[from].includes(to);
}

export function assertTransition(from: DossierState, to: DossierState): void {
  if (!canTransition(from, to)) throw new AppError('DOSSIER_BAD_TRANSITION', { from, to });
}

export function isFinal(state: DossierState): boolean {
  return NEXT[state].length === 0;
}
