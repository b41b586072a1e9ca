import { describe, expect, it } from 'vitest';
import { FairLimiter } from '../../../core/services/auth/fair-limiter';

/** Jobs that finish only when told, so the order of starts is deterministic. */
function harness(slots: number) {
  const limiter = new FairLimiter(slots);
  const started: string[] = [];
  const finishers = new Map<string, () => void>();
  const submit = (key: string, name: string) =>
    limiter.run(key, () => {
      started.push(name);
      return new Promise<void>((resolve) => finishers.set(name, resolve));
    });
  const finish = async (name: string) => {
    finishers.get(name)!();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { limiter, started, submit, finish };
}

describe('FairLimiter (password hashing)', () => {
  it('never runs more than its slots at once', async () => {
    const h = harness(2);
    const all = Array.from({ length: 6 }, (_, i) => h.submit('a', `a${i}`));
    await Promise.resolve();
    expect(h.started).toEqual(['a0', 'a1']);
    expect(h.limiter.waiting).toBe(4);
    await h.finish('a0');
    expect(h.started).toEqual(['a0', 'a1', 'a2']);
    for (const n of ['a1', 'a2', 'a3', 'a4', 'a5']) await h.finish(n);
    await Promise.all(all);
    expect(h.limiter.waiting).toBe(0);
  });

  it('lets another peer in after one job, however many the first peer queued', async () => {
    const h = harness(1);
    const flood = Array.from({ length: 200 }, (_, i) => h.submit('stranger', `s${i}`));
    await Promise.resolve();
    const real = h.submit('clerk', 'clerk');
    await h.finish('s0');
    expect(h.started).toEqual(['s0', 'clerk']);
    await h.finish('clerk');
    await real;
    for (let i = 1; i < 200; i++) await h.finish(`s${i}`);
    await Promise.all(flood);
  });

  it('takes turns between waiting peers', async () => {
    const h = harness(1);
    const jobs = [h.submit('x', 'x0'), h.submit('a', 'a1'), h.submit('a', 'a2'), h.submit('b', 'b1'), h.submit('b', 'b2')];
    await Promise.resolve();
    for (const n of ['x0', 'a1', 'b1', 'a2', 'b2']) await h.finish(n);
    await Promise.all(jobs);
    expect(h.started).toEqual(['x0', 'a1', 'b1', 'a2', 'b2']);
  });
});
