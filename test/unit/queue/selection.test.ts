/** Which ticket a counter calls next, and how many are ahead (issue #18): the pure rules. */
import { describe, expect, it } from 'vitest';
import { aheadCount, nextStreak, selectNext, type Candidate } from '../../../core/domain/queue/selection';

let order = 0;
const t = (id: string, priority = false, targetCounter: number | null = null): Candidate => ({ id, priority, order: ++order, targetCounter });

/** Calls until nobody is left, as one counter would, returning the ids in call order. */
function drain(cands: Candidate[], counter: number, n: number, streak = 0): string[] {
  const left = [...cands];
  const out: string[] = [];
  for (;;) {
    const pick = selectNext(left, counter, streak, n);
    if (!pick) return out;
    out.push(pick.id);
    streak = pick.streak;
    left.splice(left.findIndex((c) => c.id === pick.id), 1);
  }
}

describe('selectNext', () => {
  it('calls ordinary tickets first come, first served', () => {
    expect(drain([t('o1'), t('o2'), t('o3')], 1, 3)).toEqual(['o1', 'o2', 'o3']);
  });

  it('calls priority tickets before ordinary ones, oldest first', () => {
    expect(drain([t('o1'), t('p1', true), t('o2'), t('p2', true)], 1, 5)).toEqual(['p1', 'p2', 'o1', 'o2']);
  });

  it('after N priority calls in a row takes the oldest ordinary ticket, then counts again from zero', () => {
    const cands = [t('o1'), t('p1', true), t('p2', true), t('p3', true), t('o2'), t('p4', true), t('p5', true)];
    expect(drain(cands, 1, 2)).toEqual(['p1', 'p2', 'o1', 'p3', 'p4', 'o2', 'p5']);
    expect(drain(cands, 1, 1)).toEqual(['p1', 'o1', 'p2', 'o2', 'p3', 'p4', 'p5']);
  });

  it('starts from the counter\'s streak so far and keeps calling priority when no ordinary ticket waits', () => {
    expect(selectNext([t('o1'), t('p1', true)], 1, 3, 3)).toEqual({ id: 'o1', streak: 0 });
    expect(selectNext([t('o1'), t('p1', true)], 1, 2, 3)).toEqual({ id: 'p1', streak: 3 });
    expect(selectNext([t('p1', true)], 1, 9, 3)).toEqual({ id: 'p1', streak: 10 });
  });

  it('keeps a transferred ticket in its issue order, not at the end', () => {
    const moved: Candidate = { id: 'moved', priority: false, order: 0, targetCounter: null };
    expect(drain([t('o1'), t('o2'), moved], 1, 3)).toEqual(['moved', 'o1', 'o2']);
  });

  it('leaves tickets sent to another counter, and calls those sent to this one first', () => {
    const cands = [t('p1', true), t('o1'), t('mine', false, 4), t('theirs', true, 5)];
    expect(drain(cands, 4, 3)).toEqual(['mine', 'p1', 'o1']);
    expect(drain(cands, 5, 3)).toEqual(['theirs', 'p1', 'o1']);
    expect(drain(cands, 6, 3)).toEqual(['p1', 'o1']);
  });

  it('answers null when nothing is callable', () => {
    expect(selectNext([], 1, 0, 3)).toBeNull();
    expect(selectNext([t('x', false, 2)], 1, 0, 3)).toBeNull();
  });

  it('nextStreak extends on priority, resets on ordinary', () => {
    expect(nextStreak(2, true)).toBe(3);
    expect(nextStreak(2, false)).toBe(0);
  });
});

describe('aheadCount', () => {
  const o1 = { id: 'o1', priority: false, order: 1 };
  const o2 = { id: 'o2', priority: false, order: 2 };
  const p1 = { id: 'p1', priority: true, order: 3 };
  const p2 = { id: 'p2', priority: true, order: 4 };
  const o3 = { id: 'o3', priority: false, order: 5 };
  const all = [o1, o2, p1, p2, o3];
  it('counts every waiting priority ticket and the older ordinary ones for an ordinary ticket', () => {
    expect(aheadCount(o1, all)).toBe(2);
    expect(aheadCount(o3, all)).toBe(4);
  });
  it('counts only the older priority tickets for a priority ticket', () => {
    expect(aheadCount(p1, all)).toBe(0);
    expect(aheadCount(p2, all)).toBe(1);
  });
});
