/**
 * Dates and times as a Vietnamese counter reads and types them. The core stores wall-clock times as
 * 'YYYY-MM-DDTHH:mm' (Vietnam time) and instants as ISO strings in UTC; both are shown dd/MM/yyyy HH:mm in
 * Vietnam time, whatever the machine's time zone.
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const VN_INPUT = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})$/;
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function isRealDateTime(y: number, m: number, d: number, hh: number, mm: number): boolean {
  if (m < 1 || m > 12 || d < 1 || hh > 23 || mm > 59) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** 'YYYY-MM-DDTHH:mm' (local) or an ISO instant → 'dd/MM/yyyy HH:mm'; anything else is shown as given. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const m = LOCAL.exec(value);
  if (m) return `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}`;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return value;
  const v = new Date(t + VIETNAM_OFFSET_MS);
  return `${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`;
}

/** 'YYYY-MM-DD' → 'dd/MM/yyyy'. */
export function formatDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

/** Weekday 0 (Sunday) … 6 of a 'YYYY-MM-DD…' string, computed in UTC so the machine's zone cannot shift it. */
export function weekdayOf(isoDate: string): number {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay();
}

/** What a clerk types, 'd/M/yyyy H:mm', → 'YYYY-MM-DDTHH:mm'; null when it is not a real date and time. */
export function parseVnDateTime(text: string): string | null {
  const m = VN_INPUT.exec(text.trim());
  if (!m) return null;
  const [d, mo, y, hh, mm] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  if (!isRealDateTime(y, mo, d, hh, mm)) return null;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(hh)}:${pad(mm)}`;
}

/** Now in Vietnam as 'dd/MM/yyyy HH:mm' (the default of date-time fields). */
export function nowVn(now: Date = new Date()): string {
  return formatDateTime(now.toISOString());
}
