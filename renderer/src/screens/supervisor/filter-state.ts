/**
 * The dashboard's filter as data: read from and written to the address's query (a reload or a shared link keeps
 * it), and the quick periods. Days are Vietnam days ("YYYY-MM-DD"), whatever the machine's time zone.
 */
import type { ReportFilter } from '../../../../core/contract/reports';

export type QuickPeriod = 'today' | 'last7' | 'thisMonth' | 'firstHalf' | 'secondHalf' | 'thisYear';
export const QUICK_PERIODS: readonly QuickPeriod[] = ['today', 'last7', 'thisMonth', 'firstHalf', 'secondHalf', 'thisYear'];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

const pad = (n: number) => String(n).padStart(2, '0');

/** Today in Vietnam as "YYYY-MM-DD". */
export function vietnamToday(now: Date = new Date()): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** A real calendar day (2026-02-30 is not). */
export function isDay(s: string): boolean {
  if (!DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** What a supervisor types, 'd/m/yyyy' (Vietnamese order), → 'YYYY-MM-DD'; null when it is not a real day. */
export function parseVnDay(text: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return null;
  const day = `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
  return isDay(day) ? day : null;
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The days of a quick choice, relative to `today`. */
export function quickPeriod(kind: QuickPeriod, today: string): { from: string; to: string } {
  const y = today.slice(0, 4);
  const m = today.slice(5, 7);
  switch (kind) {
    case 'today':
      return { from: today, to: today };
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'thisMonth': {
      const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
      return { from: `${y}-${m}-01`, to: `${y}-${m}-${pad(last)}` };
    }
    case 'firstHalf':
      return { from: `${y}-01-01`, to: `${y}-06-30` };
    case 'secondHalf':
      return { from: `${y}-07-01`, to: `${y}-12-31` };
    case 'thisYear':
      return { from: `${y}-01-01`, to: `${y}-12-31` };
  }
}

/** The quick choice these days are, if any (the pressed button shows it). */
export function matchingQuick(filter: Pick<ReportFilter, 'from' | 'to'>, today: string): QuickPeriod | null {
  return QUICK_PERIODS.find((k) => {
    const p = quickPeriod(k, today);
    return p.from === filter.from && p.to === filter.to;
  }) ?? null;
}

const SCOPE_KEYS = ['agency', 'counter', 'clerk'] as const;

/** The filter in the query; a missing or broken period falls back to today (the fast first paint). */
export function filterFromQuery(query: string, today: string): ReportFilter {
  const p = new URLSearchParams(query);
  const from = p.get('from') ?? '';
  const to = p.get('to') ?? '';
  const filter: ReportFilter = isDay(from) && isDay(to) && from <= to ? { from, to } : { from: today, to: today };
  for (const k of SCOPE_KEYS) {
    const v = p.get(k)?.trim();
    if (v) filter[k] = v;
  }
  return filter;
}

/** Whether the address named a period that is not one (a day that does not exist, or reversed): it is then replaced by today, and the screen says so. */
export function addressPeriodRefused(query: string): boolean {
  const p = new URLSearchParams(query);
  const from = p.get('from');
  const to = p.get('to');
  if (from === null && to === null) return false;
  return !(from !== null && to !== null && isDay(from) && isDay(to) && from <= to);
}

/** The query for a filter, other parameters of `current` kept. */
export function filterToQuery(filter: ReportFilter, current = ''): string {
  const p = new URLSearchParams(current);
  p.set('from', filter.from);
  p.set('to', filter.to);
  for (const k of SCOPE_KEYS) {
    const v = filter[k];
    if (v) p.set(k, v);
    else p.delete(k);
  }
  return p.toString();
}

/** A filter with one scope key set (an empty value removes it). */
export function withScope(filter: ReportFilter, key: (typeof SCOPE_KEYS)[number], value: string): ReportFilter {
  const next: ReportFilter = { ...filter };
  if (value) next[key] = value;
  else delete next[key];
  return next;
}

export function sameFilter(a: ReportFilter, b: ReportFilter): boolean {
  return a.from === b.from && a.to === b.to && a.agency === b.agency && a.counter === b.counter && a.clerk === b.clerk;
}

/**
 * The query part of the address as the router sees it. The app routes in the hash ('#/supervisor?from=…'), so the
 * query is the hash's; a plain '?…' is read when there is no hash route.
 */
export function addressQuery(loc: { hash: string; search: string }): string {
  if (loc.hash.startsWith('#/')) return loc.hash.split('?')[1] ?? '';
  return loc.search.replace(/^\?/, '');
}

/** The address with this query in place of its own (same route), for history.replaceState. */
export function addressWithQuery(loc: { pathname: string; hash: string; search: string }, query: string): string {
  if (loc.hash.startsWith('#/')) return `${loc.pathname}${loc.search}${loc.hash.split('?')[0]}?${query}`;
  return `${loc.pathname}?${query}${loc.hash}`;
}
