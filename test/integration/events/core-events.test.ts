/**
 * The push channel through the real core (dispatcher, auth, hub): access re-checked per event against the live
 * session, and events never keep an idle session alive; closeConnection ends subscriptions; the CLI's followEvents
 * writes one JSON line per event and reports refusals with the CLI's exit codes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { followEvents } from '../../../core/adapters/cli/follow';
import { CliFailure, EXIT_USAGE } from '../../../core/adapters/cli/runtime';
import type { EventData, EventMessage } from '../../../core/contract/events';
import { ManualClock } from '../../../core/platform/clock';
import { call, startCore, type TestCore } from '../../helpers/core';

const progress = (received: number): EventData<'scans.progress'> => ({
  jobId: 'job-1',
  batchId: 'batch-1',
  dossierId: null,
  status: 'scanning',
  received,
  processed: 0,
  pageId: null,
  error: null,
});

let t: TestCore | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('push channel in the core', () => {
  it('events do not keep an idle session alive: past the idle limit the connection gets nothing', async () => {
    const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
    t = await startCore({ clock, authPolicy: { idleMinutes: 25 } });
    const c = t.core.openConnection('web', 'test');
    const got: EventMessage[] = [];
    c.sink = (m) => void got.push(m);
    await call(t.core, c, 'auth.setupAdmin', { username: 'admin', displayName: 'Quản trị', password: 'mat-khau-123' });
    await call(t.core, c, 'events.subscribe', { names: ['scans.progress'] });
    // Events every 10 minutes for 40 minutes, and no call from the user.
    for (let i = 1; i <= 4; i++) {
      clock.advance(10 * 60_000);
      t.core.events.publish('scans.progress', progress(i));
    }
    expect(got.map((m) => (m.data as { received: number }).received)).toEqual([1, 2]);
    expect(await t.core.dispatch(c, 'auth.status', {})).toMatchObject({ ok: true });
    expect((await t.core.dispatch(c, 'users.list', {})).ok).toBe(false);
  });

  it('closeConnection ends the subscriptions', async () => {
    t = await startCore();
    const c = t.core.openConnection('web', 'test');
    const got: EventMessage[] = [];
    c.sink = (m) => void got.push(m);
    await call(t.core, c, 'auth.setupAdmin', { username: 'admin', displayName: 'Quản trị', password: 'mat-khau-123' });
    await call(t.core, c, 'events.subscribe', { names: ['pages.changed'] });
    t.core.events.publish('pages.changed', { dossierId: 'd1', trayOwner: null });
    t.core.closeConnection(c);
    t.core.events.publish('pages.changed', { dossierId: 'd2', trayOwner: null });
    expect(got).toEqual([{ event: 'pages.changed', data: { dossierId: 'd1', trayOwner: null } }]);
  });
});

describe('followEvents (CLI --follow)', () => {
  it('writes each followed event as one JSON line, only those names, until unsubscribed', async () => {
    t = await startCore();
    const conn = t.core.openConnection('cli', 'cli:test', { name: 'cli:test', role: 'admin' });
    const lines: string[] = [];
    const stop = await followEvents(t.core, conn, ['scans.progress'], (l) => void lines.push(l));
    t.core.events.publish('scans.progress', progress(1));
    t.core.events.publish('pages.changed', { dossierId: null, trayOwner: 'u1' });
    t.core.events.publish('scans.progress', progress(2));
    await stop();
    t.core.events.publish('scans.progress', progress(3));
    expect(lines.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      { event: 'scans.progress', data: progress(1) },
      { event: 'scans.progress', data: progress(2) },
    ]);
  });

  it('an unknown name is bad input (exit 2) with the Vietnamese message, and nothing is followed', async () => {
    t = await startCore();
    const conn = t.core.openConnection('cli', 'cli:test', { name: 'cli:test', role: 'admin' });
    const lines: string[] = [];
    const err = await followEvents(t.core, conn, ['scans.progres' as 'scans.progress'], (l) => void lines.push(l)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliFailure);
    expect((err as CliFailure).exitCode).toBe(EXIT_USAGE);
    expect((err as CliFailure).error.code).toBe('EVENT_UNKNOWN');
    expect((err as CliFailure).error.message).toContain('Không có loại thông báo');
    expect(conn.sink).toBeUndefined();
  });
});
