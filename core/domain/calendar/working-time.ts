/**
 * Due dates in working time. A processing time of N days is N × hoursPerDay working hours; hours are consumed
 * only inside the working windows, starting at the receipt (or at the next window's start when received
 * outside one). The due instant is where the hours run out — a window's end stays that end (17:00), it never
 * rolls over to the next morning.
 */
import { AppError } from '../../contract/errors';
import { fromJdn, toJdn, weekdayOfJdn } from './civil';
import type { HolidayCalendar } from './holidays';
import { formatLocalDateTime, toLocalDateTime, type LocalDateTime } from './local-datetime';

/** ["08:00", "12:00"] */
export type WindowSpec = readonly [string, string];
/** Windows per weekday, 0 = Sunday … 6 = Saturday; a missing weekday has no working time. */
export type WindowsConfig = Readonly<Partial<Record<string, readonly WindowSpec[]>>>;

/** Validated windows as [startMinute, endMinute) pairs, sorted, per weekday 0–6. */
export interface WorkingWindows {
  readonly kind: 'working-windows';
  readonly byWeekday: readonly (readonly (readonly [number, number])[])[];
}

const STANDARD_DAY: readonly WindowSpec[] = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
];

/** Monday–Friday, 08:00–12:00 and 13:00–17:00. */
export const DEFAULT_WINDOWS: WindowsConfig = {
  1: STANDARD_DAY,
  2: STANDARD_DAY,
  3: STANDARD_DAY,
  4: STANDARD_DAY,
  5: STANDARD_DAY,
};

export const DEFAULT_HOURS_PER_DAY = 8;
/** Make-up working days (often Saturdays) follow Monday's windows unless configured otherwise. */
export const DEFAULT_MAKEUP_WEEKDAY = 1;
/** More consecutive days than this without working time means the configuration can never yield a due date. */
const MAX_IDLE_DAYS = 3700;

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function windowsError(field: string, value: unknown): AppError {
  return new AppError('CALENDAR_WINDOWS_INVALID', { value: typeof value === 'string' ? value : JSON.stringify(value) ?? '' }, { field });
}

