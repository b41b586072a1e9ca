/**
 * Reception's side of the queue: the ticket field shows the ticket called or served at this machine's counter
 * (still editable), the applicant the kiosk read from a CCCD fills an empty applicant, and the dossier decided at
 * reception finishes the ticket with the dossier's id (queue.finish), so queue.tickets links the two.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../core/contract/queue';
import { useAnnouncer } from '../../a11y/Announcer';
import { api } from '../../bridge';
import { useEvent } from '../../bridge/use-event';
import { describeError } from '../../i18n/error-text';
import { useCounterChoice } from './counter-choice';

interface TicketDraft {
  ticket: string;
  applicant: { idNumber: string; fullName: string };
}

/** The ticket last put into the field by this hook (kept across visits to other screens, like reception's draft). */
let filled: { id: string; number: string } | null = null;
/** Tickets finished here: not filled in again while the host has not said so yet (a new dossier started at once). */
const finished = new Set<string>();

/** The draft with the counter's ticket in it: the field when empty or still holding a ticket filled earlier; the applicant when empty. */
export function withTicket<D extends TicketDraft>(d: D, tk: Ticket): D {
  const ticketFree = !d.ticket.trim() || d.ticket === filled?.number;
  const applicantFree = !d.applicant.idNumber.trim() && !d.applicant.fullName.trim();
  if (!ticketFree && !(applicantFree && tk.applicant)) return d;
  return {
    ...d,
    ticket: ticketFree ? tk.number : d.ticket,
    applicant: applicantFree && tk.applicant ? { ...d.applicant, idNumber: tk.applicant.idNumber, fullName: tk.applicant.fullName } : d.applicant,
  };
}

/**
 * Fills the draft from the counter's current ticket while no decision is shown (`done` false), once per ticket.
 * Returns finishTicket(number, dossierId): the error text to show, or null (done, or no ticket to finish).
 */
export function useReceptionTicket<D extends TicketDraft>(setDraft: (fn: (d: D) => D) => void, done: boolean): { finishTicket(number: string, dossierId: string): Promise<string | null> } {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const counter = useCounterChoice();
  // The ticket read for a counter: a change of counter shows nothing until its own ticket is read.
  const [seen, setSeen] = useState<{ counter: number; ticket: Ticket | null } | null>(null);
  const current = seen !== null && seen.counter === counter ? seen.ticket : null;

  const read = useCallback(() => {
    if (counter === null) return;
    // Without a queue (not configured, or the host unreachable) reception works as before: nothing is filled.
    // The same ticket in the same state keeps its object, so the fill below runs once per ticket and state (a
    // field the clerk emptied is not filled again by every queue event).
    api.call('queue.current', { counter }).then(
      (tk) =>
        setSeen((prev) => {
          const same = prev && prev.counter === counter && prev.ticket && tk && prev.ticket.id === tk.id && prev.ticket.state === tk.state;
          return same ? prev : { counter, ticket: tk };
        }),
      () => undefined,
    );
  }, [counter]);
  useEffect(() => read(), [read]);
  useEvent('queue.changed', () => read());
  useEvent('events.lost', () => read());

  useEffect(() => {
    if (!current || done || finished.has(current.id) || (current.state !== 'called' && current.state !== 'serving')) return;
    setDraft((d) => withTicket(d, current));
    filled = { id: current.id, number: current.number };
  }, [current, done, setDraft]);

  const finishTicket = async (number: string, dossierId: string): Promise<string | null> => {
    const wanted = number.trim().toUpperCase();
    if (!wanted) return null;
    try {
      // The counter's ticket first; else a ticket of today called or served anywhere with that number.
      const here = counter === null ? null : await api.call('queue.current', { counter });
      const open = here?.number === wanted ? here : (await api.call('queue.tickets', { states: ['called', 'serving'], limit: 1000 })).find((x) => x.number === wanted);
      if (!open) {
        // A number typed by hand that the queue does not hold open (a paper ticket, a typo): said, not an error.
        announce(t('queueUi.reception.notOpen', { number: wanted }));
        return null;
      }
      if (open.state === 'called') await api.call('queue.start', { ticketId: open.id });
      await api.call('queue.finish', { ticketId: open.id, dossierId });
      finished.add(open.id);
      if (filled?.id === open.id) filled = null;
      read();
      return null;
    } catch (e) {
      return t('queueUi.reception.finishFailed', { number: wanted, reason: describeError(t, e).text });
    }
  };
  return { finishTicket };
}
