import { mulberry32 } from '../../helpers/seeded-random';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../core/contract/errors';
import {
  computeDue,
  createHolidayCalendar,
  DEFAULT_WINDOWS,
  formatLocalDateTime,
  isWorkingTime,
  parseOfficialCalendar,
  validateWindows,
  windowsOnDate,
  type DueInput,
  type HolidayCalendar,
  type LocalDateTime,
  type WindowsConfig,
} from '../../../core/domain/calendar/index';
import { fromJdn, toJdn, weekdayOfJdn } from '../../../core/domain/calendar/civil';

const builtin = createHolidayCalendar();

function due(received: string, duration: { days?: number; hours?: number }, extra: Partial<DueInput> = {}): string {
  return formatLocalDateTime(computeDue({ received, calendar: builtin, ...duration, ...extra }));
}

function thrown(fn: () => unknown): { code: string; field: string | undefined } {
  try {
    fn();
  } catch (e) {
    if (isAppError(e)) return { code: e.code, field: e.field };
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('computeDue with the default windows (Mon–Fri 08–12, 13–17)', () => {
  it('ends exactly at a window end, never at the next morning', () => {
    expect(due('2026-03-09T08:00', { days: 1 })).toBe('2026-03-09T17:00'); // Monday
    expect(due('2026-03-09T08:00', { days: 2 })).toBe('2026-03-10T17:00');
    expect(due('2026-03-09T08:00', { hours: 4 })).toBe('2026-03-09T12:00'); // not 13:00
  });

  it('skips the lunch break', () => {
    expect(due('2026-03-09T10:00', { hours: 3 })).toBe('2026-03-09T14:00');
    expect(due('2026-03-09T12:30', { hours: 1 })).toBe('2026-03-09T14:00'); // received during lunch
    expect(due('2026-03-09T11:59', { hours: 1 })).toBe('2026-03-09T13:59');
  });

  it('starts at the next window when received before or after hours', () => {
    expect(due('2026-03-09T06:00', { hours: 2 })).toBe('2026-03-09T10:00');
    expect(due('2026-03-09T18:30', { hours: 2 })).toBe('2026-03-10T10:00');
    expect(due('2026-03-09T17:00', { hours: 2 })).toBe('2026-03-10T10:00');
  });

  it('skips weekends', () => {
    // Friday 15:00 + 8 h: 2 h on Friday, 6 h on Monday.
    expect(due('2026-03-06T15:00', { days: 1 })).toBe('2026-03-09T15:00');
    // Received on Saturday: starts Monday 08:00.
    expect(due('2026-03-07T10:00', { days: 1 })).toBe('2026-03-09T17:00');
    expect(due('2026-03-06T08:00', { days: 5 })).toBe('2026-03-12T17:00');
  });

  it('skips the Tết week', () => {
    // Friday 13 Feb 2026 16:00: 1 h, then weekend, Tết 16–20 Feb, weekend, Monday 23 Feb 7 h.
    expect(due('2026-02-13T16:00', { days: 1 })).toBe('2026-02-23T16:00');
    // Received on Tết itself.
    expect(due('2026-02-17T09:00', { days: 1 })).toBe('2026-02-23T17:00');
  });

  it('skips holidays on which the dossier was received', () => {
    // 30/4/2026 is a Thursday holiday, 1/5 Friday too, then the weekend.
    expect(due('2026-04-30T09:00', { days: 1 })).toBe('2026-05-04T17:00');
  });

  it('skips compensatory days', () => {
    // Hùng Kings 2026 is Sunday 26/4 → Monday 27/4 off.
    expect(due('2026-04-24T16:00', { days: 1 })).toBe('2026-04-28T16:00');
    // 2029: 1/9 Saturday and 2/9 Sunday → Monday 3 and Tuesday 4 September off.
    expect(due('2029-08-31T16:00', { days: 1 })).toBe('2029-09-05T16:00');
    // 2022: 30/4 Saturday, 1/5 Sunday → 2 and 3 May off.
    expect(due('2022-04-29T16:00', { days: 1 })).toBe('2022-05-04T16:00');
  });

  it('treats days as hoursPerDay working hours and adds days and hours', () => {
    expect(due('2026-03-09T08:00', { hours: 8 })).toBe(due('2026-03-09T08:00', { days: 1 }));
    expect(due('2026-03-09T08:00', { days: 1 }, { hoursPerDay: 4 })).toBe('2026-03-09T12:00');
    expect(due('2026-03-09T08:00', { days: 1, hours: 2 })).toBe('2026-03-10T10:00');
    expect(due('2026-03-09T08:00', { days: 10 })).toBe('2026-03-20T17:00');
  });

  it('accepts fractional durations to the minute', () => {
    expect(due('2026-03-09T08:00', { hours: 0.5 })).toBe('2026-03-09T08:30');
    expect(due('2026-03-09T08:00', { hours: 1.25 })).toBe('2026-03-09T09:15');
    expect(due('2026-03-09T08:00', { days: 0.5 })).toBe('2026-03-09T12:00');
    expect(due('2026-03-09T08:00', { hours: 1 / 60 })).toBe('2026-03-09T08:01');
  });

  it('gives the receipt itself for a zero duration when open, else the next opening', () => {
    expect(due('2026-03-09T09:10', {})).toBe('2026-03-09T09:10');
    expect(due('2026-03-09T17:00', { days: 0 })).toBe('2026-03-09T17:00');
    expect(due('2026-03-09T12:30', { hours: 0 })).toBe('2026-03-09T13:00');
    expect(due('2026-03-07T10:00', {})).toBe('2026-03-09T08:00'); // Saturday
  });

  it('takes the receipt as an object too', () => {
    const received: LocalDateTime = { y: 2026, m: 3, d: 6, hh: 15, mm: 0 };
    expect(computeDue({ received, days: 1, calendar: builtin })).toEqual({ y: 2026, m: 3, d: 9, hh: 15, mm: 0 });
  });
});

describe('computeDue with an official calendar file', () => {
  const official = parseOfficialCalendar({
    years: {
      2026: {
        // Hypothetical decision: bridge day Friday 2/1 made up on Saturday 10/1; no Hùng Kings compensation.
        holidays: ['2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-26', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02'],
        workdays: ['2026-01-10'],
      },
    },
  });
  const calendar = createHolidayCalendar({ official });

  it('works make-up Saturdays with Monday’s windows', () => {
    // Friday 9/1 16:00: 1 h, then Saturday 10/1 (make-up) 7 h → 16:00 on Saturday.
    expect(due('2026-01-09T16:00', { days: 1 }, { calendar })).toBe('2026-01-10T16:00');
    // Without the file the Saturday is off.
    expect(due('2026-01-09T16:00', { days: 1 })).toBe('2026-01-12T16:00');
    expect(windowsOnDate({ y: 2026, m: 1, d: 10 }, { calendar })).toEqual([[480, 720], [780, 1020]]);
  });

  it('uses another weekday’s windows for make-up days when configured', () => {
    // Short Fridays (08–12). Received Friday 16:00, after that day's hours.
    const windows: WindowsConfig = { ...DEFAULT_WINDOWS, 5: [['08:00', '12:00']] };
    // Make-up Saturday worked like a Friday: 4 h, then 4 h on Monday.
    expect(due('2026-01-09T16:00', { days: 1 }, { calendar, windows, makeupWeekday: 5 })).toBe('2026-01-12T12:00');
    // Default: like a Monday, the whole 8 h on Saturday.
    expect(due('2026-01-09T16:00', { days: 1 }, { calendar, windows })).toBe('2026-01-10T17:00');
  });

  it('replaces the built-in days: the bridge day is off, the built-in compensatory day is worked', () => {
    expect(due('2026-01-01T09:00', { hours: 2 }, { calendar })).toBe('2026-01-05T10:00');
    expect(due('2026-01-01T09:00', { hours: 2 })).toBe('2026-01-02T10:00');
    expect(due('2026-04-24T16:00', { days: 1 }, { calendar })).toBe('2026-04-27T16:00');
    expect(due('2026-04-24T16:00', { days: 1 })).toBe('2026-04-28T16:00');
  });

  it('works a make-up day even if it is also listed as a holiday', () => {
    const clash = createHolidayCalendar({
      official: parseOfficialCalendar({ years: { 2026: { holidays: ['2026-01-10'], workdays: ['2026-01-10'] } } }),
    });
    expect(isWorkingTime('2026-01-10T09:00', { calendar: clash })).toBe(true);
  });
});

describe('working windows validation', () => {
  it.each<[string, unknown, string]>([
    ['an unpadded hour', { 1: [['8:00', '12:00']] }, 'windows.1.0.start'],
    ['hour 25', { 1: [['08:00', '25:00']] }, 'windows.1.0.end'],
    ['start after end', { 2: [['13:00', '12:00']] }, 'windows.2.0'],
    ['an empty window', { 2: [['13:00', '13:00']] }, 'windows.2.0'],
    ['overlapping windows', { 3: [['08:00', '12:00'], ['11:00', '14:00']] }, 'windows.3.1'],
    ['overlap given out of order', { 3: [['11:00', '14:00'], ['08:00', '12:00']] }, 'windows.3.0'],
    ['weekday 7', { 7: [['08:00', '12:00']] }, 'windows.7'],
    ['a window that is not a pair', { 1: [['08:00']] }, 'windows.1.0'],
    ['a day that is not a list', { 1: '08:00-12:00' }, 'windows.1'],
  ])('rejects %s with CALENDAR_WINDOWS_INVALID', (_label, windows, field) => {
    const error = thrown(() => validateWindows(windows as WindowsConfig));
    expect(error).toEqual({ code: 'CALENDAR_WINDOWS_INVALID', field });
  });

  it('accepts touching windows and string weekday keys (as parsed from JSON)', () => {
    const parsed = validateWindows(JSON.parse('{"1": [["13:00", "17:00"], ["08:00", "13:00"]]}') as WindowsConfig);
    expect(parsed.byWeekday[1]).toEqual([[480, 780], [780, 1020]]);
    expect(parsed.byWeekday[0]).toEqual([]);
  });

  it('rejects a make-up weekday outside 0–6', () => {
    expect(thrown(() => computeDue({ received: '2026-03-09T08:00', days: 1, calendar: builtin, makeupWeekday: 7 }))).toEqual({
      code: 'CALENDAR_WINDOWS_INVALID',
      field: 'makeupWeekday',
    });
  });
});

describe('computeDue errors', () => {
  it('refuses when no working time is configured at all', () => {
    expect(thrown(() => computeDue({ received: '2026-03-09T08:00', days: 1, calendar: builtin, windows: {} })).code).toBe(
      'CALENDAR_NO_WORKING_TIME',
    );
    expect(thrown(() => computeDue({ received: '2026-03-09T08:00', days: 1, calendar: builtin, windows: { 1: [] } })).code).toBe(
      'CALENDAR_NO_WORKING_TIME',
    );
  });

  it('stops instead of looping when the holiday file blocks every working day for years', () => {
    // Only Wednesdays are worked, and the file makes every Wednesday of 2026–2036 a holiday.
    const years: Record<string, { holidays: string[] }> = {};
    for (let jdn = toJdn(2026, 1, 1); jdn <= toJdn(2036, 12, 31); jdn++) {
      if (weekdayOfJdn(jdn) !== 3) continue;
      const { y, m, d } = fromJdn(jdn);
      const key = String(y);
      (years[key] ??= { holidays: [] }).holidays.push(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    }
    const calendar = createHolidayCalendar({ official: parseOfficialCalendar({ years }) });
    const error = thrown(() =>
      computeDue({ received: '2026-01-05T08:00', days: 1, calendar, windows: { 3: [['08:00', '17:00']] } }),
    );
    expect(error.code).toBe('CALENDAR_NO_WORKING_TIME');
  });

  it.each([
    [{ days: -1 }, 'days'],
    [{ hours: Number.NaN }, 'hours'],
    [{ hours: Number.POSITIVE_INFINITY }, 'hours'],
    [{ days: 1, hoursPerDay: 0 }, 'hoursPerDay'],
  ])('rejects the duration %j', (duration, field) => {
    expect(thrown(() => computeDue({ received: '2026-03-09T08:00', calendar: builtin, ...duration }))).toEqual({
      code: 'CALENDAR_BAD_DURATION',
      field,
    });
  });

  it('rejects an impossible receipt time', () => {
    expect(thrown(() => computeDue({ received: '2026-02-30T08:00', days: 1, calendar: builtin }))).toEqual({
      code: 'CALENDAR_BAD_DATETIME',
      field: 'received',
    });
  });
});

describe('computeDue properties', () => {
  // Seeded generator so a failure can be replayed.
  const rng = mulberry32;
  const random = rng(20260217);
  const randomReceipt = (): LocalDateTime => {
    const { y, m, d } = fromJdn(toJdn(2025, 1, 1) + Math.floor(random() * 3 * 365));
    return { y, m, d, hh: Math.floor(random() * 24), mm: Math.floor(random() * 60) };
  };
  const minutes = (dt: LocalDateTime): number => toJdn(dt.y, dt.m, dt.d) * 1440 + dt.hh * 60 + dt.mm;

  /** Independent reference: walk minute by minute with the raw window strings. */
  function referenceDue(received: LocalDateTime, totalMinutes: number, calendar: HolidayCalendar): number {
    const dayCache = new Map<number, [number, number][]>();
    const windowsOf = (jdn: number): [number, number][] => {
      let w = dayCache.get(jdn);
      if (!w) {
        const date = fromJdn(jdn);
        const weekday = calendar.isMakeupWorkday(date) ? 1 : calendar.isHoliday(date) ? -1 : weekdayOfJdn(jdn);
        const specs = weekday >= 1 && weekday <= 5 ? [['08:00', '12:00'], ['13:00', '17:00']] : [];
        w = specs.map(([s, e]) => [Number(s!.slice(0, 2)) * 60 + Number(s!.slice(3)), Number(e!.slice(0, 2)) * 60 + Number(e!.slice(3))]);
        dayCache.set(jdn, w);
      }
      return w;
    };
    let t = minutes(received);
    let counted = 0;
    for (;;) {
      const jdn = Math.floor(t / 1440);
      const minute = t % 1440;
      if (windowsOf(jdn).some(([s, e]) => minute >= s && minute < e)) counted++;
      t++;
      if (counted === totalMinutes) return t;
    }
  }

  it('agrees with a minute-by-minute reference on random receipts and durations', () => {
    for (let i = 0; i < 150; i++) {
      const received = randomReceipt();
      const total = 1 + Math.floor(random() * 3 * 480);
      const got = computeDue({ received, hours: total / 60, calendar: builtin });
      expect(minutes(got), `${formatLocalDateTime(received)} + ${total} min`).toBe(referenceDue(received, total, builtin));
    }
  });

  it('always ends inside a window or exactly at its end, and grows with the duration', () => {
    for (let i = 0; i < 100; i++) {
      const received = randomReceipt();
      let previous = -Infinity;
      for (let days = 1; days <= 12; days++) {
        const got = computeDue({ received, days, calendar: builtin });
        const minute = got.hh * 60 + got.mm;
        const windows = windowsOnDate(got, { calendar: builtin });
        expect(windows.some(([s, e]) => minute > s && minute <= e)).toBe(true);
        expect(minutes(got)).toBeGreaterThan(previous);
        previous = minutes(got);
      }
    }
  });

  it('is additive: a + b hours from a receipt equals b hours after the due of a', () => {
    for (let i = 0; i < 100; i++) {
      const received = randomReceipt();
      const a = 1 + Math.floor(random() * 20);
      const b = 1 + Math.floor(random() * 20);
      const whole = computeDue({ received, hours: a + b, calendar: builtin });
      const split = computeDue({ received: computeDue({ received, hours: a, calendar: builtin }), hours: b, calendar: builtin });
      expect(split).toEqual(whole);
    }
  });
});

describe('computeDue performance and time-zone independence', () => {
  it('computes a 365-day processing time in well under 50 ms', () => {
    const calendar = createHolidayCalendar(); // fresh: includes computing several years of holidays
    const start = performance.now();
    const got = computeDue({ received: '2026-01-05T09:00', days: 365, calendar });
    const elapsed = performance.now() - start;
    expect(elapsed).toBeLessThan(50);
    expect(got.y).toBe(2027);
  });

  it('gives the same answers whatever TZ the process has', () => {
    const saved = process.env.TZ;
    try {
      const results = ['Asia/Ho_Chi_Minh', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'].map((tz) => {
        process.env.TZ = tz;
        return [due('2026-02-13T16:00', { days: 1 }, { calendar: createHolidayCalendar() }), due('2025-12-31T16:30', { hours: 2 })];
      });
      expect(new Set(results.map((r) => r.join('|'))).size).toBe(1);
      expect(results[0]).toEqual(['2026-02-23T16:00', '2026-01-02T09:30']);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
