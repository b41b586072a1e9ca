/** The queue stores' behaviour (issue #18): the same cases against SQLite and PostgreSQL. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueStore } from '../../../core/services/queue/queue-store';
import { createPgQueueStore } from '../../../core/services/queue/store/pg-queue-store';
import { DAY, STORE_KINDS, at, group, issueReq, scope, type StoreRig } from './store-fixture';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
  return 'no error';
}

describe.each(STORE_KINDS)('queue store: $name', (kind) => {
  let rig: StoreRig;
  let s: QueueStore;
  // Each case uses its own groups (codes) so the cases do not see each other's tickets.
  beforeAll(async () => {
    if (kind.skip) return;
    rig = await kind.rig();
    s = await rig.open();
  });
  afterAll(async () => {
    if (!kind.skip) await rig.close();
  });
  const test = it.skipIf(kind.skip);

  test('numbers per day and group from the start number, with the prefix; config round-trips', async () => {
    const a = group('A');
    const n = group('NUM', { prefix: '', startNumber: 1001 });
    expect(await s.seedGroups([a, n])).toBe(true);
    expect(await s.seedGroups([group('ZZ')])).toBe(false);
    expect((await s.groups()).map((g) => g.code)).toEqual(['A', 'NUM']);
    expect((await s.issue(issueReq(a))).ticket.number).toBe('A001');
    expect((await s.issue(issueReq(n))).ticket.number).toBe('1001');
    expect((await s.issue(issueReq(a))).ticket.number).toBe('A002');
    expect((await s.issue(issueReq(n))).ticket.number).toBe('1002');
    expect((await s.issue(issueReq(a, { day: '2026-12-08' }))).ticket.number).toBe('A001');
    expect(await s.issuedCount(DAY, 'A')).toBe(2);
    await s.saveCounter({ number: 4, name: 'Quầy 4', groups: ['A'], active: true });
    expect(await s.counters()).toEqual([{ number: 4, name: 'Quầy 4', groups: ['A'], active: true }]);
    expect(await s.rules()).toEqual({ ordinaryAfterPriority: 3 });
    await s.saveRules({ ordinaryAfterPriority: 5 });
    expect(await s.rules()).toEqual({ ordinaryAfterPriority: 5 });
  });

  test('refuses past the daily cap, per group', async () => {
    const c = group('CP', { dailyCap: 2 });
    await s.issue(issueReq(c));
    await s.issue(issueReq(c));
    expect(await codeOf(s.issue(issueReq(c)))).toBe('QUEUE_DAILY_CAP_REACHED');
    expect((await s.issue(issueReq(c, { day: '2026-12-08' }))).ticket.number).toBe('CP001');
    expect(await s.issuedCount(DAY, 'CP')).toBe(2);
  });

  test('priority first, an ordinary ticket after N priority calls in a row, then first come first served', async () => {
    const g = group('PR');
    const rules = { ordinaryAfterPriority: 2 };
    const o1 = await s.issue(issueReq(g));
    const p1 = await s.issue(issueReq(g, { priority: 'elderly' }));
    const p2 = await s.issue(issueReq(g, { priority: 'disabled' }));
    const p3 = await s.issue(issueReq(g, { priority: 'pregnant' }));
    const o2 = await s.issue(issueReq(g));
    const p4 = await s.issue(issueReq(g, { priority: 'veteran' }));
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await s.callNext(scope(7, { groups: ['PR'], rules }));
      order.push(r.ticket?.number ?? 'none');
      if (r.ticket) expect(r.call).toMatchObject({ ticketNumber: r.ticket.number, counter: 7, service: 'PR', recall: false });
    }
    const n = (r: { ticket: { number: string } }) => r.ticket.number;
    expect(order).toEqual([n(p1), n(p2), n(o1), n(p3), n(p4), n(o2), 'none']);
  });

  test('a counter that calls again ends its open ticket (only called: no-show; serving: done), never another counter\'s', async () => {
    const g = group('MV');
    const a = await s.issue(issueReq(g));
    const b = await s.issue(issueReq(g));
    const c = await s.issue(issueReq(g));
    const d = await s.issue(issueReq(g));
    expect((await s.callNext(scope(21, { groups: ['MV'] }))).ticket?.id).toBe(a.ticket.id);
    expect((await s.callNext(scope(22, { groups: ['MV'] }))).ticket?.id).toBe(b.ticket.id);
    expect((await s.callNext(scope(21, { groups: ['MV'] }))).ticket?.id).toBe(c.ticket.id);
    expect(await s.get(a.ticket.id)).toMatchObject({ state: 'no_show', counter: 21 });
    expect((await s.get(a.ticket.id))?.finishedAt).not.toBeNull();
    expect(await s.get(b.ticket.id)).toMatchObject({ state: 'called', counter: 22 });
    await s.start({ ticketId: c.ticket.id, at: at() });
    expect((await s.callNumber({ ...scope(21, { groups: ['MV'] }), number: d.ticket.number })).ticket.id).toBe(d.ticket.id);
    expect(await s.get(c.ticket.id)).toMatchObject({ state: 'done' });
    expect((await s.current(DAY, 21))?.id).toBe(d.ticket.id);
    const m = await s.metrics({ from: DAY, to: DAY });
    expect(m.perService.find((r) => r.service === 'MV')).toMatchObject({ served: 1, noShow: 1 });
  });

  test('calls a number as typed; refuses one not waiting, unknown, or of a service the counter does not serve', async () => {
    const g = group('CN');
    await s.issue(issueReq(g));
    await s.issue(issueReq(g));
    await s.issue(issueReq(group('CX')));
    const r = await s.callNumber({ ...scope(2, { groups: ['CN'] }), number: ' cn2 ' });
    expect(r.ticket).toMatchObject({ number: 'CN002', state: 'called', counter: 2, calls: 1 });
    expect(r.call.ticketNumber).toBe('CN002');
    expect(await codeOf(s.callNumber({ ...scope(3, { groups: ['CN'] }), number: 'CN002' }))).toBe('QUEUE_TICKET_NOT_WAITING');
    expect(await codeOf(s.callNumber({ ...scope(3, { groups: ['CN'] }), number: 'CN009' }))).toBe('QUEUE_TICKET_NOT_FOUND');
    expect(await codeOf(s.callNumber({ ...scope(3, { groups: ['CN'] }), number: '#1' }))).toBe('QUEUE_TICKET_NOT_FOUND');
    expect(await codeOf(s.callNumber({ ...scope(3, { groups: ['CN'] }), number: 'CX001' }))).toBe('QUEUE_TICKET_OTHER_SERVICE');
    // The next call skips the one called by number.
    expect((await s.callNext(scope(3, { groups: ['CN'] }))).ticket?.number).toBe('CN001');
  });

  test('recall: only the calling counter, a new board call each time', async () => {
    const g = group('RC');
    const { ticket } = await s.issue(issueReq(g));
    expect(await codeOf(s.recall({ ticketId: ticket.id, counter: 5, at: at() }))).toBe('QUEUE_TICKET_NOT_CALLED');
    const first = await s.callNext(scope(5, { groups: ['RC'] }));
    expect(await codeOf(s.recall({ ticketId: ticket.id, counter: 6, at: at() }))).toBe('QUEUE_TICKET_NOT_CALLED');
    const again = await s.recall({ ticketId: ticket.id, counter: 5, at: at() });
    expect(again.ticket.calls).toBe(2);
    expect(again.call).toMatchObject({ ticketNumber: 'RC001', counter: 5, recall: true });
    expect(again.call.seq).toBeGreaterThan(first.call!.seq);
    const board = await s.lastCalls(DAY, 2);
    expect(board.map((c) => c.seq)).toEqual([again.call.seq, first.call!.seq]);
    expect((await s.lastCallPerCounter(DAY)).find((c) => c.counter === 5)).toEqual({ counter: 5, ticketNumber: 'RC001', at: again.call.at });
    expect(await codeOf(s.recall({ ticketId: 'nope', counter: 5, at: at() }))).toBe('QUEUE_TICKET_NOT_FOUND');
  });

  test('no-show ends a called ticket; a waiting one cannot be, an ended one stays ended', async () => {
    const g = group('NS');
    const { ticket } = await s.issue(issueReq(g));
    expect(await codeOf(s.noShow({ ticketId: ticket.id, at: at() }))).toBe('QUEUE_TICKET_NOT_CALLED');
    await s.callNext(scope(8, { groups: ['NS'] }));
    const t = await s.noShow({ ticketId: ticket.id, at: at() });
    expect(t).toMatchObject({ state: 'no_show' });
    expect(t.finishedAt).not.toBeNull();
    expect(await codeOf(s.noShow({ ticketId: ticket.id, at: at() }))).toBe('QUEUE_TICKET_ENDED');
    expect(await codeOf(s.transfer({ ticketId: ticket.id, at: at(), toService: null, toCounter: 3 }))).toBe('QUEUE_TICKET_ENDED');
    expect(await s.current(DAY, 8)).toBeNull();
  });

  test('a transfer keeps the number and the place; a ticket sent to a counter is called there only, before its others', async () => {
    const ta = group('TA');
    const tb = group('TB');
    const a1 = (await s.issue(issueReq(ta))).ticket;
    const b1 = (await s.issue(issueReq(tb))).ticket;
    await s.callNext(scope(10, { groups: ['TA'] }));
    const moved = await s.transfer({ ticketId: a1.id, at: at(), toService: tb, toCounter: null });
    expect(moved).toMatchObject({ number: 'TA001', service: 'TB', serviceName: tb.name, state: 'waiting', transfers: 1, calledAt: null });
    expect(await s.aheadOf(b1.id)).toBe(1);
    expect((await s.callNext(scope(11, { groups: ['TB'] }))).ticket?.id).toBe(a1.id);
    // To counter 13: counter 12 cannot call it (by turn or by number) and gets b1; 13 gets it though a priority ticket waits.
    await s.transfer({ ticketId: a1.id, at: at(), toService: null, toCounter: 13 });
    const p = (await s.issue(issueReq(tb, { priority: 'elderly' }))).ticket;
    expect(await codeOf(s.callNumber({ ...scope(12, { groups: ['TB'] }), number: 'TA001' }))).toBe('QUEUE_TICKET_FOR_OTHER_COUNTER');
    expect((await s.callNext(scope(12, { groups: ['TB'] }))).ticket?.id).toBe(p.id);
    expect((await s.callNext(scope(13, { groups: ['TB'] }))).ticket).toMatchObject({ id: a1.id, counter: 13, targetCounter: 13, calls: 3 });
    expect((await s.callNext(scope(12, { groups: ['TB'] }))).ticket?.id).toBe(b1.id);
  });

  test('start and finish; the counter\'s current ticket; wrong states refused', async () => {
    const g = group('SF');
    const { ticket } = await s.issue(issueReq(g));
    expect(await codeOf(s.start({ ticketId: ticket.id, at: at() }))).toBe('QUEUE_TICKET_NOT_CALLED');
    expect(await codeOf(s.finish({ ticketId: ticket.id, at: at(), dossierId: null }))).toBe('QUEUE_TICKET_NOT_CALLED');
    await s.callNext(scope(20, { groups: ['SF'] }));
    expect(await s.current(DAY, 20)).toMatchObject({ id: ticket.id, state: 'called' });
    const started = await s.start({ ticketId: ticket.id, at: at() });
    expect(started.state).toBe('serving');
    expect(await s.start({ ticketId: ticket.id, at: at() })).toEqual(started);
    const dossierId = randomUUID();
    const done = await s.finish({ ticketId: ticket.id, at: at(), dossierId });
    expect(done).toMatchObject({ state: 'done', dossierId });
    expect(await codeOf(s.finish({ ticketId: ticket.id, at: at(), dossierId: null }))).toBe('QUEUE_TICKET_ENDED');
    expect(await codeOf(s.start({ ticketId: ticket.id, at: at() }))).toBe('QUEUE_TICKET_ENDED');
    expect(await s.current(DAY, 20)).toBeNull();
    expect(await s.get(ticket.id)).toEqual(done);
    expect(await s.byTracking(ticket.trackingId)).toEqual(done);
  });

  test('a retried request id gets the first answer: issue, a call, and "nobody waits"', async () => {
    const g = group('ID');
    const rid = randomUUID();
    const first = await s.issue(issueReq(g, { requestId: rid }));
    expect((await s.issue(issueReq(g, { requestId: rid }))).ticket).toEqual(first.ticket);
    expect(await s.issuedCount(DAY, 'ID')).toBe(1);
    const callId = randomUUID();
    const c1 = await s.callNext(scope(30, { groups: ['ID'], requestId: callId }));
    await s.issue(issueReq(g));
    const c2 = await s.callNext(scope(30, { groups: ['ID'], requestId: callId }));
    expect(c2.ticket?.id).toBe(first.ticket.id);
    expect(c2.call).toEqual(c1.call);
    expect((await s.tickets({ day: DAY, states: ['called'], limit: 100 })).filter((t) => t.service === 'ID')).toHaveLength(1);
    // "Nobody waits" is an answer too: a retry does not take the ticket issued since.
    const empty = randomUUID();
    await s.callNext(scope(31, { groups: ['ID'] }));
    expect(await s.callNext(scope(31, { groups: ['ID'], requestId: empty }))).toEqual({ ticket: null, call: null });
    const late = await s.issue(issueReq(g));
    expect(await s.callNext(scope(31, { groups: ['ID'], requestId: empty }))).toEqual({ ticket: null, call: null });
    expect((await s.callNext(scope(31, { groups: ['ID'], requestId: randomUUID() }))).ticket?.id).toBe(late.ticket.id);
    // callNumber too.
    const n = await s.issue(issueReq(g));
    const byNumber = randomUUID();
    const k1 = await s.callNumber({ ...scope(32, { groups: ['ID'], requestId: byNumber }), number: n.ticket.number });
    const k2 = await s.callNumber({ ...scope(32, { groups: ['ID'], requestId: byNumber }), number: n.ticket.number });
    expect(k2).toEqual(k1);
  });

  test('ahead: waiting tickets of the same service called before it, priority first', async () => {
    const g = group('AH');
    const o1 = await s.issue(issueReq(g));
    const o2 = await s.issue(issueReq(g));
    await s.issue(issueReq(group('AX')));
    const p1 = await s.issue(issueReq(g, { priority: 'small_child' }));
    const o3 = await s.issue(issueReq(g));
    expect([o1.ahead, o2.ahead, p1.ahead, o3.ahead]).toEqual([0, 1, 0, 3]);
    expect(await s.aheadOf(o1.ticket.id)).toBe(1);
    expect(await s.aheadOf(o3.ticket.id)).toBe(3);
    await s.callNext(scope(40, { groups: ['AH'] }));
    expect(await s.aheadOf(o3.ticket.id)).toBe(2);
    expect(await s.aheadOf(p1.ticket.id)).toBe(0);
    expect(await s.waitingCounts(DAY)).toEqual(expect.arrayContaining([{ service: 'AH', waiting: 3 }, { service: 'AX', waiting: 1 }]));
  });
});

describe.each(STORE_KINDS)('queue store metrics: $name', (kind) => {
  it.skipIf(kind.skip)('sums wait, walk and service times per counter, service and Vietnam hour over a hand-built day', async () => {
    const rig = await kind.rig();
    try {
      const s = await rig.open();
      const day = '2026-11-02';
      const t = (hm: string) => `${day}T${hm}:00.000Z`;
      const a = group('MA');
      const b = group('MB');
      const sc = (counter: number, when: string) => ({ ...scope(counter, { groups: [counter === 1 ? 'MA' : 'MB', 'MA'], at: when }), day });
      const x = (await s.issue(issueReq(a, { day, at: t('01:00') }))).ticket;
      const y = (await s.issue(issueReq(a, { day, at: t('01:05') }))).ticket;
      await s.issue(issueReq(a, { day: '2026-11-03', at: '2026-11-03T01:00:00.000Z' })); // outside the range
      expect((await s.callNext(sc(1, t('01:10')))).ticket?.id).toBe(x.id);
      await s.start({ ticketId: x.id, at: t('01:12') });
      await s.finish({ ticketId: x.id, at: t('01:22'), dossierId: null });
      expect((await s.callNext(sc(2, t('01:20')))).ticket?.id).toBe(y.id);
      await s.noShow({ ticketId: y.id, at: t('01:25') });
      const z = (await s.issue(issueReq(a, { day, at: t('02:00') }))).ticket;
      expect((await s.callNext(sc(1, t('02:04')))).ticket?.id).toBe(z.id);
      await s.recall({ ticketId: z.id, counter: 1, at: t('02:04') });
      await s.start({ ticketId: z.id, at: t('02:05') });
      await s.transfer({ ticketId: z.id, at: t('02:10'), toService: b, toCounter: null });
      expect((await s.callNext(sc(2, t('02:30')))).ticket?.id).toBe(z.id);
      await s.start({ ticketId: z.id, at: t('02:31') });
      await s.finish({ ticketId: z.id, at: t('02:41'), dossierId: null });

      const m = await s.metrics({ from: '2026-11-01', to: day });
      const row = (issued: number, called: number, served: number, noShow: number, transferred: number, wait: number, walk: number | null, service: number | null, maxWait: number) => ({
        issued, called, served, noShow, transferred, meanWaitSeconds: wait, meanWalkSeconds: walk, meanServiceSeconds: service, maxWaitSeconds: maxWait,
      });
      expect(m.total).toEqual(row(3, 4, 2, 1, 1, 735, 80, 500, 1200));
      expect(m.perCounter).toEqual([
        { counter: 1, ...row(0, 2, 1, 0, 1, 420, 90, 450, 600) },
        { counter: 2, ...row(0, 2, 1, 1, 0, 1050, 60, 600, 1200) },
      ]);
      expect(m.perService).toEqual([
        { service: 'MA', ...row(3, 3, 1, 1, 1, 580, 90, 450, 900) },
        { service: 'MB', ...row(0, 1, 1, 0, 0, 1200, 60, 600, 1200) },
      ]);
      expect(m.perHour).toEqual([
        { hour: '08', ...row(2, 2, 1, 1, 0, 750, 120, 600, 900) },
        { hour: '09', ...row(1, 2, 1, 0, 1, 720, 60, 450, 1200) },
      ]);
      expect(await s.recentServiceSeconds('MB', 5)).toEqual([600]);
      expect(await s.recentServiceSeconds('MA', 5)).toEqual([600]);
      expect((await s.metrics({ from: '2026-11-03', to: '2026-11-03' })).total.issued).toBe(1);
    } finally {
      await rig.close();
    }
  });
});

describe('PostgreSQL queue store unreachable', () => {
  it('answers QUEUE_DATABASE_UNAVAILABLE, not a raw socket error', async () => {
    const s = createPgQueueStore({ databaseUrl: 'postgres://queue@127.0.0.1:1/queue' });
    try {
      expect(await codeOf(s.groups())).toBe('QUEUE_DATABASE_UNAVAILABLE');
      expect(await codeOf(s.callNext(scope(1)))).toBe('QUEUE_DATABASE_UNAVAILABLE');
    } finally {
      await s.close();
    }
  });
});
