/** How a ticket reads on the clerk's screens: its times in Vietnam time, the minutes it waited. */
import type { Ticket } from '../../../../core/contract/queue';
import { formatDateTime } from '../../format/date-time';

/** 'HH:mm' in Vietnam time. */
export function timeOf(iso: string | null): string {
  return iso ? formatDateTime(iso).slice(11) : '';
}

/** Whole minutes from taking the ticket to its (latest) call, or to `now` while it still waits. */
export function waitedMinutes(t: Pick<Ticket, 'issuedAt' | 'calledAt' | 'state'>, now: number): number {
  const end = t.state === 'waiting' || !t.calledAt ? now : Date.parse(t.calledAt);
  return Math.max(0, Math.floor((end - Date.parse(t.issuedAt)) / 60_000));
}
