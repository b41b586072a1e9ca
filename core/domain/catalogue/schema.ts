/**
 * The procedure catalogue: agencies, their procedures (thủ tục hành chính) and each procedure's checklist
 * (thành phần hồ sơ). Zod schemas are the single source of the rules; their error messages are CATALOGUE_* codes
 * so an import can report every bad value by code (see issues.ts).
 */
import { z } from 'zod';
import { codePatternProblem, DEFAULT_DOSSIER_CODE_PATTERN } from '../dossier/code-pattern';

export const DEFAULT_CODE_PATTERN = DEFAULT_DOSSIER_CODE_PATTERN;

export const CHANNELS = ['direct', 'online', 'postal'] as const;
export type Channel = (typeof CHANNELS)[number];
export const RESULT_RETURNS = ['counter', 'post'] as const;
export type ResultReturn = (typeof RESULT_RETURNS)[number];
export const PROCESSING_UNITS = ['days', 'hours'] as const;
export type ProcessingUnit = (typeof PROCESSING_UNITS)[number];
/** domain.md fileMark: 1 photocopy (bản chụp), 2 certified copy (bản sao), 3 original (bản gốc), 4 translation. */
export const FILE_MARKS = [1, 2, 3, 4] as const;
export type FileMark = (typeof FILE_MARKS)[number];

/** Absent value → CATALOGUE_REQUIRED, present but wrong → `code`. */
function err(code: string) {
  return { error: (iss: { input?: unknown }) => (iss.input === undefined ? 'CATALOGUE_REQUIRED' : code) };
}

const blankToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Required text: trimmed, NFC (search highlight offsets assume NFC), not blank. */
function text(max: number) {
  return z
    .string(err('CATALOGUE_BAD_VALUE'))
    .trim()
    .normalize('NFC')
    .min(1, { error: 'CATALOGUE_REQUIRED' })
    .max(max, { error: 'CATALOGUE_TOO_LONG' });
}

/** Optional text: a blank string counts as absent, so JSON and XLSX imports agree. */
function optionalText(max: number) {
  return z.preprocess(blankToUndefined, text(max).optional());
}

function code(max: number, re: RegExp, badCode: string) {
  return text(max).regex(re, { error: badCode });
}

/** Absent optional values leave no key behind (`{}` rather than `{ phone: undefined }`), for clean round trips. */
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** Keep the first of repeated list values; order is meaningful (shown as entered). */
function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}

