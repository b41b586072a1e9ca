/** The formatters a template placeholder may chain: `{{dossier.dueAt | date}}`, `{{fees.due | money}}` … */
import { forms as formMessages } from '../../i18n/messages/forms';
import type { MessageTree } from '../../i18n/types';
import { DEFAULT_DATE_PATTERN, formatLocalDateTime, formatMoney, formatNumber, moneyInWords } from './format';

interface FormatterDef {
  arg: 'none' | 'optional' | 'required';
  /** A problem with the argument, found when the template is loaded; null if fine. */
  check?: (arg: string) => string | null;
  apply: (value: unknown, arg: string | undefined) => unknown;
}

/**
 * A no-break space in a value or template: the wrapper keeps the words on both sides on one line, and it prints
 * as a plain space (so copied or extracted text has ordinary spaces). See evaluateText.
 */
export const NO_BREAK = '\u00A0';

function keepTogether(text: string): string {
  return text.replace(/ /g, NO_BREAK);
}

/** Printed forms are Vietnamese documents whatever the UI language. */
const labels = (formMessages.vi['forms'] ?? {}) as MessageTree;

function labelGroup(group: string): MessageTree | undefined {
  const node = labels[group];
  return typeof node === 'object' ? node : undefined;
}

function label(group: string, value: unknown): string {
  const key = toText(value);
  const node = labelGroup(group)?.[key];
  return typeof node === 'string' ? node : key;
}

/** The printed text of a value: null/undefined/objects print nothing. */
export function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

const asNumber = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

const FORMATTERS: Record<string, FormatterDef> = {
  date: {
    arg: 'optional',
    check: (arg) => (/yyyy|MM|dd|HH|mm/.test(arg) ? null : `date pattern "${arg}" has none of yyyy MM dd HH mm`),
    // A date-time is read as one unit ("25/11/2026 12:00"): never broken across lines.
    apply: (v, arg) => (typeof v === 'string' ? keepTogether(formatLocalDateTime(v, arg || DEFAULT_DATE_PATTERN)) : ''),
  },
  money: { arg: 'none', apply: (v) => (asNumber(v) === null ? '' : formatMoney(asNumber(v)!)) },
  number: { arg: 'none', apply: (v) => (asNumber(v) === null ? toText(v) : formatNumber(asNumber(v)!)) },
  words: { arg: 'none', apply: (v) => (asNumber(v) === null ? '' : moneyInWords(asNumber(v)!)) },
  mark: { arg: 'none', apply: (v) => (v === null || v === undefined ? '' : label('mark', v)) },
  label: {
    arg: 'required',
    check: (arg) => (labelGroup(arg) ? null : `unknown label group "${arg}" (known: ${Object.keys(labels).join(', ')})`),
    apply: (v, arg) => (v === null || v === undefined ? '' : label(arg ?? '', v)),
  },
  upper: { arg: 'none', apply: (v) => toText(v).toLocaleUpperCase('vi') },
  lower: { arg: 'none', apply: (v) => toText(v).toLocaleLowerCase('vi') },
  /** 0 → nothing, so a following prefix/money prints nothing for a zero amount. */
  nonzero: { arg: 'none', apply: (v) => (v === 0 ? null : v) },
  count: { arg: 'none', apply: (v) => (Array.isArray(v) ? v.length : 0) },
  default: { arg: 'required', apply: (v, arg) => (toText(v).trim() === '' ? (arg ?? '') : v) },
  prefix: { arg: 'required', apply: (v, arg) => (toText(v) === '' ? '' : `${arg ?? ''}${toText(v)}`) },
  suffix: { arg: 'required', apply: (v, arg) => (toText(v) === '' ? '' : `${toText(v)}${arg ?? ''}`) },
};

export const FORMATTER_NAMES: readonly string[] = Object.keys(FORMATTERS);

/** Why this formatter call is not valid, or null. */
export function checkFormatter(name: string, arg: string | undefined): string | null {
  const def = FORMATTERS[name];
  if (!def) return `unknown formatter "${name}" (known: ${FORMATTER_NAMES.join(', ')})`;
  if (def.arg === 'none' && arg !== undefined) return `formatter "${name}" takes no argument`;
  if (def.arg === 'required' && (arg === undefined || arg === '')) return `formatter "${name}" needs an argument (${name}:…)`;
  if (arg !== undefined && arg !== '' && def.check) return def.check(arg);
  return null;
}

/** Apply one (already validated) formatter. */
export function applyFormatter(name: string, arg: string | undefined, value: unknown): unknown {
  const def = FORMATTERS[name];
  if (!def) throw new Error(`unknown formatter ${name}`);
  return def.apply(value, arg);
}
