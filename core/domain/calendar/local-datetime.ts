/**
 * Vietnam wall-clock date-times (Asia/Ho_Chi_Minh, UTC+7, no DST) as plain fields. Never converted through
 * JavaScript `Date`, so results do not depend on the machine's time zone.
 */
import { AppError } from '../../contract/errors';
import { fromJdn, isValidDate, pad, toJdn } from './civil';

export interface LocalDateTime {
  readonly y: number;
  readonly m: number;
  readonly d: number;
  readonly hh: number;
  readonly mm: number;
}

const MINUTES_PER_DAY = 24 * 60;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export function isValidLocalDateTime(dt: LocalDateTime): boolean {
  return (
    isValidDate(dt.y, dt.m, dt.d) &&
    Number.isInteger(dt.hh) && Number.isInteger(dt.mm) &&
    dt.hh >= 0 && dt.hh <= 23 && dt.mm >= 0 && dt.mm <= 59
  );
}

/** Parses 'YYYY-MM-DDTHH:mm'; impossible values (2026-02-30, 25:00) throw CALENDAR_BAD_DATETIME. */
export function parseLocalDateTime(text: string, field = 'datetime'): LocalDateTime {
  const match = LOCAL_DATE_TIME.exec(text.trim());
  const dt = match
    ? { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]), hh: Number(match[4]), mm: Number(match[5]) }
    : undefined;
  if (!dt || !isValidLocalDateTime(dt)) throw new AppError('CALENDAR_BAD_DATETIME', { value: text }, { field });
  return dt;
}

/** Accepts either form; an object is checked like a parsed string. */
export function toLocalDateTime(value: LocalDateTime | string, field = 'datetime'): LocalDateTime {
  if (typeof value === 'string') return parseLocalDateTime(value, field);
  if (!isValidLocalDateTime(value)) throw new AppError('CALENDAR_BAD_DATETIME', { value: JSON.stringify(value) }, { field });
  return value;
}

/** 'YYYY-MM-DDTHH:mm' */
export function formatLocalDateTime(dt: LocalDateTime): string {
  return `${pad(dt.y, 4)}-${pad(dt.m)}-${pad(dt.d)}T${pad(dt.hh)}:${pad(dt.mm)}`;
}

/** 'dd/MM/yyyy HH:mm', as printed on receipts. */
export function formatVn(dt: LocalDateTime): string {
  return `${pad(dt.d)}/${pad(dt.m)}/${pad(dt.y, 4)} ${pad(dt.hh)}:${pad(dt.mm)}`;
}

/** Minutes since JDN 0 at 00:00: a total order usable for comparing and subtracting date-times. */
export function toEpochMinutes(dt: LocalDateTime): number {
  return toJdn(dt.y, dt.m, dt.d) * MINUTES_PER_DAY + dt.hh * 60 + dt.mm;
}

export function fromEpochMinutes(total: number): LocalDateTime {
  const jdn = Math.floor(total / MINUTES_PER_DAY);
  const minute = total - jdn * MINUTES_PER_DAY;
  const { y, m, d } = fromJdn(jdn);
  return { y, m, d, hh: Math.floor(minute / 60), mm: minute % 60 };
}

export function compareLocalDateTime(a: LocalDateTime, b: LocalDateTime): number {
  return toEpochMinutes(a) - toEpochMinutes(b);
}