// Agency codes go into dossier codes whose segments are joined by '-', so '-' is not allowed here.
export const AGENCY_CODE_RE = /^[A-Za-z0-9]+(?:[._][A-Za-z0-9]+)*$/;
export const PROCEDURE_CODE_RE = /^[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*$/;
export const ITEM_CODE_RE = PROCEDURE_CODE_RE;

/** A dossier code pattern; the dossier rules decide which patterns cannot yield duplicate codes. */
const codePattern = z.preprocess(
  blankToUndefined,
  text(80)
    .refine((p) => codePatternProblem(p) === null, { error: 'CATALOGUE_BAD_CODE_PATTERN' })
    .optional(),
);

export const AgencySchema = z.object({
  code: code(40, AGENCY_CODE_RE, 'CATALOGUE_BAD_AGENCY_CODE'),
  name: text(300),
  /** The governing body printed above the agency on forms ("cơ quan chủ quản": "UBND PHƯỜNG Ô CHỢ DỪA" above its police). */
  parentName: optionalText(200),
  shortName: optionalText(100),
  codePattern,
  address: optionalText(300),
  phone: optionalText(60),
}).transform(compact);
export type Agency = z.output<typeof AgencySchema>;

const fileType = z
  .string(err('CATALOGUE_BAD_FILE_TYPE'))
  .trim()
  .toLowerCase()
  .overwrite((s) => s.replace(/^\./, ''))
  .regex(/^[a-z0-9]{1,10}$/, { error: 'CATALOGUE_BAD_FILE_TYPE' });

export { DEFAULT_FILE_TYPES } from './file-types';

export const ChecklistItemSchema = z.object({
  code: code(40, ITEM_CODE_RE, 'CATALOGUE_BAD_ITEM_CODE'),
  name: text(1000),
  required: z.boolean(err('CATALOGUE_BAD_BOOLEAN')),
  acceptedMarks: z
    .array(z.literal(FILE_MARKS, err('CATALOGUE_UNKNOWN_MARK')), err('CATALOGUE_BAD_VALUE'))
    .min(1, { error: 'CATALOGUE_NO_MARK' })
    .transform(unique),
  copies: z
    .number(err('CATALOGUE_BAD_COPIES'))
    .int({ error: 'CATALOGUE_BAD_COPIES' })
    .min(1, { error: 'CATALOGUE_BAD_COPIES' })
    .max(100, { error: 'CATALOGUE_BAD_COPIES' }),
  /** File name of the blank form (mẫu đơn, tờ khai) the applicant fills in. */
  templateFile: optionalText(255),
  /**
   * Allowed extensions for scanned/uploaded files, lower case without the dot; absent: DEFAULT_FILE_TYPES. The
   * content must be of that type too (checked by its magic bytes); executables and scripts are never accepted.
   */
  fileTypes: z.preprocess(
    (v) => (Array.isArray(v) && v.length === 0 ? undefined : v),
    z.array(fileType, err('CATALOGUE_BAD_VALUE')).transform(unique).optional(),
  ),
}).transform(compact);
export type ChecklistItem = z.output<typeof ChecklistItemSchema>;

const money = z
  .number(err('CATALOGUE_BAD_FEE'))
  .int({ error: 'CATALOGUE_BAD_FEE' })
  .min(0, { error: 'CATALOGUE_BAD_FEE' })
  .max(1_000_000_000_000, { error: 'CATALOGUE_BAD_FEE' });

export const ProcedureSchema = z.object({
  code: code(40, PROCEDURE_CODE_RE, 'CATALOGUE_BAD_PROCEDURE_CODE'),
  name: text(2000),
  /** Lĩnh vực. */
  field: z.object({ code: text(60), name: text(300) }, err('CATALOGUE_BAD_VALUE')),
  agencyCode: code(40, AGENCY_CODE_RE, 'CATALOGUE_BAD_AGENCY_CODE'),
  processing: z.object(
    {
      // Positive, and capped to catch typos such as 1500 for 15.
      amount: z
        .number(err('CATALOGUE_BAD_PROCESSING_TIME'))
        .positive({ error: 'CATALOGUE_BAD_PROCESSING_TIME' })
        .max(1000, { error: 'CATALOGUE_BAD_PROCESSING_TIME' }),
      unit: z.enum(PROCESSING_UNITS, err('CATALOGUE_UNKNOWN_UNIT')),
    },
    err('CATALOGUE_BAD_VALUE'),
  ),
  fees: z.object(
    {
      /** Lệ phí, VND. */
      fee: money,
      /** Phí, VND. */
      charge: money,
      note: optionalText(500),
    },
    err('CATALOGUE_BAD_VALUE'),
  ).transform(compact),
  channels: z
    .array(z.enum(CHANNELS, err('CATALOGUE_UNKNOWN_CHANNEL')), err('CATALOGUE_BAD_VALUE'))
    .min(1, { error: 'CATALOGUE_NO_CHANNEL' })
    .transform(unique),
  resultReturn: z.preprocess(
    (v) => (Array.isArray(v) && v.length === 0 ? undefined : v),
    z
      .array(z.enum(RESULT_RETURNS, err('CATALOGUE_UNKNOWN_RESULT_RETURN')), err('CATALOGUE_BAD_VALUE'))
      .transform(unique)
      .optional(),
  ),
  checklist: z.array(ChecklistItemSchema, err('CATALOGUE_BAD_VALUE')).default([]),
  active: z.boolean(err('CATALOGUE_BAD_BOOLEAN')).default(true),
}).transform(compact);
export type Procedure = z.output<typeof ProcedureSchema>;
/** What a caller may hand in (defaults not yet applied). */
export type ProcedureInput = z.input<typeof ProcedureSchema>;

export const CATALOGUE_VERSION = 1;

/** Shape only; parseCatalogue (validate.ts) adds the cross-row rules and per-row issue locations. */
export const CatalogueShapeSchema = z.object({
  version: z.literal(CATALOGUE_VERSION, err('CATALOGUE_UNSUPPORTED_VERSION')),
  agencies: z.array(AgencySchema, err('CATALOGUE_BAD_STRUCTURE')),
  procedures: z.array(ProcedureSchema, err('CATALOGUE_BAD_STRUCTURE')),
});
export type Catalogue = z.output<typeof CatalogueShapeSchema>;

/** The dossier code pattern an agency uses. */
export function agencyCodePattern(agency: Pick<Agency, 'codePattern'>): string {
  return agency.codePattern ?? DEFAULT_CODE_PATTERN;
}

/** Key of a procedure: codes are unique per agency, not globally. */
export function procedureKey(p: { agencyCode: string; code: string }): string {
  return `${p.agencyCode}\u0000${p.code}`;
}
