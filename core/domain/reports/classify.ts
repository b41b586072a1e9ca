/**
 * Where one dossier stands in a period's report (issue #19; the definitions are in core/contract/reports.ts).
 * All times are Vietnam local 'YYYY-MM-DDTHH:MM' (dossiers.received_at, promised_due_at, resolved_at, withdrawn_at)
 * and compare as text.
 *
 * - In the report: received (a promise was made) before the period's end and not closed (resolved or withdrawn)
 *   before its start. received = carriedOver (received before the start) + newlyReceived.
 * - Resolved in the period, against the promise made at (the last) receipt: late when after it (on the due day after
 *   the promised time too); early when on an earlier day than the due day; on time otherwise. An apology's new
 *   appointment is not the promise.
 * - Withdrawn in the period.
 * - Otherwise pending at the period's end (resolved or withdrawn later counts as pending then): overdue when the
 *   promise is before the judging time (the period's end, or now for a period that has not ended).
 */

export interface DossierDates {
  receivedAt: string | null;
  promisedDueAt: string | null;
  resolvedAt: string | null;
  withdrawnAt: string | null;
}

export interface PeriodBounds {
  startLocal: string;
  endLocal: string;
  /** min(end, now). */
  judgeLocal: string;
}

export type Outcome = 'resolvedEarly' | 'resolvedOnTime' | 'resolvedLate' | 'pendingWithin' | 'pendingOverdue' | 'withdrawn';

export interface Placement {
  carriedOver: boolean;
  outcome: Outcome;
}

/** A resolution judged against the promise. */
export function resolution(resolvedAt: string, promisedDueAt: string): 'resolvedEarly' | 'resolvedOnTime' | 'resolvedLate' {
  if (resolvedAt > promisedDueAt) return 'resolvedLate';
  return resolvedAt.slice(0, 10) < promisedDueAt.slice(0, 10) ? 'resolvedEarly' : 'resolvedOnTime';
}

/** The dossier's place in the period's report, or null when it is not in it. */
export function placeInPeriod(d: DossierDates, p: PeriodBounds): Placement | null {
  if (d.receivedAt === null || d.promisedDueAt === null || d.receivedAt >= p.endLocal) return null;
  if ((d.resolvedAt !== null && d.resolvedAt < p.startLocal) || (d.withdrawnAt !== null && d.withdrawnAt < p.startLocal)) return null;
  const carriedOver = d.receivedAt < p.startLocal;
  const resolvedIn = d.resolvedAt !== null && d.resolvedAt < p.endLocal;
  const withdrawnIn = d.withdrawnAt !== null && d.withdrawnAt < p.endLocal;
  // Both cannot happen (a ready result is returned, not withdrawn); if the rows say so, the first one counts.
  if (resolvedIn && (!withdrawnIn || d.resolvedAt! <= d.withdrawnAt!)) return { carriedOver, outcome: resolution(d.resolvedAt!, d.promisedDueAt) };
  if (withdrawnIn) return { carriedOver, outcome: 'withdrawn' };
  return { carriedOver, outcome: d.promisedDueAt < p.judgeLocal ? 'pendingOverdue' : 'pendingWithin' };
}

/** Pending now and due (its current appointment, an apology's included) within [now, until). */
export function isDueSoon(d: DossierDates & { dueAt: string | null }, nowLocal: string, untilLocal: string): boolean {
  if (d.receivedAt === null || d.promisedDueAt === null || d.resolvedAt !== null || d.withdrawnAt !== null) return false;
  const due = d.dueAt ?? d.promisedDueAt;
  return due >= nowLocal && due < untilLocal;
}

export interface OutcomeCounts {
  received: number;
  carriedOver: number;
  newlyReceived: number;
  resolved: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  pending: number;
  pendingWithin: number;
  pendingOverdue: number;
  withdrawn: number;
}

export function emptyOutcomeCounts(): OutcomeCounts {
  return { received: 0, carriedOver: 0, newlyReceived: 0, resolved: 0, resolvedEarly: 0, resolvedOnTime: 0, resolvedLate: 0, pending: 0, pendingWithin: 0, pendingOverdue: 0, withdrawn: 0 };
}

export function addPlacement(c: OutcomeCounts, p: Placement): void {
  c.received++;
  if (p.carriedOver) c.carriedOver++;
  else c.newlyReceived++;
  c[p.outcome]++;
  if (p.outcome === 'resolvedEarly' || p.outcome === 'resolvedOnTime' || p.outcome === 'resolvedLate') c.resolved++;
  else if (p.outcome === 'pendingWithin' || p.outcome === 'pendingOverdue') c.pending++;
}

/** (early + on time) / resolved; null when none was resolved. */
export function onTimeRate(c: Pick<OutcomeCounts, 'resolved' | 'resolvedEarly' | 'resolvedOnTime'>): number | null {
  return c.resolved === 0 ? null : (c.resolvedEarly + c.resolvedOnTime) / c.resolved;
}
