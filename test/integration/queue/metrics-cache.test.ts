/**
 * queue.metrics with past days kept (issue #19), on both stores: the kept path answers exactly what one pass over the
 * events answers; today is always read; a change to a kept day (a ticket of an earlier day finished later) is seen and
 * re-reads that day only; a row that does not fit the events' signature empties the cache.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../core/app';
import type { QueueMetrics } from '../../../core/contract/queue';
import { ManualClock } from '../../../core/platform/clock';
import { TEST_HASH_COST } from '../../helpers/core';
import type { QueueStore } from '../../../core/services/queue/queue-store';
import { QueueMetricsCache } from '../../../core/services/queue/metrics-cache';
import { openDatabase } from '../../../core/store/database';
import { createSqliteQueueStore } from '../../../core/services/queue/store/sqlite-queue-store';
import { seedYear } from '../../helpers/seed-year';
import { tempDir } from '../../helpers/temp';
import { group, issueReq, scope, STORE_KINDS, type StoreRig } from './store-fixture';

const DAYS = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'];
const TODAY = DAYS[3]!;
const FROM = '2026-11-01';
const TO = '2026-11-06';

describe.each(STORE_KINDS)('queue metrics, past days kept: $name', (kind) => {
  let rig: StoreRig;
  let s: QueueStore;
  /** A ticket of the second day left being served (finished on a later day below). */
  let open: string;

  beforeAll(async () => {
    if (kind.skip) return;
    rig = await kind.rig();
    s = await rig.open();
    const a = group('KA');
    const b = group('KB');
    for (const [d, day] of DAYS.entries()) {
      const t = (hm: string) => `${day}T${hm}:00.000Z`;
      const sc = (counter: number, when: string) => ({ ...scope(counter, { groups: ['KA', 'KB'], at: when }), day });
      for (let i = 0; i < 3; i++) await s.issue(issueReq(i === 2 ? b : a, { day, at: t(`0${1 + i}:0${d}`) }));
      const x = (await s.callNext(sc(1, t('04:00')))).ticket!;
      await s.start({ ticketId: x.id, at: t('04:02') });
      await s.finish({ ticketId: x.id, at: t('04:12'), dossierId: null });
      const y = (await s.callNext(sc(2, t('04:05')))).ticket!;
      if (d % 2 === 0) await s.noShow({ ticketId: y.id, at: t('04:09') });
      else {
        await s.start({ ticketId: y.id, at: t('04:07') });
        await s.transfer({ ticketId: y.id, at: t('04:20'), toService: b, toCounter: null });
      }
      const z = (await s.callNext(sc(3, t('05:00')))).ticket!;
      await s.start({ ticketId: z.id, at: t('05:0' + d) });
      if (d === 1) open = z.id;
      else await s.finish({ ticketId: z.id, at: t('05:30'), dossierId: null });
    }
  });
  afterAll(async () => {
    if (!kind.skip) await rig.close();
  });

  it.skipIf(kind.skip)('answers as one pass does; re-reads today and a kept day that changed, nothing else', async () => {
    const cache = new QueueMetricsCache();
    const cached = () => s.metrics({ from: FROM, to: TO, cache: { days: cache, today: TODAY } });
    const plain = () => s.metrics({ from: FROM, to: TO });
    const ref = await plain();
    expect(ref.total).toMatchObject({ issued: 12, transferred: 2, noShow: 2 });
    expect(await cached()).toEqual(ref);
    // The days before today are kept (today and the days after it never are).
    expect(cache.size).toBe(3);
    const kept = DAYS.slice(0, 3).map((d) => cache.get(d));
    expect(await cached()).toEqual(ref);
    // Nothing changed: the kept figures were used, not read again.
    for (const [i, d] of DAYS.slice(0, 3).entries()) expect(cache.get(d)).toBe(kept[i]);

    // A new ticket today: the figure moves.
    await s.issue(issueReq(group('KA'), { day: TODAY, at: `${TODAY}T06:00:00.000Z` }));
    const withToday = await cached();
    expect(withToday.total.issued).toBe(13);
    expect(withToday).toEqual(await plain());

    // The second day's ticket finished on a later day: that day is read again, the others stay as kept.
    await s.finish({ ticketId: open, at: `${TODAY}T07:00:00.000Z`, dossierId: null });
    const after = await cached();
    expect(after.total.served).toBe(withToday.total.served + 1);
    expect(after).toEqual(await plain());
    expect(cache.get(DAYS[1]!)).not.toBe(kept[1]);
    expect(cache.get(DAYS[0]!)).toBe(kept[0]);
    expect(cache.get(DAYS[2]!)).toBe(kept[2]);
    // A period of one kept day, and one of today alone.
    expect(await s.metrics({ from: DAYS[0]!, to: DAYS[0]!, cache: { days: cache, today: TODAY } })).toEqual(await s.metrics({ from: DAYS[0]!, to: DAYS[0]! }));
    expect(await s.metrics({ from: TODAY, to: TODAY, cache: { days: cache, today: TODAY } })).toEqual(await s.metrics({ from: TODAY, to: TODAY }));
    // A period without tickets.
    expect(await s.metrics({ from: '2020-01-01', to: '2020-12-31', cache: { days: cache, today: TODAY } })).toEqual(await s.metrics({ from: '2020-01-01', to: '2020-12-31' }));
  });
});