function parseMinute(text: unknown, field: string): number {
  const match = typeof text === 'string' ? HH_MM.exec(text) : null;
  if (!match) throw windowsError(field, text);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * Checks window strings (HH:mm, start < end, no overlap within a day; touching is fine) and converts them.
 * Field paths look like `windows.1.0.end`. Passing an already validated object returns it unchanged.
 */
export function validateWindows(config: WindowsConfig | WorkingWindows): WorkingWindows {
  if ((config as WorkingWindows).kind === 'working-windows') return config as WorkingWindows;
  if (config === null || typeof config !== 'object' || Array.isArray(config)) throw windowsError('windows', config);
  const byWeekday: (readonly [number, number])[][] = [[], [], [], [], [], [], []];
  for (const [key, list] of Object.entries(config as Record<string, unknown>)) {
    const weekday = Number(key);
    if (!/^[0-6]$/.test(key)) throw windowsError(`windows.${key}`, key);
    if (!Array.isArray(list)) throw windowsError(`windows.${key}`, list);
    const day = list.map((spec: unknown, i): readonly [number, number] => {
      const field = `windows.${key}.${i}`;
      if (!Array.isArray(spec) || spec.length !== 2) throw windowsError(field, spec);
      const start = parseMinute(spec[0], `${field}.start`);
      const end = parseMinute(spec[1], `${field}.end`);
      if (start >= end) throw windowsError(field, `${String(spec[0])}-${String(spec[1])}`);
      return [start, end];
    });
    const order = day.map((w, i) => ({ w, i })).sort((a, b) => a.w[0] - b.w[0]);
    for (let j = 1; j < order.length; j++) {
      const prev = order[j - 1]!;
      const cur = order[j]!;
      if (cur.w[0] < prev.w[1]) throw windowsError(`windows.${key}.${cur.i}`, (list[cur.i] as string[]).join('-'));
    }
    byWeekday[weekday] = order.map((o) => o.w);
  }
  return { kind: 'working-windows', byWeekday };
}

export interface WorkingTimeOptions {
  windows?: WindowsConfig | WorkingWindows;
  calendar: HolidayCalendar;
  /** Weekday whose windows a make-up working day uses (default Monday). */
  makeupWeekday?: number;
}

export interface DueInput extends WorkingTimeOptions {
  received: LocalDateTime | string;
  days?: number;
  hours?: number;
  /** Working hours in one processing day (default 8). */
  hoursPerDay?: number;
}

interface Engine {
  windowsOn(jdn: number): readonly (readonly [number, number])[];
}

function makeEngine(options: WorkingTimeOptions): Engine {
  const windows = validateWindows(options.windows ?? DEFAULT_WINDOWS);
  const makeupWeekday = options.makeupWeekday ?? DEFAULT_MAKEUP_WEEKDAY;
  if (!Number.isInteger(makeupWeekday) || makeupWeekday < 0 || makeupWeekday > 6) {
    throw windowsError('makeupWeekday', String(makeupWeekday));
  }
  if (windows.byWeekday.every((day) => day.length === 0)) {
    throw new AppError('CALENDAR_NO_WORKING_TIME', {}, { field: 'windows' });
  }
  const { calendar } = options;
  return {
    windowsOn(jdn) {
      const date = fromJdn(jdn);
      if (calendar.isMakeupWorkday(date)) return windows.byWeekday[makeupWeekday] ?? [];
      if (calendar.isHoliday(date)) return [];
      return windows.byWeekday[weekdayOfJdn(jdn)] ?? [];
    },
  };
}

function at(jdn: number, minute: number): LocalDateTime {
  const { y, m, d } = fromJdn(jdn);
  return { y, m, d, hh: Math.floor(minute / 60), mm: minute % 60 };
}

function durationMinutes(days: number, hours: number, hoursPerDay: number): number {
  const bad = (value: unknown, field: string): AppError => new AppError('CALENDAR_BAD_DURATION', { value: String(value) }, { field });
  if (!Number.isFinite(days) || days < 0) throw bad(days, 'days');
  if (!Number.isFinite(hours) || hours < 0) throw bad(hours, 'hours');
  if (!Number.isFinite(hoursPerDay) || hoursPerDay <= 0) throw bad(hoursPerDay, 'hoursPerDay');
  return Math.round((days * hoursPerDay + hours) * 60);
}

/**
 * The due instant of a processing time given in working days and/or hours (they add up).
 * A zero duration gives the receipt itself when the office is open then (window ends included),
 * otherwise the start of the next window: the earliest moment a result could be handed back.
 * Walks day by day (never minute by minute), so a year-long processing time costs a few hundred steps.
 */
export function computeDue(input: DueInput): LocalDateTime {
  const received = toLocalDateTime(input.received, 'received');
  let remaining = durationMinutes(input.days ?? 0, input.hours ?? 0, input.hoursPerDay ?? DEFAULT_HOURS_PER_DAY);
  const engine = makeEngine(input);
  let jdn = toJdn(received.y, received.m, received.d);
  let from = received.hh * 60 + received.mm;

  if (remaining === 0 && engine.windowsOn(jdn).some(([s, e]) => from >= s && from <= e)) return received;

  let idleDays = 0;
  for (;;) {
    let worked = false;
    for (const [start, end] of engine.windowsOn(jdn)) {
      if (end <= from) continue;
      worked = true;
      const begin = Math.max(start, from);
      const available = end - begin;
      if (remaining <= available) return at(jdn, begin + remaining);
      remaining -= available;
    }
    idleDays = worked ? 0 : idleDays + 1;
    if (idleDays > MAX_IDLE_DAYS) {
      throw new AppError('CALENDAR_NO_WORKING_TIME', { from: formatLocalDateTime(received) }, { field: 'windows' });
    }
    jdn++;
    from = 0;
  }
}

/** The working windows of one day ([startMinute, endMinute) pairs), after holidays and make-up days. */
export function windowsOnDate(date: { y: number; m: number; d: number }, options: WorkingTimeOptions): (readonly [number, number])[] {
  return [...makeEngine(options).windowsOn(toJdn(date.y, date.m, date.d))];
}

/** True when the office is working at this instant (start inclusive, end exclusive). */
export function isWorkingTime(value: LocalDateTime | string, options: WorkingTimeOptions): boolean {
  const dt = toLocalDateTime(value);
  const minute = dt.hh * 60 + dt.mm;
  return windowsOnDate(dt, options).some(([s, e]) => minute >= s && minute < e);
}
