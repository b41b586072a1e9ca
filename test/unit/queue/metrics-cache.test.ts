/** The kept queue days (issue #19): when they are dropped, emptied, filed or refused. */
import { describe, expect, it } from 'vitest';
import { emptyMetricsAcc } from '../../../core/domain/queue/metrics';
import { QueueMetricsCache } from '../../../core/services/queue/metrics-cache';

const days = (...d: string[]) => new Map(d.map((x) => [x, emptyMetricsAcc()]));

describe('QueueMetricsCache', () => {
  it('keeps filed days until newer events name them; an event that does not fit the signature empties it', () => {
    const c = new QueueMetricsCache();
    expect(c.check({ maxId: 10, count: 10 }, 10)).toBe(false); // nothing kept yet
    c.store(c.generation, { maxId: 10, count: 10 }, days('2026-11-02', '2026-11-03'));
    expect(c.sinceId).toBe(10);
    expect(c.check({ maxId: 10, count: 10 }, 0)).toBe(false);
    expect(c.size).toBe(2);
    // Two events above 10: their days are to be dropped.
    expect(c.check({ maxId: 12, count: 12 }, 2)).toBe(true);
    c.dropDays(['2026-11-03']);
    expect(c.get('2026-11-03')).toBeUndefined();
    expect(c.get('2026-11-02')).toBeDefined();
    // One more row than the new ids explain (a lower id committed late, or another database): all gone.
    expect(c.check({ maxId: 12, count: 13 }, 2)).toBe(false);
    expect(c.size).toBe(0);
    expect(c.sinceId).toBeNull();
  });

  it('a row deleted, or a highest id gone back, empties it too', () => {
    const c = new QueueMetricsCache();
    c.store(c.generation, { maxId: 10, count: 10 }, days('2026-11-02'));
    c.check({ maxId: 10, count: 9 }, 0);
    expect(c.size).toBe(0);
    c.store(c.generation, { maxId: 10, count: 10 }, days('2026-11-02'));
    c.check({ maxId: 8, count: 10 }, 0);
    expect(c.size).toBe(0);
  });

  it('refuses what a read computed when another read filed or emptied meanwhile', () => {
    const c = new QueueMetricsCache();
    const began = c.generation;
    c.store(c.generation, { maxId: 20, count: 20 }, days('2026-11-04'));
    c.store(began, { maxId: 10, count: 10 }, days('2026-11-02'));
    expect(c.sinceId).toBe(20);
    expect(c.get('2026-11-02')).toBeUndefined();
    const later = c.generation;
    c.clear();
    c.store(later, { maxId: 20, count: 20 }, days('2026-11-05'));
    expect(c.size).toBe(0);
  });

  it('is bounded: the least recently used day goes first', () => {
    const c = new QueueMetricsCache(2);
    c.store(c.generation, { maxId: 1, count: 1 }, days('2026-11-02', '2026-11-03'));
    c.get('2026-11-02');
    c.store(c.generation, { maxId: 1, count: 1 }, days('2026-11-04'));
    expect(c.get('2026-11-03')).toBeUndefined();
    expect(c.get('2026-11-02')).toBeDefined();
    expect(c.get('2026-11-04')).toBeDefined();
  });
});
