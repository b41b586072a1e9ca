/**
 * What clients were told about the queue (every acknowledged answer) and what they never heard back about (requests
 * in flight when the host died), and the check of a queue read after a restart against it: every acknowledged ticket
 * exists in the state its last acknowledged step left it; a step in flight happened entirely or not at all; nothing
 * was called twice; tickets nobody heard of only come from issues in flight. Used by the kill -9 test.
 */
import type { Ticket, TicketState } from '../../core/contract/queue';

type Step = 'call' | 'start' | 'finish';
const AFTER: Record<Step, TicketState> = { call: 'called', start: 'serving', finish: 'done' };

export interface UnknownCall {
  counter: number;
  requestId: string;
}

export class QueueLedger {
  /** Acknowledged issues: ticket id → number. */
  readonly issued = new Map<string, string>();
  /** Acknowledged state per ticket and the counter that called it. */
  readonly state = new Map<string, { state: TicketState; counter: number | null }>();
  /** Steps sent on a known ticket whose answer never came (start/finish in flight). */
  readonly unknownSteps = new Map<string, Step>();
  /** callNext requests whose answer never came. */
  readonly unknownCalls: UnknownCall[] = [];
  unknownIssues = 0;
  acknowledgedCalls = 0;

  ackIssue(t: Pick<Ticket, 'id' | 'number'>): void {
    this.issued.set(t.id, t.number);
    if (!this.state.has(t.id)) this.state.set(t.id, { state: 'waiting', counter: null });
  }

  ackStep(ticketId: string, step: Step, counter: number): void {
    const had = this.state.get(ticketId);
    if (step === 'call' && had && had.state !== 'waiting') throw new Error(`ticket ${ticketId} acknowledged as called twice`);
    this.state.set(ticketId, { state: AFTER[step], counter });
    if (step === 'call') this.acknowledgedCalls += 1;
  }

  /**
   * Problems found in the tickets read after the restart (empty: the queue is exactly as acknowledged). Also
   * returns which ticket each in-flight call turned out to have called (or null: it did not happen).
   */
  check(tickets: readonly Ticket[]): { problems: string[]; inFlightCalled: Map<string, Ticket | null> } {
    const problems: string[] = [];
    const byId = new Map(tickets.map((t) => [t.id, t]));
    if (byId.size !== tickets.length) problems.push('a ticket id is listed twice');
    const numbers = tickets.map((t) => t.number);
    if (new Set(numbers).size !== numbers.length) problems.push(`a number was given twice: ${numbers.sort().join(',')}`);

    for (const [id, number] of this.issued) {
      const t = byId.get(id);
      if (!t) problems.push(`acknowledged ticket ${number} is missing`);
      else if (t.number !== number) problems.push(`ticket ${id} was acknowledged as ${number}, is ${t.number}`);
    }
    const unheard = tickets.filter((t) => !this.issued.has(t.id));
    if (unheard.length > this.unknownIssues) problems.push(`${unheard.length} tickets nobody was told of, only ${this.unknownIssues} issues in flight`);

    // Tickets called by a counter that never heard the answer: at most one per call in flight at that counter.
    const inFlightCalled = new Map<string, Ticket | null>();
    for (const u of this.unknownCalls) inFlightCalled.set(u.requestId, null);
    for (const t of tickets) {
      const known = this.state.get(t.id) ?? { state: 'waiting' as const, counter: null };
      if (t.calls > 1) problems.push(`ticket ${t.number} called ${t.calls} times`);
      const step = this.unknownSteps.get(t.id);
      const allowed: TicketState[] = [known.state];
      if (step) allowed.push(AFTER[step]);
      if (known.state === 'waiting' && t.state === 'called') {
        // Only an in-flight call of that counter explains it, and only one ticket per such call.
        const u = this.unknownCalls.find((c) => c.counter === t.counter && inFlightCalled.get(c.requestId) === null);
        if (!u) problems.push(`ticket ${t.number} is called at counter ${t.counter}, which no call in flight explains`);
        else {
          inFlightCalled.set(u.requestId, t);
          if (t.calls !== 1 || !t.calledAt) problems.push(`ticket ${t.number}: called by the call in flight but not entirely (calls ${t.calls}, calledAt ${t.calledAt})`);
        }
        continue;
      }
      if (!allowed.includes(t.state)) problems.push(`ticket ${t.number} is ${t.state}, acknowledged ${known.state}${step ? ` (${step} in flight)` : ''}`);
      if (known.counter !== null && t.counter !== known.counter) problems.push(`ticket ${t.number} at counter ${t.counter}, acknowledged at ${known.counter}`);
      if (known.state !== 'waiting' && t.calls !== 1) problems.push(`ticket ${t.number}: ${t.calls} calls, acknowledged once`);
    }
    return { problems, inFlightCalled };
  }
}
