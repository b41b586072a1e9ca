/**
 * 'reports.changed' through a real core (issue #19): a receipt is told, naming 'dossiers', within a bounded wait; a
 * burst of writes seen by three looks gives at most two events (one per 2 s); a write by another connection on the
 * same file (another process: the CLI, the sync worker) is seen; nobody subscribed means nothing is read. And the
 * queue held in PostgreSQL (a stand-in QueueService): its day's metrics moving is told as 'queue', an unreachable
 * store is no change with one warning.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EventData, EventMessage } from '../../../core/contract/events';
import { ManualClock } from '../../../core/platform/clock';
import type { Logger } from '../../../core/platform/logger';
import type { Connection } from '../../../core/rpc/connection';
import { ReportsEvents } from '../../../core/services/reports/reports-events';
import type { ReportsDeps } from '../../../core/services/reports/reports-deps';
import { call, startCore, withAdmin, type TestCore } from '../../helpers/core';
import { NGUYEN_THI_HUYNH, personInput } from '../../helpers/people';

const WARD = '000.27.10.H12';
const MARITAL = '1.004873';
/** Bounded waits: the poll is ~1 s and the gap between two events 2 s. */
const WAIT = { timeout: 6_000, interval: 20 };

let t: TestCore;
let admin: Connection;
const got: Array<EventData<'reports.changed'>> = [];

beforeAll(async () => {
  // Tuesday 24/11/2026 09:30 in Vietnam (the receipts' dates; the events' timing is real time).
  t = await startCore({ clock: new ManualClock(new Date('2026-11-24T02:30:00Z')) });
  admin = await withAdmin(t.core);
  // A page scanned into a clerk's tray, not ready yet (a later test moves it into a dossier).
  const at = '2026-11-24T02:30:00.000Z';
  t.core.db
    .prepare(`INSERT INTO dossier_pages (id, tray_owner, item_code, position, state, created_at, created_by, updated_at) VALUES ('page-r1', 'admin', 'TK', 1, 'raw', ?, 'test', ?)`)
    .run(at, at);
  admin.sink = (m: EventMessage) => {
    if (m.event === 'reports.changed') got.push(m.data as EventData<'reports.changed'>);
  };
});
afterAll(() => t.close());

const events = () => t.core.services.reports.events;
const receive = () => call(t.core, admin, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(NGUYEN_THI_HUYNH) });

/** Waits until nothing waits for the 2 s gap and the timer has looked once more with nothing new. */
async function settled(): Promise<void> {
  await vi.waitFor(() => expect(events().stats().pending).toEqual([]), WAIT);
  const ticks = events().stats().ticks;
  await vi.waitFor(() => expect(events().stats().ticks).toBeGreaterThan(ticks), WAIT);
  expect(events().stats().pending).toEqual([]);
}

