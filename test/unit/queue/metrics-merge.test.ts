/** Queue metrics as mergeable accumulators (issue #19): per-day figures merged give the one-pass figures exactly. */
import { describe, expect, it } from 'vitest';
import {
  accumulateMetrics,
  emptyMetricsAcc,
  mergeMetricsAcc,
  metricsOf,
  queueMetrics,
  type QueueEvent,
} from '../../../core/domain/queue/metrics';
import { mulberry32 } from '../../helpers/seeded-random';

/** Tickets over several days with millisecond times (sums of such seconds are not exact in floating point). */
function events(seed: number): { all: QueueEvent[]; byDay: Map<string, QueueEvent[]> } {
  const rnd = mulberry32(seed);
  const pick = <T>(l: readonly T[]): T => l[Math.floor(rnd() * l.length)]!;
  const all: QueueEvent[] = [];
  const byDay = new Map<string, QueueEvent[]>();
  for (let d = 0; d < 6; d++) {
    const day = `2026-11-${String(2 + d).padStart(2, '0')}`;
    const list: QueueEvent[] = [];
    for (let i = 0; i < 60; i++) {
      const ticketId = `${day}-${i}`;
      // From 00:30 UTC (07:30 Vietnam) over ten hours, so the Vietnam hours vary.
      let t = Date.parse(`${day}T00:30:00.000Z`) + Math.floor(rnd() * 10 * 3600_000);
      let service = pick(['A', 'B', 'C']);
      const ev = (kind: QueueEvent['kind'], counter: number | null): void => {
        t += Math.floor(rnd() * 900_000) + 1;
        list.push({ ticketId, kind, at: new Date(t).toISOString(), counter, service });
      };
      ev('issued', null);
      for (let visit = 0; visit < 3; visit++) {
        if (rnd() < 0.1) break; // still waiting
        const counter = 1 + Math.floor(rnd() * 5);
        ev('called', counter);
        if (rnd() < 0.2) ev('called', counter); // a recall
        const r = rnd();
        if (r < 0.1) {
          ev('no_show', counter);
          break;
        }
        if (rnd() < 0.9) ev('started', counter);
        if (r < 0.3) {
          service = pick(['A', 'B', 'C']);
          ev('transferred', counter);
          continue;
        }
        if (r < 0.95) ev('finished', counter);
        break;
      }
    }
    byDay.set(day, list);
    all.push(...list);
  }
  return { all, byDay };
}

describe('queue metrics accumulators', () => {
  it.each([1, 2, 3])('per-day figures merged in any order equal one pass over the period (seed %i)', (seed) => {
    const { all, byDay } = events(seed);
    const oneDay = [...byDay.values()].map((l) => accumulateMetrics(l));
    const merged = emptyMetricsAcc();
    for (const acc of [oneDay[3]!, oneDay[0]!, oneDay[5]!, oneDay[1]!, oneDay[4]!, oneDay[2]!]) mergeMetricsAcc(merged, acc);
    const once = queueMetrics(all);
    expect(metricsOf(merged)).toEqual(once);
    // The data reaches every kind of figure (else the equality says little).
    expect(once.perHour.length).toBeGreaterThan(5);
    expect(once.perCounter).toHaveLength(5);
    expect(once.total.transferred).toBeGreaterThan(0);
    expect(once.total.noShow).toBeGreaterThan(0);
    expect(once.total.maxWaitSeconds).toBe(Math.max(...oneDay.map((a) => metricsOf(a).total.maxWaitSeconds!)));
    for (const h of once.perHour) {
      const perDay = oneDay.map((a) => metricsOf(a).perHour.find((r) => r.hour === h.hour)).filter((r) => r !== undefined);
      expect(h.issued).toBe(perDay.reduce((s, r) => s + r.issued, 0));
      expect(h.maxWaitSeconds).toBe(Math.max(...perDay.map((r) => r.maxWaitSeconds ?? -Infinity)));
    }
  });

  it('merging leaves the merged-in figures unchanged (kept days are shared between reads)', () => {
    const { byDay } = events(4);
    const day = accumulateMetrics([...byDay.values()][0]!);
    const before = metricsOf(day);
    mergeMetricsAcc(mergeMetricsAcc(emptyMetricsAcc(), day), day);
    expect(metricsOf(day)).toEqual(before);
  });

  it('means are exact over millisecond times: the mean of 0.1 s and 0.2 s is 0.15 s', () => {
    const at = (ms: number): string => new Date(Date.parse('2026-11-02T01:00:00.000Z') + ms).toISOString();
    const m = queueMetrics([
      { ticketId: 'a', kind: 'issued', at: at(0), counter: null, service: 'A' },
      { ticketId: 'a', kind: 'called', at: at(100), counter: 1, service: 'A' },
      { ticketId: 'b', kind: 'issued', at: at(0), counter: null, service: 'A' },
      { ticketId: 'b', kind: 'called', at: at(200), counter: 1, service: 'A' },
    ]);
    expect(m.total.meanWaitSeconds).toBe(0.15);
    expect(m.total.maxWaitSeconds).toBe(0.2);
  });

  it('an empty period has no means and no rows', () => {
    expect(metricsOf(emptyMetricsAcc())).toEqual(queueMetrics([]));
    expect(queueMetrics([]).total).toMatchObject({ issued: 0, meanWaitSeconds: null, maxWaitSeconds: null });
  });
});
