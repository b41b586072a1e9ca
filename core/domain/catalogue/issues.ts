/**
 * One problem found while importing a catalogue, located well enough for a clerk to fix the file:
 * XLSX: sheet + spreadsheet row number (the header is row 1) + column key (English key of the header).
 * JSON: sheet 'Agencies'/'Procedures' + 1-based position in that array + path inside the element
 * (array indices 0-based, as JSON tools show them, e.g. 'checklist[0].copies').
 * Whole-file problems use sheet 'File' and row 0.
 */
import type { z } from 'zod';
import { AppError, type ErrorParams } from '../../contract/errors';

export const SHEETS = ['Agencies', 'Procedures', 'Checklist'] as const;
export type CatalogueSheet = (typeof SHEETS)[number] | 'File';

export interface CatalogueIssue {
  sheet: CatalogueSheet;
  row: number;
  column?: string;
  /** CATALOGUE_* code with a message in core/i18n/messages/catalogue.ts (errors.<code>). */
  code: string;
  params: ErrorParams;
}

const MAX_VALUE_CHARS = 80;

/** The offending value as short text for the message ({{value}}). */
export function describeValue(v: unknown): string {
  let s: string;
  if (v === undefined || v === null) s = '';
  else if (typeof v === 'string') s = v;
  else if (typeof v === 'number' || typeof v === 'boolean') s = String(v);
  else {
    try {
      s = JSON.stringify(v) ?? '';
    } catch {
      s = String(v);
    }
  }
  return s.length > MAX_VALUE_CHARS ? `${s.slice(0, MAX_VALUE_CHARS - 1)}…` : s;
}

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

/** Zod issues whose message is a CATALOGUE_* code keep it; anything else becomes CATALOGUE_BAD_VALUE. */
export function fromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  where: { sheet: CatalogueSheet; row: number; pathPrefix?: readonly PropertyKey[] },
): CatalogueIssue[] {
  return issues.map((iss) => {
    const code = iss.message.startsWith('CATALOGUE_') ? iss.message : 'CATALOGUE_BAD_VALUE';
    const column = pathText([...(where.pathPrefix ?? []), ...iss.path]);
    const params: ErrorParams = { value: describeValue(iss.input) };
    if (iss.code === 'too_big' && typeof iss.maximum === 'number') params.max = iss.maximum;
    if (column !== '') params.column = column;
    const out: CatalogueIssue = { sheet: where.sheet, row: where.row, code, params };
    if (column !== '') out.column = column;
    return out;
  });
}

/** Issues in the order a clerk reads the file: by sheet, then row. */
export function sortIssues(issues: CatalogueIssue[]): CatalogueIssue[] {
  const order: Record<CatalogueSheet, number> = { File: 0, Agencies: 1, Procedures: 2, Checklist: 3 };
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => order[a.issue.sheet] - order[b.issue.sheet] || a.issue.row - b.issue.row || a.i - b.i)
    .map((x) => x.issue);
}

/**
 * The service refuses a file with any issue as a whole; this is the error it throws, with every issue in
 * `details` so the UI can list them.
 */
export function assertNoIssues(issues: readonly CatalogueIssue[]): void {
  if (issues.length === 0) return;
  const first = issues[0]!;
  throw new AppError(
    'CATALOGUE_IMPORT_REJECTED',
    { count: issues.length, sheet: first.sheet, row: first.row },
    { details: { issues } },
  );
}
