/** The upload bucket's schedule under an injected clock: no timed assertions. */
import { describe, expect, it } from 'vitest';
import { sharedUploadBucket, TokenBucket, type PaceTimer } from '../../../core/services/sync/throttle';

function fakeTimer(): PaceTimer & { t: number; slept: number[] } {
  const timer = {
    t: 0,
    slept: [] as number[],
    now: () => timer.t,
    sleep: async (ms: number) => {
      timer.slept.push(ms);
      timer.t += ms;
    },
  };
  return timer;
}

describe('TokenBucket', () => {
  it('lets a burst of a tenth of a second go at once, then paces at exactly the rate', () => {
    const timer = fakeTimer();
    const b = new TokenBucket(10_000, timer); // burst 1 000 bytes
    expect(b.reserve(1_000)).toBe(0);
    expect(b.reserve(1_000)).toBeCloseTo(100);
    expect(b.reserve(1_000)).toBeCloseTo(200); // writers queue behind the debt, in order
    timer.t += 300;
    expect(b.reserve(0)).toBe(0); // debt paid back, and a full burst saved again
    expect(b.reserve(500)).toBe(0);
    expect(b.reserve(1_000)).toBeCloseTo(50);
  });

  it('an upload of N bytes in slices takes N / rate seconds of (fake) time, less the burst', async () => {
    const timer = fakeTimer();
    const rate = 64 * 1024;
    const b = new TokenBucket(rate, timer);
    const slice = b.sliceBytes(64 * 1024);
    expect(slice).toBe(Math.floor(rate / 20));
    const total = 1024 * 1024;
    for (let sent = 0; sent < total; sent += slice) await b.take(Math.min(slice, total - sent));
    const expected = ((total - Math.floor(rate / 10)) / rate) * 1000;
    expect(timer.t).toBeGreaterThanOrEqual(expected - 1);
    expect(timer.t).toBeLessThanOrEqual(expected + 1);
  });

  it('a quiet spell never saves up more than the burst', () => {
    const timer = fakeTimer();
    const b = new TokenBucket(1_000, timer);
    timer.t += 60_000;
    expect(b.reserve(100)).toBe(0);
    expect(b.reserve(100)).toBeCloseTo(100);
  });

  it('two uploads asking at the same moment queue behind each other: together they get the rate, not twice it', () => {
    const timer = fakeTimer();
    const b = new TokenBucket(10_000, timer);
    const waits = [b.reserve(1_000), b.reserve(1_000), b.reserve(1_000), b.reserve(1_000)]; // A, B, A, B
    expect(waits.map((w) => Math.round(w))).toEqual([0, 100, 200, 300]);
  });

  it('a new cap re-rates the process bucket; no cap means no bucket', () => {
    expect(sharedUploadBucket(null)).toBeNull();
    expect(sharedUploadBucket(0)).toBeNull();
    const a = sharedUploadBucket(1_000)!;
    const b = sharedUploadBucket(2_000)!;
    expect(b).toBe(a);
    expect(a.bytesPerSecond).toBe(2_000);
  });
});
