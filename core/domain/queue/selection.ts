/**
 * Which waiting ticket a counter calls next (issue #18), as a pure rule over the candidates the store hands in.
 *
 * - A counter may call a waiting ticket of its groups whose target counter is none or itself.
 * - Tickets transferred to this very counter come first: the citizen was already called once and told to go there,
 *   so they do not queue again behind people who came later. Among them the same rule below applies.
 * - Otherwise priority tickets first (oldest first), ordinary ones first come, first served; but after
 *   `ordinaryAfterPriority` priority calls in a row at this counter, the next call takes the oldest ordinary ticket
 *   when one waits (anti-starvation), and the streak starts again from zero.
 * - Order is the issue order (`order`): a transferred ticket keeps its original place.
 */

export interface Candidate {
  id: string;
  priority: boolean;
  /** Issue order (unchanged by transfers). */
  order: number;
  targetCounter: number | null;
}

export interface Selection {
  id: string;
  /** The counter's streak of priority calls in a row after this call. */
  streak: number;
}

/** The streak after a call of this kind: a priority call extends it, an ordinary one resets it. */
export function nextStreak(streak: number, priority: boolean): number {
  return priority ? streak + 1 : 0;
}

export function selectNext(candidates: readonly Candidate[], counter: number, streak: number, ordinaryAfterPriority: number): Selection | null {
  const eligible = candidates.filter((c) => c.targetCounter === null || c.targetCounter === counter);
  const targeted = eligible.filter((c) => c.targetCounter === counter);
  const pool = targeted.length > 0 ? targeted : eligible;
  const oldest = (list: Candidate[]): Candidate | undefined => list.reduce<Candidate | undefined>((a, c) => (a === undefined || c.order < a.order ? c : a), undefined);
  const priority = oldest(pool.filter((c) => c.priority));
  const ordinary = oldest(pool.filter((c) => !c.priority));
  const pick = priority !== undefined && (ordinary === undefined || streak < ordinaryAfterPriority) ? priority : ordinary;
  return pick === undefined ? null : { id: pick.id, streak: nextStreak(streak, pick.priority) };
}

/**
 * How many of the waiting tickets of its service will be called before this one (what the ticket and the phone
 * show): every waiting priority ticket issued earlier, and, for an ordinary ticket, every waiting priority ticket
 * plus the ordinary ones issued earlier. An estimate: it leaves out the anti-starvation turns and transfers to come.
 */
export function aheadCount(ticket: { id: string; priority: boolean; order: number }, waitingOfService: readonly { id: string; priority: boolean; order: number }[]): number {
  return waitingOfService.filter((o) => o.id !== ticket.id && (ticket.priority ? o.priority && o.order < ticket.order : o.priority || o.order < ticket.order)).length;
}
