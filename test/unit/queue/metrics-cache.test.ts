/** The kept queue days (issue #19): when they are dropped, emptied, filed or refused. */
import { describe, expect, it } from 'vitest';
import { emptyMetricsAcc } from '../../../core/domain/queue/metrics';
import { QueueMetricsCache } from '../../../core/services/queue/metrics-cache';

const days = (...d: string[]) => new Map(d.map((x) => [x, emptyMetricsAcc()]));
/** A signature counting every row (floor 0), and the table as a read finds it. */
const sig = (maxId: number, count: number) => ({ maxId, floor: 0, count });
const now = (maxId: number, countAboveFloor: number) => ({ maxId, countAboveFloor });

describe('QueueMetricsCache', () => {
  it('keeps filed days until newer events name them; an event that does not fit the signature empties it', () => {
    const c = new QueueMetricsCache();
    expect(c.check(now(10, 10), 10)).toBe(false); // nothing kept yet
    c.store(c.generation, sig(10, 10), days('2026-11-02', '2026-11-03'));
    expect(c.since).toEqual({ maxId: 10, floor: 0 });
    expect(c.check(now(10, 10), 0)).toBe(false);
    expect(c.size).toBe(2);
    // Two events above 10: their days are to be dropped.
    expect(c.check(now(12, 12), 2)).toBe(true);
    c.dropDays(['2026-11-03']);
    expect(c.get('2026-11-03')).toBeUndefined();
    expect(c.get('2026-11-02')).toBeDefined();
    // One more row than the new ids explain (a lower id committed late, or another database): all gone.
    expect(c.check(now(12, 13), 2)).toBe(false);
    expect(c.size).toBe(0);
    expect(c.since).toBeNull();
  });

  it('a row deleted, or a highest id gone back, empties it too', () => {
    const c = new QueueMetricsCache();
    c.store(c.generation, sig(10, 10), days('2026-11-02'));
    c.check(now(10, 9), 0);
    expect(c.size).toBe(0);
    c.store(c.generation, sig(10, 10), days('2026-11-02'));
    c.check(now(8, 10), 0);
    expect(c.size).toBe(0);
  });

  it('refuses what a read computed when another read filed or emptied meanwhile', () => {
    const c = new QueueMetricsCache();
    const began = c.generation;
    c.store(c.generation, sig(20, 20), days('2026-11-04'));
    c.store(began, sig(10, 10), days('2026-11-02'));
    expect(c.since?.maxId).toBe(20);
    expect(c.get('2026-11-02')).toBeUndefined();
    const later = c.generation;
    c.clear();
    c.store(later, sig(20, 20), days('2026-11-05'));
    expect(c.size).toBe(0);
  });

  it('is bounded: the least recently used day goes first', () => {
    const c = new QueueMetricsCache(2);
    c.store(c.generation, sig(1, 1), days('2026-11-02', '2026-11-03'));
    c.get('2026-11-02');
    c.store(c.generation, sig(1, 1), days('2026-11-04'));
    expect(c.get('2026-11-03')).toBeUndefined();
    expect(c.get('2026-11-02')).toBeDefined();
    expect(c.get('2026-11-04')).toBeDefined();
  });
});
