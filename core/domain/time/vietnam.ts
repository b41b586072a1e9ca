/**
 * Vietnam's wall clock (Asia/Ho_Chi_Minh, UTC+7, no daylight saving) from an instant, independent of the
 * machine's own time zone. Receipts, due dates and daily code sequences are all in this time.
 */
import type { LocalDateTime } from '../calendar/local-datetime';

const OFFSET_MS = 7 * 3_600_000;

export function vietnamLocal(instant: Date): LocalDateTime {
  const t = new Date(instant.getTime() + OFFSET_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), hh: t.getUTCHours(), mm: t.getUTCMinutes() };
}

/** The instant of a Vietnam wall-clock time. */
export function vietnamInstant(dt: LocalDateTime): Date {
  return new Date(Date.UTC(dt.y, dt.m - 1, dt.d, dt.hh, dt.mm) - OFFSET_MS);
}

export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** 'YYYY-MM-DD', zero-padded: the key of daily counters (OpenCPS's unpadded key mixed 1 Nov and 11 Jan). */
export function dayKey(dt: { y: number; m: number; d: number }): string {
  return `${dt.y}-${pad(dt.m)}-${pad(dt.d)}`;
}

/** Dates as the central system exchanges them: yyyyMMddHHmmss in Vietnam time. */
export function portalTimestamp(dt: LocalDateTime): string {
  return `${dt.y}${pad(dt.m)}${pad(dt.d)}${pad(dt.hh)}${pad(dt.mm)}00`;
}
