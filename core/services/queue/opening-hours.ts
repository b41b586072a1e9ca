/**
 * When a service group issues tickets (issue #18): the calendar's working windows of its agency (holidays closed),
 * the group's own windows (holidays closed unless openOnHolidays), or always. All in Vietnam time.
 */
import type { CounterConfig, OpeningHours, ServiceGroup } from '../../contract/queue';
import { AppError } from '../../contract/errors';
import { validateWindows, windowsOnDate, type HolidayCalendar, type WindowsConfig } from '../../domain/calendar/index';
import { dayKey, pad, vietnamInstant, vietnamLocal } from '../../domain/time/vietnam';
import type { CalendarService } from '../calendar/calendar-service';

export interface OpeningState {
  open: boolean;
  /** The next instant tickets are issued, when closed and one is found within the look-ahead. */
  nextOpening: Date | null;
}

/** How far ahead the next opening is looked for (Tết holidays last about a week). */
const LOOK_AHEAD_DAYS = 31;

const NO_HOLIDAYS: HolidayCalendar = { isHoliday: () => false, isMakeupWorkday: () => false } as unknown as HolidayCalendar;

/** The Vietnam-time date the queue's day is (tickets are numbered per day). */
export function queueDay(now: Date): string {
  return dayKey(vietnamLocal(now));
}

function windowsOf(hours: Exclude<OpeningHours, { mode: 'always' }>, agencyCode: string | null, calendar: CalendarService): { windows: WindowsConfig; calendar: HolidayCalendar } {
  if (hours.mode === 'calendar') return { windows: calendar.windowsFor(agencyCode ?? undefined), calendar: calendar.holidayCalendar() };
  return { windows: hours.windows, calendar: hours.openOnHolidays ? NO_HOLIDAYS : calendar.holidayCalendar() };
}

export function openingState(group: Pick<ServiceGroup, 'hours' | 'agencyCode'>, now: Date, calendar: CalendarService): OpeningState {
  const hours = group.hours;
  if (hours.mode === 'always') return { open: true, nextOpening: null };
  const options = windowsOf(hours, group.agencyCode, calendar);
  const local = vietnamLocal(now);
  const minute = local.hh * 60 + local.mm;
  // Day by day from today (a date's arithmetic done on UTC noon avoids any edge).
  const base = Date.UTC(local.y, local.m - 1, local.d, 12);
  for (let i = 0; i <= LOOK_AHEAD_DAYS; i++) {
    const d = new Date(base + i * 86_400_000);
    const date = { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
    let windows: (readonly [number, number])[];
    try {
      windows = windowsOnDate(date, options);
    } catch (e) {
      // Windows with no working minute in the week: never open.
      if (e instanceof AppError && e.code === 'CALENDAR_NO_WORKING_TIME') return { open: false, nextOpening: null };
      throw e;
    }
    for (const [start, end] of windows) {
      if (i === 0 && minute >= start && minute < end) return { open: true, nextOpening: null };
      if (i > 0 || start > minute) return { open: false, nextOpening: vietnamInstant({ ...date, hh: Math.floor(start / 60), mm: start % 60 }) };
    }
  }
  return { open: false, nextOpening: null };
}

/** The group's own windows are checked as the calendar checks its own (times, order, overlap, some working time). */
export function checkGroupHours(hours: OpeningHours): void {
  if (hours.mode !== 'windows') return;
  let valid;
  try {
    valid = validateWindows(hours.windows);
  } catch (e) {
    if (e instanceof AppError) throw new AppError(e.code, e.params, { field: `hours.${e.field ?? 'windows'}`, cause: e });
    throw e;
  }
  if (valid.byWeekday.every((day) => day.length === 0)) throw new AppError('CALENDAR_NO_WORKING_TIME', {}, { field: 'hours.windows' });
}

/** "07:30 08/12/2026" in Vietnam time: how the next opening is told. */
export function formatOpening(at: Date): string {
  const l = vietnamLocal(at);
  return `${pad(l.hh)}:${pad(l.mm)} ${pad(l.d)}/${pad(l.m)}/${l.y}`;
}

/** Why the group issues no ticket now (inactive, or outside its hours with the next opening), or null. */
export function closedError(g: ServiceGroup, now: Date, calendar: CalendarService): AppError | null {
  if (!g.active) return new AppError('QUEUE_SERVICE_INACTIVE', { service: g.name });
  const state = openingState(g, now, calendar);
  if (state.open) return null;
  return new AppError('QUEUE_CLOSED', { service: g.name, when: state.nextOpening ? 'some' : 'none', next: state.nextOpening ? formatOpening(state.nextOpening) : '' });
}

/** Once counters are set up, a service no active counter serves issues no ticket (nobody would ever call it). */
export function noCounterError(g: ServiceGroup, counters: readonly CounterConfig[]): AppError | null {
  if (counters.length === 0 || counters.some((c) => c.active && c.groups.includes(g.code))) return null;
  return new AppError('QUEUE_NO_COUNTER', { service: g.name });
}
