/**
 * Calendar dates as plain numbers (proleptic Gregorian), never JavaScript `Date`: the machine's time zone
 * must not leak into due dates. A date is counted as its Julian Day Number (JDN), which the lunar
 * algorithm also uses, so the two share one day count.
 */
import { AppError } from '../../contract/errors';

export interface LocalDate {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

/** JDN of 1970-01-01. */
const UNIX_EPOCH_JDN = 2440588;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) &&
    y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
  );
}

/** Julian Day Number of a Gregorian date (days-from-civil with March-based years, integer-only). */
export function toJdn(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const daysSince1970 = era * 146097 + doe - 719468;
  return daysSince1970 + UNIX_EPOCH_JDN;
}

export function fromJdn(jdn: number): LocalDate {
  const z = jdn - UNIX_EPOCH_JDN + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfJdn(jdn: number): number {
  return (((jdn + 1) % 7) + 7) % 7;
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatIsoDate(date: LocalDate): string {
  return `${pad(date.y, 4)}-${pad(date.m)}-${pad(date.d)}`;
}

export function jdnToIso(jdn: number): string {
  return formatIsoDate(fromJdn(jdn));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses 'YYYY-MM-DD'; undefined when the text is not a real date (2026-02-30). */
export function tryParseIsoDate(text: string): LocalDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  return isValidDate(y, m, d) ? { y, m, d } : undefined;
}

/** A day given as 'YYYY-MM-DD' or any {y,m,d} (a LocalDateTime works too), as a JDN. */
export type DateInput = string | LocalDate;

export function dateInputToJdn(date: DateInput, field = 'date'): number {
  const parsed = typeof date === 'string' ? tryParseIsoDate(date) : date;
  if (!parsed || !isValidDate(parsed.y, parsed.m, parsed.d)) {
    throw new AppError('CALENDAR_BAD_DATE', { value: typeof date === 'string' ? date : JSON.stringify(date) }, { field });
  }
  return toJdn(parsed.y, parsed.m, parsed.d);
}
