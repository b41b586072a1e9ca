/** Backoff: exponential with full jitter above the first wait, capped; the stored time is now + that wait. */
import { describe, expect, it } from 'vitest';
import { backoffDelayMs, nextAttemptAt } from '../../../core/services/sync/backoff';

describe('sync backoff', () => {
  it('draws each wait in [base, min(max, base·2^(n-1))]', () => {
    const o = { baseMs: 2_000, maxMs: 600_000 };
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, o, () => 0))).toEqual([2_000, 2_000, 2_000, 2_000]);
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, o, () => 1))).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(backoffDelayMs(12, o, () => 1)).toBe(600_000);
    expect(backoffDelayMs(10_000, o, () => 0.5)).toBe(301_000);
    expect(backoffDelayMs(3, { baseMs: 100, maxMs: 50 }, () => 0.5)).toBe(100);
  });

  it('the default is 2 s to 10 min, and the next attempt is an ISO time after now', () => {
    expect(backoffDelayMs(50, {}, () => 1)).toBe(600_000);
    expect(nextAttemptAt(new Date('2026-11-24T02:30:00Z'), 1, {}, () => 0)).toBe('2026-11-24T02:30:02.000Z');
  });
});