describe('reports.changed', () => {
  it('a dossier received is told once, naming dossiers, within a bounded wait', async () => {
    await call(t.core, admin, 'events.subscribe', { names: ['reports.changed'] });
    await receive();
    await vi.waitFor(() => expect(got.length).toBeGreaterThan(0), WAIT);
    await settled();
    expect(got).toHaveLength(1);
    expect(got[0]!.sources).toContain('dossiers');
    expect(Date.parse(got[0]!.at)).not.toBeNaN();
  });

  it('a burst of 20 receipts seen by three looks gives at most two events', async () => {
    got.length = 0;
    for (const n of [7, 7, 6]) {
      for (let i = 0; i < n; i++) await receive();
      events().tick(); // a look after each part: each sees new rows
    }
    await settled();
    expect(got.length).toBeGreaterThanOrEqual(1);
    expect(got.length).toBeLessThanOrEqual(2);
    expect(got.flatMap((e) => e.sources)).toContain('dossiers');
  });

  it('a write by another connection on the same file is seen', async () => {
    got.length = 0;
    const other = new Database(t.core.layout.database);
    try {
      other.pragma('busy_timeout = 5000');
      const id = (other.prepare('SELECT id FROM dossiers LIMIT 1').get() as { id: string }).id;
      other
        .prepare(`INSERT INTO dossier_transitions (dossier_id, from_state, to_state, at, actor, data) VALUES (?, 'received', 'processing', ?, 'cli', '{}')`)
        .run(id, '2026-11-24T03:00:00.000Z');
    } finally {
      other.close();
    }
    await vi.waitFor(() => expect(got.flatMap((e) => e.sources)).toContain('dossiers'), WAIT);
  });

  it("a tray's page moved into a dossier, ready (an update, no new row) names pages", async () => {
    got.length = 0;
    const dossier = (t.core.db.prepare('SELECT id FROM dossiers LIMIT 1').get() as { id: string }).id;
    t.core.db.prepare(`UPDATE dossier_pages SET dossier_id = ?, tray_owner = NULL, state = 'ready', image_bytes = 1000 WHERE id = 'page-r1'`).run(dossier);
    await vi.waitFor(() => expect(got.flatMap((e) => e.sources)).toContain('pages'), WAIT);
  });

  it('a queue ticket issued (the queue in this SQLite) names queue', async () => {
    await call(t.core, admin, 'queue.saveGroup', { code: 'BC', name: 'Báo cáo', prefix: 'BC', startNumber: 1, hours: { mode: 'always' } });
    await call(t.core, admin, 'queue.saveCounter', { number: 1, name: 'Quầy 1', groups: ['BC'] });
    got.length = 0;
    await call(t.core, admin, 'queue.issue', { service: 'BC', print: false });
    await vi.waitFor(() => expect(got.flatMap((e) => e.sources)).toContain('queue'), WAIT);
  });

  it('nobody subscribed: the timer reads nothing, and the next subscriber hears of what moved meanwhile', async () => {
    await call(t.core, admin, 'events.unsubscribe', { names: ['reports.changed'] });
    await settled();
    got.length = 0;
    const before = events().stats();
    await receive();
    events().tick();
    await vi.waitFor(() => expect(events().stats().ticks).toBeGreaterThan(before.ticks + 1), WAIT);
    expect(events().stats().reads).toBe(before.reads);
    expect(got).toEqual([]);

    await call(t.core, admin, 'events.subscribe', { names: ['reports.changed'] });
    await vi.waitFor(() => expect(got.flatMap((e) => e.sources)).toContain('dossiers'), WAIT);
  });
});

describe('reports.changed with the queue in PostgreSQL', () => {
  it("tells the day's metrics moving as 'queue'; an unreachable store is no change, warned once", async () => {
    let issued = 3;
    let down = false;
    let asked = 0;
    const warnings: string[] = [];
    const logger: Logger = { debug() {}, info() {}, warn: (msg) => void warnings.push(msg), error() {}, child: () => logger };
    const published: Array<EventData<'reports.changed'>> = [];
    const deps = {
      db: t.core.db,
      queue: {
        config: async () => ({ store: 'postgres' }),
        day: () => '2026-11-24',
        metrics: async (from: string, to: string) => {
          asked++;
          if (down) throw new Error('QUEUE_STORE_UNAVAILABLE');
          return { from, to, total: { issued } };
        },
      },
      events: { publish: (_name: string, data: EventData<'reports.changed'>) => void published.push(data), hasSubscribers: () => true },
      logger,
      clock: { now: () => new Date('2026-11-24T03:00:00Z') },
    } as unknown as ReportsDeps;
    const e = new ReportsEvents(deps);
    try {
      // The queue is asked every second look; the first answer is where it stands.
      const look = async (): Promise<void> => {
        const before = asked;
        e.tick();
        e.tick();
        await vi.waitFor(() => expect(asked).toBeGreaterThan(before), WAIT);
        await new Promise((r) => setImmediate(r));
      };
      await look();
      await look();
      expect(published).toEqual([]);
      issued = 4;
      await look();
      expect(published).toEqual([{ at: '2026-11-24T03:00:00.000Z', sources: ['queue'] }]);
      down = true;
      await look();
      await look();
      expect(warnings).toHaveLength(1);
      expect(published).toHaveLength(1);
    } finally {
      e.close();
    }
  });
});
