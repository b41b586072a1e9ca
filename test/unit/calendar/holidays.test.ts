import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../core/contract/errors';
import {
  builtinHolidays,
  createHolidayCalendar,
  parseOfficialCalendar,
  parseOfficialCalendarText,
} from '../../../core/domain/calendar/index';

function thrown(fn: () => unknown): { code: string; field: string | undefined; params: Record<string, unknown> } {
  try {
    fn();
  } catch (e) {
    if (isAppError(e)) return { code: e.code, field: e.field, params: e.params };
    throw e;
  }
  throw new Error('expected an AppError');
}

const dates = (list: { date: string }[]): string[] => list.map((h) => h.date);

describe('built-in public holidays (Labour Code 2019, art. 112)', () => {
  it('lists 2026: New Year, 5 Tết days, Hùng Kings, 30/4, 1/5, 1/9, 2/9 and the Hùng Kings compensatory day', () => {
    const list = builtinHolidays(2026);
    expect(dates(list)).toEqual([
      '2026-01-01',
      '2026-02-16', // Tết eve (29th of the last lunar month)
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26', // Hùng Kings, a Sunday …
      '2026-04-27', // … so Monday is given in compensation
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ]);
    expect(list.find((h) => h.date === '2026-04-27')?.kind).toBe('compensatory');
    expect(list.find((h) => h.date === '2026-02-16')?.kind).toBe('tetEve');
  });

  it('gives each weekend holiday its own next free weekday (chains)', () => {
    // 2022: 30/4 Saturday and 1/5 Sunday → Monday 2 and Tuesday 3 May; Hùng Kings (10/4) a Sunday → 11/4.
    const y2022 = dates(builtinHolidays(2022));
    expect(y2022).toEqual(expect.arrayContaining(['2022-04-10', '2022-04-11', '2022-05-02', '2022-05-03']));
    expect(y2022).not.toContain('2022-05-04');
    // 2028: 30/4 Sunday, 1/5 Monday is itself a holiday → compensation moves on to Tuesday 2 May.
    expect(dates(builtinHolidays(2028))).toEqual(expect.arrayContaining(['2028-04-30', '2028-05-01', '2028-05-02']));
    // 2029: 1/9 Saturday and 2/9 Sunday → Monday 3 and Tuesday 4 September.
    const y2029 = dates(builtinHolidays(2029));
    expect(y2029).toEqual(expect.arrayContaining(['2029-09-03', '2029-09-04']));
    expect(y2029).not.toContain('2029-09-05');
    // 2027: Tết 5–9 Feb includes Saturday 6 and Sunday 7 → Wednesday 10 and Thursday 11; 1/5 Saturday → 3/5.
    const y2027 = builtinHolidays(2027).filter((h) => h.kind === 'compensatory');
    expect(dates(y2027)).toEqual(['2027-02-10', '2027-02-11', '2027-05-03']);
  });

  it('has no compensatory day when no holiday falls on a weekly day off, and honours custom weekly days off', () => {
    // 2026 Sep: 1/9 Tuesday, 2/9 Wednesday.
    expect(builtinHolidays(2026).filter((h) => h.kind === 'compensatory')).toHaveLength(1);
    // An office closed only on Sunday: Hùng Kings 2026 (Sunday) still compensates, nothing else changes.
    const sundayOnly = builtinHolidays(2026, [0]).filter((h) => h.kind === 'compensatory');
    expect(dates(sundayOnly)).toEqual(['2026-04-27']);
    // Closed Saturday only: Saturday 6 Feb 2027 compensates after the Tết block, Sunday 7 Feb earns nothing,
    // and Saturday 1 May compensates on Sunday 2 May, a working day for such an office.
    const saturdayOnly = builtinHolidays(2027, [6]).filter((h) => h.kind === 'compensatory');
    expect(dates(saturdayOnly)).toEqual(['2027-02-10', '2027-05-02']);
  });

  it('names every holiday in Vietnamese and English', () => {
    for (const h of builtinHolidays(2027)) {
      expect(h.nameKey).toBe(`calendar.holidays.${h.kind}`);
      expect(h.names.vi.length).toBeGreaterThan(3);
      expect(h.names.en.length).toBeGreaterThan(3);
      expect(h.names.vi).not.toContain('{{');
    }
    const tet2 = builtinHolidays(2027).find((h) => h.date === '2027-02-07');
    expect(tet2?.names.vi).toContain('mùng 2');
    expect(tet2?.names.en).toContain('day 2');
    const comp = builtinHolidays(2027).find((h) => h.date === '2027-05-03');
    expect(comp?.names.vi).toContain('01/05/2027');
  });
});

