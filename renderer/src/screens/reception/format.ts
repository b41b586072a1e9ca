/** Formatting and parsing the values a counter clerk reads and types: dates, money, sizes, highlights. */

const pad2 = (n: number) => String(n).padStart(2, '0');

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/**
 * A date typed as the clerk reads it on the card: dd/mm/yyyy (also with '.' or '-', or as 8 digits ddmmyyyy).
 * Returns ISO 'YYYY-MM-DD', '' for an empty field, or null when it is not a real date.
 */
export function parseVnDate(text: string): string | null {
  const s = text.trim();
  if (s === '') return '';
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (!m) return null;
  const d = Number(m[1]);
  const mo = Number(m[2]);
  const y = Number(m[3]);
  if (y < 1900 || !isRealDate(y, mo, d)) return null;
  return `${y}-${pad2(mo)}-${pad2(d)}`;
}

/** ISO 'YYYY-MM-DD' → 'dd/mm/yyyy' (anything else comes back as it was). */
export function isoToVnDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Local date-time 'YYYY-MM-DDTHH:mm' (as the core stores due dates) → 'dd/MM/yyyy HH:mm'. */
export function formatLocalDateTime(local: string | null | undefined): string {
  if (!local) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(local);
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}` : local;
}

/** Whole đồng with Vietnamese thousands separators: 75000 → '75.000'. */
export function formatMoney(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  return sign + String(Math.abs(Math.trunc(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** A typed amount: digits with optional '.', ',' or space separators. null when not a whole non-negative number. */
export function parseMoney(text: string): number | null {
  const s = text.trim().replace(/[.,\s]/g, '');
  if (!/^\d{1,13}$/.test(s)) return null;
  return Number(s);
}

/** File size for people: bytes, KB or MB with one decimal (Vietnamese decimal comma when asked). */
export function formatBytes(bytes: number, decimalComma = false): string {
  const fix = (n: number) => {
    const s = n.toFixed(1);
    return decimalComma ? s.replace('.', ',') : s;
  };
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${fix(bytes / 1024)} KB`;
  return `${fix(bytes / (1024 * 1024))} MB`;
}

export interface TextSegment {
  text: string;
  hit: boolean;
}

/**
 * Splits text into plain and highlighted runs from [start, end) ranges (UTF-16 offsets, as the catalogue search
 * returns them). Ranges may be unordered or overlap; out-of-range parts are ignored.
 */
export function splitHighlights(text: string, ranges: readonly { start: number; end: number }[]): TextSegment[] {
  const clean = ranges
    .map((r) => ({ start: Math.max(0, r.start), end: Math.min(text.length, r.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const r of clean) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  const out: TextSegment[] = [];
  let at = 0;
  for (const r of merged) {
    if (r.start > at) out.push({ text: text.slice(at, r.start), hit: false });
    out.push({ text: text.slice(r.start, r.end), hit: true });
    at = r.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}
