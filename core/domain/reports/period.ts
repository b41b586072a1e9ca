/**
 * A report's period (issue #19): whole Vietnam days [from 00:00, to + 1 00:00), checked, with the bounds the store's
 * two time formats compare against — Vietnam local 'YYYY-MM-DDTHH:MM' (dossiers' dates) and UTC instants
 * 'YYYY-MM-DDTHH:MM:SS.sssZ' (pages, OCR, transitions). Both compare as text.
 */
import { AppError } from '../../contract/errors';
import { jdnToIso, toJdn, tryParseIsoDate } from '../calendar/civil';

/** The longest period a report covers: a (leap) year. */
export const MAX_PERIOD_DAYS = 366;

export interface ReportPeriod {
  from: string;
  to: string;
  /** Number of days, from and to included. */
  days: number;
  /** Local bounds: start included, end excluded ('YYYY-MM-DDT00:00'). */
  startLocal: string;
  endLocal: string;
  /** The same instants in UTC ('…T17:00:00.000Z' of the day before). */
  startIso: string;
  endIso: string;
}

function dayJdn(day: string, field: 'from' | 'to'): number {
  const d = tryParseIsoDate(day);
  if (!d) throw new AppError('REPORT_BAD_DAY', { day, field }, { field });
  return toJdn(d.y, d.m, d.d);
}

/** The UTC instant, as stored ('…Z' with milliseconds), of a Vietnam day's midnight. */
export function dayStartIso(day: string): string {
  const d = tryParseIsoDate(day);
  if (!d) throw new AppError('REPORT_BAD_DAY', { day, field: 'from' }, { field: 'from' });
  return new Date(Date.UTC(d.y, d.m - 1, d.d) - 7 * 3_600_000).toISOString();
}

export function reportPeriod(from: string, to: string): ReportPeriod {
  const a = dayJdn(from, 'from');
  const b = dayJdn(to, 'to');
  if (a > b) throw new AppError('REPORT_BAD_PERIOD', { from, to }, { field: 'from' });
  const days = b - a + 1;
  if (days > MAX_PERIOD_DAYS) throw new AppError('REPORT_PERIOD_TOO_LONG', { from, to, days, max: MAX_PERIOD_DAYS }, { field: 'to' });
  const end = jdnToIso(b + 1);
  // The day after `to` must be a day too (9999-12-31 has none): named as the day typed, not one never typed.
  if (!tryParseIsoDate(end)) throw new AppError('REPORT_BAD_DAY', { day: to, field: 'to' }, { field: 'to' });
  return { from, to, days, startLocal: `${from}T00:00`, endLocal: `${end}T00:00`, startIso: dayStartIso(from), endIso: dayStartIso(end) };
}

/** Every day of the period, in order. */
export function periodDays(p: Pick<ReportPeriod, 'from' | 'days'>): string[] {
  const a = dayJdn(p.from, 'from');
  return Array.from({ length: p.days }, (_, i) => jdnToIso(a + i));
}

/** Every month ('YYYY-MM') the period touches, in order. */
export function periodMonths(p: Pick<ReportPeriod, 'from' | 'to'>): string[] {
  const months: string[] = [];
  let [y, m] = [Number(p.from.slice(0, 4)), Number(p.from.slice(5, 7))];
  const last = p.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
}

/** Vietnam local 'YYYY-MM-DDTHH:MM' of a UTC instant as stored ('…Z'). */
export function localOfIso(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 16);
}

/** The instant a period's pending dossiers are judged at: its end, or now when it has not ended (local text). */
export function judgedAt(period: Pick<ReportPeriod, 'endLocal'>, nowLocal: string): string {
  return nowLocal < period.endLocal ? nowLocal : period.endLocal;
}
