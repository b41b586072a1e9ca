/**
 * How the report files write their figures: Vietnamese conventions (dot thousands, comma decimals, dd/mm/yyyy),
 * by hand rather than Intl so the files are the same whatever ICU data the runtime carries. Labels come from
 * core/i18n (reports.file.*), Vietnamese: the agencies' reports are written in Vietnamese.
 */
import { t } from '../../../i18n/translate';

/** The file's text, always Vietnamese (the report goes to the agencies as is). */
export const label = (key: string, params: Record<string, unknown> = {}): string => t(`reports.file.${key}`, params, 'vi');

/** 32371 → "32.371"; -5 → "-5". */
export function formatCount(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.round(Math.abs(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 12.345 with 1 decimal → "12,3"; thousands dotted. */
export function formatDecimal(n: number, decimals = 1): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [whole, frac] = fixed.split('.');
  const sign = n < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + formatCount(Number(whole)) + (frac ? `,${frac}` : '');
}

/**
 * A 0..1 ratio as "97,5%"; null (nothing to divide) as "-". One decimal, more when rounding would claim a whole
 * 100% (5 late of 31.606 is "99,98%", not "100,0%").
 */
export function formatRate(r: number | null): string {
  if (r === null) return '-';
  let decimals = 1;
  while (r < 1 && decimals < 4 && Number((r * 100).toFixed(decimals)) >= 100) decimals++;
  return `${formatDecimal(r * 100, decimals)}%`;
}

/** "2026-06-30" → "30/06/2026". */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** "2026-06" → "06/2026". */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-');
  return `${m}/${y}`;
}

/** An ISO instant as Vietnam local time (UTC+7, no DST): "07/12/2026 15:46". */
export function formatInstantVn(iso: string): string {
  const d = new Date(Date.parse(iso) + 7 * 3600_000);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** bao-cao-2026-01-01_2026-06-30[-AGENCY].xlsx: the agency code kept to file-name-safe characters. */
export function reportFileName(from: string, to: string, agency: string | null, ext: 'xlsx' | 'pdf' | 'json'): string {
  const tag = agency ? `-${agency.replace(/[^A-Za-z0-9._-]+/g, '_')}` : '';
  return `bao-cao-${from}_${to}${tag}.${ext}`;
}
