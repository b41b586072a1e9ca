/**
 * Opening hours of the queue's groups (issue #18) on a core whose clock the test sets: the calendar's windows of the
 * group's agency (holidays closed), the group's own windows (openOnHolidays), QUEUE_CLOSED naming the next opening.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../core/platform/clock';
import type { Connection } from '../../../core/rpc/connection';
import { call, startCore, type TestCore } from '../../helpers/core';

// Vietnam time is UTC+7: Sunday 6 December 2026, 10:00 there.
const SUNDAY_10 = new Date('2026-12-06T03:00:00Z');
const MONDAY_09 = new Date('2026-12-07T02:00:00Z');
// 2 September (National Day), a Wednesday, 09:00 in Vietnam.
const NATIONAL_DAY_09 = new Date('2026-09-02T02:00:00Z');

describe('queue opening hours', () => {
  const clock = new ManualClock(SUNDAY_10);
  let t: TestCore;
  let c: Connection;

  beforeAll(async () => {
    t = await startCore({ clock });
    // The local operator's connection: moving the clock would end a user's session.
    c = t.core.openConnection('cli', 'test', { name: 'test', role: 'admin' });
    await call(t.core, c, 'queue.saveGroup', { code: 'W', name: 'Chủ nhật', prefix: 'W', hours: { mode: 'windows', windows: { '0': [['09:00', '11:00']], '3': [['08:00', '12:00']] }, openOnHolidays: true } });
  });
  afterAll(async () => t.close());

  const issue = (service: string) => t.core.dispatch(c, 'queue.issue', { service, print: false });

  it("a calendar group is closed on Sunday and says when it opens; open on Monday morning", async () => {
    clock.set(SUNDAY_10);
    const r = await issue('A');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('QUEUE_CLOSED');
    // The calendar's default windows: Monday 08:00.
    expect(r.error.message).toContain('08:00 07/12/2026');
    const status = await call(t.core, c, 'queue.status', {});
    expect(status.services.find((s) => s.code === 'A')).toMatchObject({ open: false, closedReason: 'QUEUE_CLOSED' });
    clock.set(MONDAY_09);
    expect((await issue('A')).ok).toBe(true);
  });

  it("a group's own windows: open inside them, closed after with the next one named", async () => {
    clock.set(SUNDAY_10);
    const open = await issue('W');
    expect(open.ok).toBe(true);
    clock.set(new Date('2026-12-06T04:30:00Z')); // 11:30 Sunday
    const r = await issue('W');
    expect(r.ok ? null : r.error.code).toBe('QUEUE_CLOSED');
    if (!r.ok) expect(r.error.message).toContain('08:00 09/12/2026');
  });

  it('a holiday closes calendar groups; a group open on holidays issues', async () => {
    clock.set(NATIONAL_DAY_09);
    const closed = await issue('A');
    expect(closed.ok ? null : closed.error.code).toBe('QUEUE_CLOSED');
    const r = await issue('W');
    expect(r.ok).toBe(true);
    if (r.ok) expect((r.value as { day: string }).day).toBe('2026-09-02');
  });

  it('windows that do not parse are refused with the calendar rule and the field', async () => {
    const r = await t.core.dispatch(c, 'queue.saveGroup', { code: 'BAD', name: 'Sai', prefix: 'Y', hours: { mode: 'windows', windows: { '1': [['11:00', '09:00']] } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'CALENDAR_WINDOWS_INVALID', field: 'hours.windows.1.0' });
  });
});
