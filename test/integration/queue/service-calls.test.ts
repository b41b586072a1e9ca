/**
 * The queue service through the real dispatcher (issue #18): sample groups, issuing, calling with the counters'
 * rules, the events boards get (clips, never a name), and another process's calls found by polling the store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventData, EventMessage } from '../../../core/contract/events';
import type { Core } from '../../../core/app';
import type { Connection } from '../../../core/rpc/connection';
import { call, startCore, TEST_HASH_COST, withAdmin, type TestCore } from '../../helpers/core';
import { createCore } from '../../../core/app';

const CCCD = '001203004567|012345678|Nguyễn Thị Hoa|01011990|Nữ|12 Hàng Bạc, Hoàn Kiếm, Hà Nội|15062021';

async function until<T>(what: () => T | undefined, label: string, ms = 5_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = what();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function refused(core: Core, c: Connection, method: Parameters<typeof call>[2], input: unknown): Promise<{ code: string; message: string }> {
  const r = await core.dispatch(c, method, input);
  if (r.ok) throw new Error(`${method} was not refused`);
  return r.error;
}

describe('queue service', () => {
  let t: TestCore;
  let c: Connection;
  const got: EventMessage[] = [];
  const calledEvents = () => got.flatMap((m) => (m.event === 'queue.called' ? [m.data as EventData<'queue.called'>] : []));
  const changedEvents = () => got.flatMap((m) => (m.event === 'queue.changed' ? [m.data as EventData<'queue.changed'>] : []));

  beforeAll(async () => {
    t = await startCore();
    c = await withAdmin(t.core);
    c.sink = (m) => void got.push(m);
    await call(t.core, c, 'events.subscribe', { names: ['queue.called', 'queue.changed'] });
  });
  afterAll(async () => t.close());

  it('a fresh data directory has one sample group per agency (A, B, …) and one to collect results; no counters yet', async () => {
    const cfg = await call(t.core, c, 'queue.config', {});
    const agencies = await call(t.core, c, 'catalogue.agencies', {});
    expect(agencies.length).toBeGreaterThan(1);
    const submit = cfg.groups.filter((g) => g.purpose === 'submit');
    expect(submit.map((g) => g.agencyCode)).toEqual(agencies.map((a) => a.code));
    expect(submit.map((g) => g.prefix)).toEqual(agencies.map((_, i) => String.fromCharCode(65 + i)));
    expect(cfg.groups.filter((g) => g.purpose === 'collect')).toHaveLength(1);
    expect(cfg.groups.every((g) => g.hours.mode === 'calendar')).toBe(true);
    expect(cfg).toMatchObject({ countersConfigured: false, counters: [], store: 'sqlite' });
  });

  it('issues, calls priority first, publishes the call with clips and no name, and the waiting counts', async () => {
    await call(t.core, c, 'queue.saveGroup', { code: 'T', name: 'Thử nghiệm', prefix: 'T', hours: { mode: 'always' } });
    const first = await call(t.core, c, 'queue.issue', { service: 'T', print: false, cccdQr: CCCD });
    expect(first).toMatchObject({ service: 'T', state: 'waiting', ahead: 0, estimatedWaitMinutes: 0, applicant: { idNumber: '001203004567', fullName: 'Nguyễn Thị Hoa' }, printJobId: null, printError: null });
    expect(first.trackingId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const second = await call(t.core, c, 'queue.issue', { service: 'T', print: false });
    // One ahead, no service history: the default 5 minutes, one counter.
    expect(second).toMatchObject({ ahead: 1, estimatedWaitMinutes: 5 });
    const elder = await call(t.core, c, 'queue.issue', { service: 'T', print: false, priority: 'elderly' });
    expect(elder.ahead).toBe(0);

    const changed = await until(() => changedEvents().find((d) => d.services.some((s) => s.code === 'T' && s.waiting === 3)), 'queue.changed');
    expect(changed).toBeDefined();

    const called = await call(t.core, c, 'queue.callNext', { counter: 4 });
    expect(called).toMatchObject({ id: elder.id, state: 'called', counter: 4 });
    const ev = await until(() => calledEvents().find((d) => d.ticketNumber === elder.number), 'queue.called');
    expect(ev).toMatchObject({ counter: 4, counterName: null, service: 'T', recall: false });
    expect(ev.clips.length).toBeGreaterThan(0);

    const next = await call(t.core, c, 'queue.callNext', { counter: 4 });
    expect(next).toMatchObject({ id: first.id });
    const named = await until(() => calledEvents().find((d) => d.ticketNumber === first.number), 'queue.called of the named ticket');
    expect(JSON.stringify(named)).not.toMatch(/Hoa|001203004567/);

    const recalled = await call(t.core, c, 'queue.recall', { ticketId: first.id, counter: 4 });
    expect(recalled.calls).toBe(2);
    await until(() => calledEvents().find((d) => d.ticketNumber === first.number && d.recall), 'the recall');

    const tracked = await call(t.core, c, 'queue.track', { trackingId: second.trackingId });
    expect(tracked).toMatchObject({ number: second.number, state: 'waiting', ahead: 0, counter: null });
    const status = await call(t.core, c, 'queue.status', {});
    expect(status.services.find((s) => s.code === 'T')).toMatchObject({ waiting: 1, open: true });
    expect(status.counters.find((x) => x.number === 4)?.current).toMatchObject({ ticketId: first.id, state: 'called' });
    const board = await call(t.core, c, 'queue.board', {});
    expect(board.counters.find((x) => x.counter === 4)?.ticketNumber).toBe(first.number);
    expect(JSON.stringify(board)).not.toMatch(/Hoa|001203004567/);
  });

  it('refuses an unknown service, an unknown tracking id and a bad CCCD QR with their codes', async () => {
    expect((await refused(t.core, c, 'queue.issue', { service: 'NOPE', print: false })).code).toBe('QUEUE_SERVICE_UNKNOWN');
    expect((await refused(t.core, c, 'queue.track', { trackingId: 'AAAAAAAAAAAAAAAAAAAAAA' })).code).toBe('QUEUE_TRACKING_UNKNOWN');
    const bad = await refused(t.core, c, 'queue.issue', { service: 'T', print: false, cccdQr: 'not|a|cccd' });
    expect(bad.code).toMatch(/^CCCD_/);
    await call(t.core, c, 'queue.saveGroup', { code: 'OFF', name: 'Tạm ngừng', prefix: 'Z', hours: { mode: 'always' }, active: false });
    expect((await refused(t.core, c, 'queue.issue', { service: 'OFF', print: false })).code).toBe('QUEUE_SERVICE_INACTIVE');
    // Two groups numbering alike would print the same number twice.
    expect((await refused(t.core, c, 'queue.saveGroup', { code: 'T2', name: 'Trùng', prefix: 'T', hours: { mode: 'always' } })).code).toBe('QUEUE_PREFIX_TAKEN');
  });

  it('once a counter is configured: unknown, inactive and group-less counters are refused; the configured one calls its groups', async () => {
    await call(t.core, c, 'queue.saveGroup', { code: 'U', name: 'Nhóm U', prefix: 'U', hours: { mode: 'always' } });
    await call(t.core, c, 'queue.saveCounter', { number: 1, name: 'Quầy một', groups: ['U'] });
    await call(t.core, c, 'queue.saveCounter', { number: 2, groups: [] });
    await call(t.core, c, 'queue.saveCounter', { number: 3, groups: ['U'], active: false });
    const cfg = await call(t.core, c, 'queue.config', {});
    expect(cfg.countersConfigured).toBe(true);
    expect((await refused(t.core, c, 'queue.callNext', { counter: 9 })).code).toBe('QUEUE_COUNTER_UNKNOWN');
    expect((await refused(t.core, c, 'queue.callNext', { counter: 2 })).code).toBe('QUEUE_COUNTER_NO_GROUPS');
    expect((await refused(t.core, c, 'queue.callNext', { counter: 3 })).code).toBe('QUEUE_COUNTER_INACTIVE');
    expect((await refused(t.core, c, 'queue.saveCounter', { number: 5, groups: ['NOPE'] })).code).toBe('QUEUE_SERVICE_UNKNOWN');
    // Counter 1 serves U only: T's waiting ticket is not its.
    expect(await call(t.core, c, 'queue.callNext', { counter: 1 })).toEqual({ number: null });
    const u = await call(t.core, c, 'queue.issue', { service: 'U', print: false });
    expect(await call(t.core, c, 'queue.callNext', { counter: 1 })).toMatchObject({ id: u.id });
    const ev = await until(() => calledEvents().find((d) => d.ticketNumber === u.number), 'the call of counter 1');
    expect(ev).toMatchObject({ counter: 1, counterName: 'Quầy một' });
    const audit = await call(t.core, c, 'audit.list', { limit: 50 });
    expect(JSON.stringify(audit)).toContain('queue.saveCounter');
  });

  it('a receipt QR gives the code of the result collected; a daily cap closes the group; a retried issue is the same ticket', async () => {
    await call(t.core, c, 'queue.saveGroup', { code: 'R', name: 'Trả kết quả thử', prefix: 'R', purpose: 'collect', hours: { mode: 'always' }, dailyCap: 2 });
    // Counters are set up and none serves R yet: nobody would call its tickets.
    const none = await refused(t.core, c, 'queue.issue', { service: 'R', print: false });
    expect(none).toMatchObject({ code: 'QUEUE_NO_COUNTER', message: expect.stringContaining('chưa có quầy nào phục vụ') });
    expect((await call(t.core, c, 'queue.status', {})).services.find((x) => x.code === 'R')).toMatchObject({ open: false, closedReason: 'QUEUE_NO_COUNTER' });
    await call(t.core, c, 'queue.saveCounter', { number: 6, groups: ['R', 'T'] });
    const byUrl = await call(t.core, c, 'queue.issue', { service: 'R', print: false, receiptQr: 'https://tracuu.example.vn/ho-so?code=000.27.10.H12-261207-0001' });
    expect(byUrl).toMatchObject({ purpose: 'collect', receiptCode: '000.27.10.H12-261207-0001' });
    expect((await refused(t.core, c, 'queue.issue', { service: 'R', print: false, receiptQr: 'https://tracuu.example.vn/' })).code).toBe('QUEUE_BAD_RECEIPT');
    const requestId = '0b5f7a52-8d0e-4a43-9d39-6c1d1f7c2a11';
    const once = await call(t.core, c, 'queue.issue', { service: 'R', print: false, receiptQr: '000.27.10.H12-261207-0002', requestId });
    expect(once.receiptCode).toBe('000.27.10.H12-261207-0002');
    const again = await call(t.core, c, 'queue.issue', { service: 'R', print: true, receiptQr: '000.27.10.H12-261207-0002', requestId });
    // The first answer again, and not printed a second time.
    expect(again).toMatchObject({ id: once.id, number: once.number, printJobId: null, printError: null });
    expect((await refused(t.core, c, 'queue.issue', { service: 'R', print: false })).code).toBe('QUEUE_DAILY_CAP_REACHED');
    const status = await call(t.core, c, 'queue.status', {});
    expect(status.services.find((x) => x.code === 'R')).toMatchObject({ open: false, closedReason: 'QUEUE_DAILY_CAP_REACHED' });
  });

  it('start, finish with the dossier, no-show, transfer keeping the number; metrics count them; a reversed period is refused', async () => {
    const a = await call(t.core, c, 'queue.issue', { service: 'U', print: false });
    const b = await call(t.core, c, 'queue.issue', { service: 'U', print: false });
    const d = await call(t.core, c, 'queue.issue', { service: 'U', print: false });
    // Counter 1 still has its called ticket from before; these go in order behind it.
    const first = await call(t.core, c, 'queue.callNumber', { counter: 1, number: a.number.toLowerCase() });
    expect(first.id).toBe(a.id);
    await call(t.core, c, 'queue.start', { ticketId: a.id });
    const dossierId = '3f1c2b9e-6a4d-4c1e-9b7a-2d5e8f0a1b2c';
    expect(await call(t.core, c, 'queue.finish', { ticketId: a.id, dossierId })).toMatchObject({ state: 'done', dossierId });
    await call(t.core, c, 'queue.callNumber', { counter: 1, number: b.number });
    expect(await call(t.core, c, 'queue.noShow', { ticketId: b.id })).toMatchObject({ state: 'no_show' });
    const moved = await call(t.core, c, 'queue.transfer', { ticketId: d.id, toService: 'T' });
    expect(moved).toMatchObject({ number: d.number, service: 'T', state: 'waiting', transfers: 1 });
    expect((await refused(t.core, c, 'queue.transfer', { ticketId: d.id, toService: 'NOPE' })).code).toBe('QUEUE_SERVICE_UNKNOWN');
    expect((await refused(t.core, c, 'queue.transfer', { ticketId: d.id, toCounter: 42 })).code).toBe('QUEUE_COUNTER_UNKNOWN');
    // Only to a counter that can call it: active, with groups, serving the ticket's (new) service; to a served service.
    const notServing = await refused(t.core, c, 'queue.transfer', { ticketId: d.id, toCounter: 1 });
    expect(notServing).toMatchObject({ code: 'QUEUE_COUNTER_NOT_SERVING', message: expect.stringContaining('Quầy số 1') });
    expect((await refused(t.core, c, 'queue.transfer', { ticketId: d.id, toService: 'U', toCounter: 6 })).code).toBe('QUEUE_COUNTER_NOT_SERVING');
    expect((await refused(t.core, c, 'queue.transfer', { ticketId: d.id, toCounter: 2 })).code).toBe('QUEUE_COUNTER_NO_GROUPS');
    expect((await refused(t.core, c, 'queue.transfer', { ticketId: d.id, toCounter: 3 })).code).toBe('QUEUE_COUNTER_INACTIVE');
    await call(t.core, c, 'queue.saveGroup', { code: 'W', name: 'Chưa có quầy', prefix: 'W', hours: { mode: 'always' } });
    expect((await refused(t.core, c, 'queue.transfer', { ticketId: d.id, toService: 'W' })).code).toBe('QUEUE_NO_COUNTER');
    expect(await call(t.core, c, 'queue.transfer', { ticketId: d.id, toCounter: 6 })).toMatchObject({ service: 'T', targetCounter: 6, transfers: 2 });
    const day = a.day;
    const m = await call(t.core, c, 'queue.metrics', { from: day, to: day });
    // u (called, never started) ended as a no-show when counter 1 called again; a was served.
    expect(m.perService.find((x) => x.service === 'U')).toMatchObject({ served: 1, noShow: 2 });
    expect(m.total.transferred).toBeGreaterThanOrEqual(1);
    expect((await refused(t.core, c, 'queue.metrics', { from: '2026-12-08', to: '2026-12-07' })).code).toBe('QUEUE_BAD_PERIOD');
  });

  it("another process's call on the same store reaches this host's subscribers (polled)", async () => {
    const other = await createCore({ dataDir: t.dir, logLevel: 'warn', authPolicy: { hashCost: TEST_HASH_COST } });
    try {
      const oc = other.openConnection('cli', 'other', { name: 'other', role: 'admin' });
      const v = await call(other, oc, 'queue.issue', { service: 'U', print: false });
      await call(other, oc, 'queue.callNext', { counter: 1 });
      const ev = await until(() => calledEvents().find((d) => d.ticketNumber === v.number), "the other process's call");
      expect(ev).toMatchObject({ counter: 1, counterName: 'Quầy một', recall: false });
    } finally {
      await other.close();
    }
  });
});
