/** Vietnamese value formatting for printed forms: local date-times, VND amounts, amounts in words. */

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Parse 'YYYY-MM-DDTHH:mm[:ss]' (wall-clock time, no zone); null if malformed or impossible. */
export function parseLocalDateTime(value: string): LocalParts | null {
  const m = LOCAL_DATE_TIME.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { year, month, day, hour, minute, second };
}

export const DEFAULT_DATE_PATTERN = 'dd/MM/yyyy HH:mm';
const DATE_TOKENS = /yyyy|MM|dd|HH|mm|ss/g;

/** Format a local date-time with the tokens yyyy MM dd HH mm ss; other characters are copied. */
export function formatLocalDateTime(value: string, pattern: string = DEFAULT_DATE_PATTERN): string {
  const p = parseLocalDateTime(value);
  if (!p) return value;
  const two = (n: number): string => String(n).padStart(2, '0');
  return pattern.replace(DATE_TOKENS, (token) => {
    switch (token) {
      case 'yyyy':
        return String(p.year).padStart(4, '0');
      case 'MM':
        return two(p.month);
      case 'dd':
        return two(p.day);
      case 'HH':
        return two(p.hour);
      case 'mm':
        return two(p.minute);
      default:
        return two(p.second);
    }
  });
}

/** The instant of a Vietnam wall-clock time (UTC+7 all year: Vietnam has no daylight saving). */
export function localDateTimeToDate(value: string): Date | null {
  const p = parseLocalDateTime(value);
  if (!p) return null;
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour - 7, p.minute, p.second));
}

/** 1234567 → '1.234.567' (Vietnamese groups thousands with dots). */
export function formatNumber(value: number): string {
  const negative = value < 0;
  const digits = String(Math.trunc(Math.abs(value)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return negative ? `-${grouped}` : grouped;
}

/** 1000000 → '1.000.000 đồng'. */
export function formatMoney(value: number): string {
  return `${formatNumber(value)} đồng`;
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const GROUP_UNITS = ['', 'nghìn', 'triệu', 'tỷ', 'nghìn tỷ', 'triệu tỷ'];

/** Read a 0..999 group; `full` when a higher group precedes it (then '0xx' reads 'không trăm …'). */
function readGroup(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(DIGITS[hundreds]!, 'trăm');
  if (tens === 0) {
    if (units > 0 && words.length > 0) words.push('linh');
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(DIGITS[tens]!, 'mươi');
  }
  if (units > 0) {
    if (units === 1 && tens >= 2) words.push('mốt');
    else if (units === 5 && tens >= 1) words.push('lăm');
    else words.push(DIGITS[units]!);
  }
  return words;
}

/** 1250000 → 'Một triệu hai trăm năm mươi nghìn đồng' (the "Bằng chữ" line of a fee receipt). */
export function moneyInWords(value: number): string {
  const n = Math.trunc(Math.abs(value));
  if (n === 0) return 'Không đồng';
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) continue;
    words.push(...readGroup(g, i < groups.length - 1));
    const unit = GROUP_UNITS[i];
    if (unit) words.push(unit);
  }
  const text = `${value < 0 ? 'âm ' : ''}${words.join(' ')} đồng`;
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