describe('HolidayCalendar', () => {
  it('answers isHoliday for built-in years from strings or {y,m,d}', () => {
    const cal = createHolidayCalendar();
    expect(cal.isHoliday('2026-02-17')).toBe(true);
    expect(cal.isHoliday({ y: 2026, m: 4, d: 27 })).toBe(true);
    expect(cal.isHoliday('2026-02-21')).toBe(false); // a Saturday is a weekly day off, not a holiday
    expect(cal.isHoliday('2026-03-02')).toBe(false);
    expect(cal.isMakeupWorkday('2026-02-28')).toBe(false);
    expect(cal.isOfficialYear(2026)).toBe(false);
    expect(thrown(() => cal.isHoliday('2026-02-30')).code).toBe('CALENDAR_BAD_DATE');
  });

  it('lets a listed year of the official file replace the built-in days, compensatory ones included', () => {
    const official = parseOfficialCalendar({
      years: {
        2026: {
          holidays: ['2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-30', '2026-05-01', '2026-09-02', '2026-09-03'],
          workdays: ['2026-01-10'],
        },
      },
    });
    const cal = createHolidayCalendar({ official });
    expect(cal.isOfficialYear(2026)).toBe(true);
    expect(cal.isHoliday('2026-01-02')).toBe(true); // bridge day from the file
    expect(cal.isHoliday('2026-09-03')).toBe(true); // the Government chose 3/9 instead of 1/9
    expect(cal.isHoliday('2026-09-01')).toBe(false); // built-in 1/9 no longer applies
    expect(cal.isHoliday('2026-04-26')).toBe(false); // not listed → replaced
    expect(cal.isHoliday('2026-04-27')).toBe(false); // its compensatory day goes too
    expect(cal.isMakeupWorkday('2026-01-10')).toBe(true);
    expect(cal.makeupWorkdaysOf(2026)).toEqual(['2026-01-10']);
    expect(cal.holidaysOf(2026)).toHaveLength(11);
    expect(cal.holidaysOf(2026).every((h) => h.source === 'official' && h.kind === 'official')).toBe(true);
    // Other years keep the built-in rules.
    expect(cal.isHoliday('2027-02-06')).toBe(true);
    expect(cal.isOfficialYear(2027)).toBe(false);
  });

  it('sorts and de-duplicates the file lists', () => {
    const official = parseOfficialCalendar({ years: { '2030': { holidays: ['2030-05-01', '2030-01-01', '2030-05-01'] } } });
    expect(official.years['2030']).toEqual({ holidays: ['2030-01-01', '2030-05-01'], workdays: [] });
  });
});

describe('official calendar file validation', () => {
  it.each([
    ['an impossible date', { years: { 2026: { holidays: ['2026-01-01', '2026-02-30'] } } }, 'years.2026.holidays.1'],
    ['a badly written date', { years: { 2026: { workdays: ['28/02/2026'] } } }, 'years.2026.workdays.0'],
    ['a date outside its year', { years: { 2026: { holidays: ['2025-12-31'] } } }, 'years.2026.holidays.0'],
    ['a bad year key', { years: { '26': { holidays: [] } } }, 'years.26'],
    ['a misspelt list', { years: { 2026: { holiday: ['2026-01-01'] } } }, 'years.2026'],
    ['a list that is not a list', { years: { 2026: { holidays: '2026-01-01' } } }, 'years.2026.holidays'],
    ['no years at all', { holidays: [] }, 'years'],
    ['not an object', 42, '(root)'],
  ])('rejects %s with CALENDAR_FILE_INVALID at the field', (_label, input, field) => {
    const error = thrown(() => parseOfficialCalendar(input));
    expect(error.code).toBe('CALENDAR_FILE_INVALID');
    expect(error.field).toBe(field);
    expect(error.params.field).toBe(field);
  });

  it('reports the offending value', () => {
    const error = thrown(() => parseOfficialCalendar({ years: { 2026: { holidays: ['2026-13-01'] } } }));
    expect(error.params.value).toBe('2026-13-01');
  });

  it('parses file text, with or without a BOM, and rejects broken JSON', () => {
    const text = '\uFEFF{"years": {"2026": {"holidays": ["2026-02-16"], "workdays": ["2026-02-28"]}}}';
    expect(parseOfficialCalendarText(text).years['2026']?.workdays).toEqual(['2026-02-28']);
    const error = thrown(() => parseOfficialCalendarText('{"years": {'));
    expect(error.code).toBe('CALENDAR_FILE_INVALID');
    expect(error.field).toBe('(root)');
  });
});
