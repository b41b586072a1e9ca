/**
 * The official holiday file an agency loads each year (the Government announces Tết and bridge days):
 *   {"years": {"2026": {"holidays": ["2026-02-16", ...], "workdays": ["2026-02-28"]}}}
 * A listed year's `holidays` replace the built-in holidays of that year, compensatory days included;
 * `workdays` are make-up working days (usually a Saturday). Every date must lie in the year it is listed
 * under, so that "replace year Y" has one meaning.
 */
import { z } from 'zod';
import { AppError } from '../../contract/errors';
import { tryParseIsoDate } from './civil';

export interface OfficialYear {
  holidays: string[];
  workdays: string[];
}

export interface OfficialCalendar {
  years: Record<string, OfficialYear>;
}

const isoDate = z.string().refine((s) => tryParseIsoDate(s) !== undefined, { message: 'not a real YYYY-MM-DD date' });

const yearSchema = z.strictObject({
  holidays: z.array(isoDate).default([]),
  workdays: z.array(isoDate).default([]),
});

const fileSchema = z
  .object({
    years: z.record(z.string().regex(/^\d{4}$/, 'year key must be 4 digits'), yearSchema),
  })
  .superRefine((file, ctx) => {
    for (const [year, entry] of Object.entries(file.years)) {
      for (const list of ['holidays', 'workdays'] as const) {
        entry[list].forEach((date, i) => {
          if (!date.startsWith(`${year}-`)) {
            ctx.addIssue({ code: 'custom', path: ['years', year, list, i], message: `date is not in ${year}` });
          }
        });
      }
    }
  });

function valueAt(input: unknown, path: readonly PropertyKey[]): string {
  let node: unknown = input;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return '';
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  if (node === undefined) return '';
  const text = typeof node === 'string' ? node : JSON.stringify(node);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Validates a parsed JSON value; CALENDAR_FILE_INVALID names the first bad field (e.g. years.2026.holidays.3). */
export function parseOfficialCalendar(input: unknown): OfficialCalendar {
  const result = fileSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue?.path ?? [];
    const field = path.length > 0 ? path.map(String).join('.') : '(root)';
    throw new AppError(
      'CALENDAR_FILE_INVALID',
      { field, value: valueAt(input, path), reason: issue?.message ?? 'invalid' },
      { field, details: result.error.issues },
    );
  }
  const years: Record<string, OfficialYear> = {};
  for (const [year, entry] of Object.entries(result.data.years)) {
    years[year] = { holidays: [...new Set(entry.holidays)].sort(), workdays: [...new Set(entry.workdays)].sort() };
  }
  return { years };
}

/** Parses the file's text; broken JSON is reported like a bad field, at the root. */
export function parseOfficialCalendarText(text: string): OfficialCalendar {
  let input: unknown;
  try {
    input = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new AppError('CALENDAR_FILE_INVALID', { field: '(root)', value: '', reason: 'not JSON' }, { field: '(root)', cause: e });
  }
  return parseOfficialCalendar(input);
}
