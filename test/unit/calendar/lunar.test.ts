import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIsoDate, fromJdn, toJdn, weekdayOfJdn } from '../../../core/domain/calendar/civil';
import { hungKingsDate, lunarToSolar, solarToLunar, tetDate } from '../../../core/domain/calendar/lunar';
import { isAppError } from '../../../core/contract/errors';

interface FixtureYear {
  tet: string;
  hungKings: string;
  chinaTet?: string;
  chinaHungKings?: string;
}
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/tet-hung-kings-1968-2050.json', import.meta.url), 'utf8'),
) as { source: string; years: Record<string, FixtureYear> };

describe('civil day numbers', () => {
  it('round-trips every day of 1900–2100 and knows weekdays', () => {
    const start = toJdn(1900, 1, 1);
    const end = toJdn(2100, 12, 31);
    const broken: number[] = [];
    for (let jdn = start; jdn <= end; jdn++) {
      const { y, m, d } = fromJdn(jdn);
      if (toJdn(y, m, d) !== jdn) broken.push(jdn);
    }
    expect(broken).toEqual([]);
    expect(end - start + 1).toBe(73414); // 201 years, 49 leap years
    expect(weekdayOfJdn(toJdn(2026, 2, 17))).toBe(2); // Tuesday
    expect(weekdayOfJdn(toJdn(2000, 1, 1))).toBe(6); // Saturday
    expect(fromJdn(toJdn(2024, 2, 29))).toEqual({ y: 2024, m: 2, d: 29 });
  });
});

describe('Vietnamese lunar calendar against the published table', () => {
  const years = Object.entries(fixture.years);

  it('covers 1990–2050 at least', () => {
    for (let y = 1990; y <= 2050; y++) expect(fixture.years[String(y)]).toBeDefined();
  });

  it.each(years)('Tết and Hùng Kings day of %s', (year, entry) => {
    expect(formatIsoDate(tetDate(Number(year)))).toBe(entry.tet);
    expect(formatIsoDate(hungKingsDate(Number(year)))).toBe(entry.hungKings);
  });

  it('matches the anchors of domain.md', () => {
    expect(tetDate(2026)).toEqual({ y: 2026, m: 2, d: 17 });
    expect(tetDate(2027)).toEqual({ y: 2027, m: 2, d: 6 });
    expect(hungKingsDate(2026)).toEqual({ y: 2026, m: 4, d: 26 });
  });

  it('follows UTC+7, not China’s UTC+8, where the two differ (1985, 2007, 2030)', () => {
    const differing = years.filter(([, e]) => e.chinaTet !== undefined).map(([y]) => Number(y));
    expect(differing).toEqual(expect.arrayContaining([1985, 2007, 2030]));
    for (const y of differing) {
      const entry = fixture.years[String(y)]!;
      expect(formatIsoDate(tetDate(y))).toBe(entry.tet);
      // With UTC+8 the same algorithm gives China's date: the time zone is what makes the difference.
      expect(formatIsoDate(tetDate(y, 8))).toBe(entry.chinaTet);
    }
    expect(tetDate(2007)).toEqual({ y: 2007, m: 2, d: 17 });
    expect(tetDate(1985)).toEqual({ y: 1985, m: 1, d: 21 });
  });
});

describe('solarToLunar / lunarToSolar', () => {
  it('converts known days', () => {
    expect(solarToLunar(2026, 2, 17)).toEqual({ day: 1, month: 1, year: 2026, leap: false });
    expect(solarToLunar(2026, 4, 26)).toEqual({ day: 10, month: 3, year: 2026, leap: false });
    // Tết eve is the last day of the previous lunar year (month 12, day 29 or 30).
    const eve = solarToLunar(2026, 2, 16);
    expect(eve.month).toBe(12);
    expect(eve.year).toBe(2025);
    expect(eve.leap).toBe(false);
    expect([29, 30]).toContain(eve.day);
  });

  it('places the leap months Vietnam observed (2020: 4th, 2023: 2nd, 2025: 6th)', () => {
    expect(solarToLunar(2020, 5, 23)).toEqual({ day: 1, month: 4, year: 2020, leap: true });
    expect(solarToLunar(2023, 3, 22)).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(solarToLunar(2025, 7, 25)).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(lunarToSolar(1, 6, 2025, true)).toEqual({ y: 2025, m: 7, d: 25 });
    expect(lunarToSolar(1, 6, 2025, false)).toEqual({ y: 2025, m: 6, d: 25 });
  });

  it('round-trips every day of 1990–2050 and numbers days consecutively', () => {
    let previous = solarToLunar(1989, 12, 31);
    const problems: string[] = [];
    let monthStarts = 0;
    for (let jdn = toJdn(1990, 1, 1); jdn <= toJdn(2050, 12, 31); jdn++) {
      const { y, m, d } = fromJdn(jdn);
      const lunar = solarToLunar(y, m, d);
      const back = lunarToSolar(lunar.day, lunar.month, lunar.year, lunar.leap);
      if (back.y !== y || back.m !== m || back.d !== d) problems.push(`round trip ${y}-${m}-${d}`);
      const sameMonth = lunar.month === previous.month && lunar.year === previous.year && lunar.leap === previous.leap;
      if (lunar.day === 1) {
        monthStarts++;
        if (previous.day !== 29 && previous.day !== 30) problems.push(`short/long month before ${y}-${m}-${d}`);
      } else if (lunar.day !== previous.day + 1 || !sameMonth) {
        problems.push(`gap at ${y}-${m}-${d}`);
      }
      previous = lunar;
    }
    expect(problems).toEqual([]);
    // 61 years hold about 61 × 365.2425 / 29.5306 ≈ 754 lunations.
    expect(monthStarts).toBeGreaterThanOrEqual(753);
    expect(monthStarts).toBeLessThanOrEqual(755);
  });

  it('gives each lunar year 12 or 13 months and at most one leap month', () => {
    for (let year = 1990; year <= 2050; year++) {
      const start = toJdn(tetDate(year).y, tetDate(year).m, tetDate(year).d);
      const next = tetDate(year + 1);
      const length = toJdn(next.y, next.m, next.d) - start;
      expect([353, 354, 355, 383, 384, 385]).toContain(length);
    }
  });

  it('rejects a leap month or a 30th day that does not exist', () => {
    const code = (fn: () => unknown): string | undefined => {
      try {
        fn();
      } catch (e) {
        return isAppError(e) ? e.code : 'not an AppError';
      }
      return undefined;
    };
    expect(code(() => lunarToSolar(1, 3, 2026, true))).toBe('CALENDAR_BAD_LUNAR_DATE');
    expect(code(() => lunarToSolar(1, 13, 2026))).toBe('CALENDAR_BAD_LUNAR_DATE');
    // Month 12 of Ất Tỵ (2025) has 29 days: Tết 2026 famously has no "30 Tết"; its eve is 29/12.
    expect(solarToLunar(2026, 2, 16)).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(code(() => lunarToSolar(30, 12, 2025))).toBe('CALENDAR_BAD_LUNAR_DATE');
    expect(code(() => lunarToSolar(29, 12, 2025))).toBeUndefined();
  });
});
