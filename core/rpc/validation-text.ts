/**
 * Contract validation problems in words from the catalogue (Vietnamese, and English for the en tree), naming the
 * field and the rule: "trường "applicant.fullName": quá dài, tối đa 200 ký tự." The validator's own English
 * ("Too big: expected string to have <=34952538 characters") never reaches a clerk.
 */
import type { z } from 'zod';
import { hasMessage, t } from '../i18n/translate';
import type { Locale } from '../i18n/types';

type Issue = z.core.$ZodIssue;

const NUMBER_FORMAT: Record<Locale, Intl.NumberFormat> = { vi: new Intl.NumberFormat('vi-VN'), en: new Intl.NumberFormat('en-GB') };

function limitText(v: unknown, locale: Locale): string {
  return typeof v === 'number' || typeof v === 'bigint' ? NUMBER_FORMAT[locale].format(v) : String(v);
}

function fieldText(issue: Issue, locale: Locale): string {
  const path = issue.path.map(String).join('.');
  return path === '' ? t('validation.input', {}, locale) : t('validation.field', { field: path }, locale);
}

function pick(base: string, locale: Locale, key: string, params: Record<string, unknown>): string {
  const k = `validation.${base}.${key}`;
  return hasMessage(k, locale) ? t(k, params, locale) : t(`validation.${base}.other`, params, locale);
}

/** One issue as one sentence. */
export function issueText(issue: Issue, locale: Locale): string {
  const field = fieldText(issue, locale);
  const v = (key: string, params: Record<string, unknown> = {}) => t(`validation.${key}`, { field, ...params }, locale);
  switch (issue.code) {
    case 'invalid_type':
      // Parsed with reportInput: an absent value is a missing field, not a wrong type.
      if ('input' in issue && issue.input === undefined) return v('required');
      return v('invalid_type', { expected: pick('types', locale, issue.expected, { type: issue.expected }) });
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const limit = big ? (issue as z.core.$ZodIssueTooBig).maximum : (issue as z.core.$ZodIssueTooSmall).minimum;
      const origin = issue.origin;
      const inclusive = issue.inclusive !== false;
      if (!big && origin === 'string' && Number(limit) === 1) return v('empty_string');
      const kind = origin === 'string' ? 'string' : origin === 'array' || origin === 'set' ? 'array' : origin === 'number' || origin === 'int' || origin === 'bigint' ? 'number' : '';
      const key = `${issue.code}${kind ? `_${kind}` : ''}${kind === 'number' && !inclusive ? '_exclusive' : ''}`;
      return v(key, { limit: limitText(limit, locale) });
    }
    case 'invalid_format':
      return v('invalid_format', { format: pick('formats', locale, issue.format, { format: issue.format }) });
    case 'not_multiple_of':
      return v('not_multiple_of', { divisor: limitText(issue.divisor, locale) });
    case 'unrecognized_keys':
      return v('unrecognized_keys', { keys: issue.keys.join(', ') });
    case 'invalid_value':
      return v('invalid_value', { values: issue.values.map((x) => JSON.stringify(x)).join(', ') });
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return v(issue.code);
    default:
      return v('custom');
  }
}

/** The first few issues, each as a sentence. */
export function issuesText(issues: readonly Issue[], locale: Locale, max = 5): string {
  const parts = issues.slice(0, max).map((i) => issueText(i, locale));
  if (issues.length > max) parts.push(t('validation.more', { count: issues.length - max }, locale));
  return parts.join(' ');
}