describe('queue metrics, past days kept, on a seeded stretch (SQLite)', () => {
  it('equals one pass cold, warm and with today inside the period; a deleted event row is seen', async () => {
    const t = tempDir();
    const { db } = openDatabase(`${t.dir}/core.sqlite`);
    try {
      seedYear(db, { dossiers: 2_000, counters: 4, tickets: 3_000, seed: 1919, from: '2025-01-01' });
      const s = createSqliteQueueStore(db);
      const period = { from: '2025-03-03', to: '2025-03-21' };
      const ref = await s.metrics(period);
      expect(ref.total.issued).toBeGreaterThan(100);
      for (const today of ['2026-01-01', '2025-03-12']) {
        const cache = new QueueMetricsCache();
        expect(await s.metrics({ ...period, cache: { days: cache, today } })).toEqual(ref);
        expect(await s.metrics({ ...period, cache: { days: cache, today } })).toEqual(ref);
      }
      const cache = new QueueMetricsCache();
      await s.metrics({ ...period, cache: { days: cache, today: '2026-01-01' } });
      // A recent row removed behind the service's back (no new id says which day): the kept days are not trusted.
      db.prepare(`DELETE FROM queue_events WHERE id = (SELECT MIN(e.id) FROM queue_events e JOIN queue_tickets t ON t.id = e.ticket_id
        WHERE t.day = '2025-03-04' AND e.kind = 'finished')`).run();
      const fresh = await s.metrics(period);
      expect(fresh.total.served).toBe(ref.total.served - 1);
      expect(await s.metrics({ ...period, cache: { days: cache, today: '2026-01-01' } })).toEqual(fresh);
    } finally {
      db.close();
      t.cleanup();
    }
  });

  it('the service keeps the days before its clock\'s today and reads today every time', async () => {
    const t = tempDir();
    try {
      const opened = openDatabase(path.join(t.dir, 'motcua.sqlite'));
      seedYear(opened.db, { dossiers: 2_000, counters: 4, tickets: 600, seed: 1919, from: '2025-01-01' });
      opened.db.close();
      // 10:00 on 2025-03-12 in Vietnam.
      const core = await createCore({ dataDir: t.dir, logLevel: 'error', clock: new ManualClock(new Date('2025-03-12T03:00:00Z')), authPolicy: { hashCost: TEST_HASH_COST } });
      const db = openDatabase(path.join(t.dir, 'motcua.sqlite')).db;
      try {
        const conn = core.openConnection('cli', 'test', { name: 'test', role: 'admin' });
        const metrics = async () => {
          const r = await core.dispatch(conn, 'queue.metrics', { from: '2025-03-10', to: '2025-03-12' });
          if (!r.ok) throw new Error(r.error.message);
          return r.value as QueueMetrics;
        };
        const first = await metrics();
        expect(first.total.served).toBeGreaterThan(0);
        // The queue never rewrites an event; done behind its back, it shows which days are kept: a change to a kept
        // day (no new event, same count) is not seen, one to today is.
        const serve = db.prepare(`UPDATE queue_events SET kind = 'no_show' WHERE id = (SELECT MIN(e.id) FROM queue_events e
          JOIN queue_tickets t ON t.id = e.ticket_id WHERE t.day = ? AND e.kind = 'finished')`);
        expect(serve.run('2025-03-11').changes).toBe(1);
        expect(await metrics()).toEqual(first);
        expect(serve.run('2025-03-12').changes).toBe(1);
        const second = await metrics();
        expect(second.total).toMatchObject({ served: first.total.served - 1, noShow: first.total.noShow + 1 });
      } finally {
        db.close();
        await core.close();
      }
    } finally {
      t.cleanup();
    }
  });
});
