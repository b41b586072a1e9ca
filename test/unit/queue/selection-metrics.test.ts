/** Queue metrics from event times (issue #18): visits, transfers, Vietnam hours. */
import { describe, expect, it } from 'vitest';
import { queueMetrics, vietnamHour, type QueueEvent } from '../../../core/domain/queue/metrics';

const e = (ticketId: string, kind: QueueEvent['kind'], hm: string, counter: number | null, service = 'A'): QueueEvent => ({
  ticketId, kind, at: `2026-11-02T${hm}:00.000Z`, counter, service,
});

describe('queueMetrics', () => {
  it('reads hours in Vietnam time across midnight UTC', () => {
    expect(vietnamHour('2026-11-02T01:30:00.000Z')).toBe('08');
    expect(vietnamHour('2026-11-02T17:00:00.000Z')).toBe('00');
  });

  it('splits a transferred ticket into visits: the second wait counts from the transfer', () => {
    const m = queueMetrics([
      e('z', 'issued', '02:00', null),
      e('z', 'called', '02:04', 1),
      e('z', 'called', '02:06', 1), // a recall does not restart the wait
      e('z', 'started', '02:05', 1),
      e('z', 'transferred', '02:10', 1, 'B'),
      e('z', 'called', '02:30', 2, 'B'),
      e('z', 'finished', '02:40', 2, 'B'),
    ]);
    expect(m.total).toMatchObject({ issued: 1, called: 2, served: 1, transferred: 1, meanWaitSeconds: 720, maxWaitSeconds: 1200, meanWalkSeconds: 60, meanServiceSeconds: 300 });
    expect(m.perService.map((r) => [r.service, r.issued, r.called])).toEqual([['A', 1, 1], ['B', 0, 1]]);
    expect(m.perCounter.map((r) => [r.counter, r.called, r.meanWaitSeconds])).toEqual([[1, 1, 240], [2, 1, 1200]]);
  });

  it('gives null means when no ticket has the two times', () => {
    const m = queueMetrics([e('a', 'issued', '01:00', null)]);
    expect(m.total).toEqual({ issued: 1, called: 0, served: 0, noShow: 0, transferred: 0, meanWaitSeconds: null, meanWalkSeconds: null, meanServiceSeconds: null, maxWaitSeconds: null });
    expect(m.perCounter).toEqual([]);
  });
});
