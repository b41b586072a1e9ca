/**
 * Public holidays (Labour Code 2019, art. 112) computed for any year, and the HolidayCalendar that merges
 * them with an agency's official file. A year listed in the official file uses exactly the file's days
 * (the Government's announcement wins over anything computed here).
 */
import { calendar as messages } from '../../i18n/messages/calendar';
import type { Locale, MessageTree } from '../../i18n/types';
import { dateInputToJdn, fromJdn, jdnToIso, pad, toJdn, weekdayOfJdn, type DateInput } from './civil';
import { hungKingsDate, tetDate, VIETNAM_TZ } from './lunar';
import type { OfficialCalendar } from './official-calendar';

export type HolidayKind =
  | 'newYear'
  | 'tetEve'
  | 'tet'
  | 'hungKings'
  | 'reunification'
  | 'labour'
  | 'nationalDay'
  | 'nationalDayAdjacent'
  | 'compensatory'
  | 'official';

export interface Holiday {
  /** 'YYYY-MM-DD' */
  date: string;
  kind: HolidayKind;
  /** Catalogue key of the name, e.g. calendar.holidays.tet */
  nameKey: string;
  nameParams: Record<string, string | number>;
  /** The name already resolved in both languages. */
  names: Record<Locale, string>;
  source: 'builtin' | 'official';
}

export interface HolidayCalendar {
  isHoliday(date: DateInput): boolean;
  isMakeupWorkday(date: DateInput): boolean;
  /** Days off of a Gregorian year, in date order. */
  holidaysOf(year: number): Holiday[];
  /** Make-up working days of a year ('YYYY-MM-DD'), from the official file. */
  makeupWorkdaysOf(year: number): string[];
  /** True when the year's days off come from the official file rather than the built-in rules. */
  isOfficialYear(year: number): boolean;
}

export interface HolidayCalendarOptions {
  official?: OfficialCalendar;
  /** Weekly days off (0 = Sunday … 6 = Saturday) that make a holiday earn a compensatory day. */
  weekendDays?: readonly number[];
  tz?: number;
}

function holidayName(kind: HolidayKind, params: Record<string, string | number>, locale: Locale): string {
  const holidays = (messages[locale].calendar as MessageTree).holidays as MessageTree;
  const template = holidays[kind] as string;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

function makeHoliday(jdn: number, kind: HolidayKind, source: Holiday['source'], params: Record<string, string | number> = {}): Holiday {
  return {
    date: jdnToIso(jdn),
    kind,
    nameKey: `calendar.holidays.${kind}`,
    nameParams: params,
    names: { vi: holidayName(kind, params, 'vi'), en: holidayName(kind, params, 'en') },
    source,
  };
}

function vnDate(jdn: number): string {
  const { y, m, d } = fromJdn(jdn);
  return `${pad(d)}/${pad(m)}/${y}`;
}

/**
 * The statutory days off of `year` with their compensatory days. Each holiday on a weekly day off gets its own
 * compensatory day: the first later day that is neither a weekly day off, a holiday, nor already given as one.
 */
export function builtinHolidays(year: number, weekendDays: readonly number[] = [0, 6], tz: number = VIETNAM_TZ): Holiday[] {
  const tet = tetDate(year, tz);
  const tetJdn = toJdn(tet.y, tet.m, tet.d);
  const hung = hungKingsDate(year, tz);
  const statutory: Holiday[] = [
    makeHoliday(toJdn(year, 1, 1), 'newYear', 'builtin'),
    makeHoliday(tetJdn - 1, 'tetEve', 'builtin'),
    ...[1, 2, 3, 4].map((day) => makeHoliday(tetJdn + day - 1, 'tet', 'builtin', { day })),
    makeHoliday(toJdn(hung.y, hung.m, hung.d), 'hungKings', 'builtin'),
    makeHoliday(toJdn(year, 4, 30), 'reunification', 'builtin'),
    makeHoliday(toJdn(year, 5, 1), 'labour', 'builtin'),
    makeHoliday(toJdn(year, 9, 1), 'nationalDayAdjacent', 'builtin'),
    makeHoliday(toJdn(year, 9, 2), 'nationalDay', 'builtin'),
  ].sort((a, b) => a.date.localeCompare(b.date));

  const taken = new Set(statutory.map((h) => dateInputToJdn(h.date)));
  const isWeekend = (jdn: number): boolean => weekendDays.includes(weekdayOfJdn(jdn));
  const compensatory: Holiday[] = [];
  for (const holiday of statutory) {
    const jdn = dateInputToJdn(holiday.date);
    if (!isWeekend(jdn)) continue;
    let day = jdn + 1;
    while (isWeekend(day) || taken.has(day)) day++;
    taken.add(day);
    compensatory.push(makeHoliday(day, 'compensatory', 'builtin', { date: vnDate(jdn) }));
  }
  return [...statutory, ...compensatory].sort((a, b) => a.date.localeCompare(b.date));
}

interface YearData {
  holidays: Holiday[];
  holidaySet: Set<number>;
  workdaySet: Set<number>;
  workdays: string[];
  official: boolean;
}

export function createHolidayCalendar(options: HolidayCalendarOptions = {}): HolidayCalendar {
  const weekendDays = options.weekendDays ?? [0, 6];
  const tz = options.tz ?? VIETNAM_TZ;
  const officialYears = options.official?.years ?? {};
  const cache = new Map<number, YearData>();

  function yearData(year: number): YearData {
    let data = cache.get(year);
    if (data) return data;
    const entry = officialYears[String(year)];
    if (entry) {
      const holidays = entry.holidays.map((date) => makeHoliday(dateInputToJdn(date), 'official', 'official'));
      data = {
        holidays,
        holidaySet: new Set(holidays.map((h) => dateInputToJdn(h.date))),
        workdays: [...entry.workdays],
        workdaySet: new Set(entry.workdays.map((date) => dateInputToJdn(date))),
        official: true,
      };
    } else {
      const holidays = builtinHolidays(year, weekendDays, tz);
      data = {
        holidays,
        holidaySet: new Set(holidays.map((h) => dateInputToJdn(h.date))),
        workdays: [],
        workdaySet: new Set(),
        official: false,
      };
    }
    cache.set(year, data);
    return data;
  }

  function isHolidayJdn(jdn: number): boolean {
    const { y } = fromJdn(jdn);
    const own = yearData(y);
    if (own.holidaySet.has(jdn)) return true;
    // A computed compensatory day may spill into the next year, unless that year is set by the official file.
    return !own.official && !yearData(y - 1).official && yearData(y - 1).holidaySet.has(jdn);
  }

  return {
    isHoliday: (date) => isHolidayJdn(dateInputToJdn(date)),
    isMakeupWorkday: (date) => {
      const jdn = dateInputToJdn(date);
      return yearData(fromJdn(jdn).y).workdaySet.has(jdn);
    },
    holidaysOf: (year) => yearData(year).holidays.map((h) => ({ ...h })),
    makeupWorkdaysOf: (year) => [...yearData(year).workdays],
    isOfficialYear: (year) => yearData(year).official,
  };
}
