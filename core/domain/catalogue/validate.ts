/**
 * Whole-catalogue validation: every row on its own (schema.ts), then the rules that span rows (duplicate codes,
 * references to unknown agencies or procedures). Collects every issue; never stops at the first.
 */
import {
  AgencySchema,
  CATALOGUE_VERSION,
  ProcedureSchema,
  procedureKey,
  type Agency,
  type Catalogue,
  type Procedure,
} from './schema';
import { describeValue, fromZodIssues, sortIssues, type CatalogueIssue, type CatalogueSheet } from './issues';

export interface CatalogueImportResult {
  /** null whenever `errors` is not empty: a catalogue with a bad row is refused whole. */
  catalogue: Catalogue | null;
  errors: CatalogueIssue[];
}

export interface RowAt {
  sheet: CatalogueSheet;
  row: number;
  /** Column (XLSX key or JSON path) holding the code, for the issue. */
  column: string;
}

/** The codes of each row as read, valid or not, so one bad cell does not cascade into "unknown" errors. */
export interface CrossRefs {
  agencies: { code: string; at: RowAt }[];
  procedures: { agencyCode: string; code: string; at: RowAt; agencyAt: RowAt }[];
  items: {
    /** Item codes are unique within a scope: one procedure (its row in JSON, its key in XLSX). */
    scope: string;
    procedureCode: string;
    code: string;
    at: RowAt;
    /** The procedure the row refers to, when that reference can dangle (XLSX Checklist sheet). */
    procedure?: { agencyCode: string; code: string; at: RowAt };
  }[];
}

/** A code cell as text for cross-row comparison ('' when absent or not text-like). */
export function rawCode(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

function issue(at: RowAt, code: string, params: CatalogueIssue['params']): CatalogueIssue {
  return { sheet: at.sheet, row: at.row, column: at.column, code, params: { column: at.column, ...params } };
}

export function crossCheck(refs: CrossRefs): CatalogueIssue[] {
  const out: CatalogueIssue[] = [];
  const agencyRows = new Map<string, RowAt>();
  for (const a of refs.agencies) {
    if (a.code === '') continue;
    const first = agencyRows.get(a.code);
    if (first) out.push(issue(a.at, 'CATALOGUE_DUPLICATE_AGENCY', { code: a.code, firstRow: first.row }));
    else agencyRows.set(a.code, a.at);
  }
  const procRows = new Map<string, RowAt>();
  for (const p of refs.procedures) {
    if (p.agencyCode !== '' && !agencyRows.has(p.agencyCode)) {
      out.push(issue(p.agencyAt, 'CATALOGUE_UNKNOWN_AGENCY', { agencyCode: p.agencyCode }));
    }
    if (p.code === '' || p.agencyCode === '') continue;
    const key = procedureKey(p);
    const first = procRows.get(key);
    if (first) {
      out.push(
        issue(p.at, 'CATALOGUE_DUPLICATE_PROCEDURE', { code: p.code, agencyCode: p.agencyCode, firstRow: first.row }),
      );
    } else procRows.set(key, p.at);
  }
  const itemRows = new Map<string, RowAt>();
  for (const it of refs.items) {
    // Only checked when the checklist lives in its own sheet (XLSX): there the reference can dangle.
    const ref = it.procedure;
    if (ref && ref.agencyCode !== '' && ref.code !== '' && !procRows.has(procedureKey(ref))) {
      out.push(
        issue(ref.at, 'CATALOGUE_UNKNOWN_PROCEDURE', { procedureCode: ref.code, agencyCode: ref.agencyCode }),
      );
      continue;
    }
    if (it.code === '' || it.scope === '') continue;
    const key = `${it.scope}\u0000${it.code}`;
    const first = itemRows.get(key);
    if (first) {
      out.push(
        issue(it.at, 'CATALOGUE_DUPLICATE_ITEM', { code: it.code, procedureCode: it.procedureCode, firstRow: first.row }),
      );
    } else itemRows.set(key, it.at);
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const fileIssue = (code: string, params: CatalogueIssue['params']): CatalogueIssue => ({
  sheet: 'File',
  row: 0,
  code,
  params,
});

/**
 * Validate a catalogue held as a plain value (parsed JSON, or an object built by the lead's service).
 * Row = 1-based position in `agencies` / `procedures`; column = path inside that element.
 */
export function parseCatalogue(raw: unknown): CatalogueImportResult {
  const errors: CatalogueIssue[] = [];
  if (!isRecord(raw)) {
    return { catalogue: null, errors: [fileIssue('CATALOGUE_BAD_STRUCTURE', { expected: 'object', value: '' })] };
  }
  if (raw.version !== CATALOGUE_VERSION) {
    errors.push(fileIssue('CATALOGUE_UNSUPPORTED_VERSION', { value: describeValue(raw.version) }));
  }
  const list = (key: 'agencies' | 'procedures'): unknown[] => {
    const v = raw[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      errors.push({ ...fileIssue('CATALOGUE_BAD_STRUCTURE', { expected: 'array', column: key }), column: key });
      return [];
    }
    return v;
  };
  const rawAgencies = list('agencies');
  const rawProcedures = list('procedures');

  const agencies: Agency[] = [];
  const procedures: Procedure[] = [];
  const refs: CrossRefs = { agencies: [], procedures: [], items: [] };

  rawAgencies.forEach((a, i) => {
    const row = i + 1;
    const r = AgencySchema.safeParse(a, { reportInput: true });
    if (r.success) agencies.push(r.data);
    else errors.push(...fromZodIssues(r.error.issues, { sheet: 'Agencies', row }));
    refs.agencies.push({ code: rawCode(isRecord(a) ? a.code : undefined), at: { sheet: 'Agencies', row, column: 'code' } });
  });

  rawProcedures.forEach((p, i) => {
    const row = i + 1;
    const r = ProcedureSchema.safeParse(p, { reportInput: true });
    if (r.success) procedures.push(r.data);
    else errors.push(...fromZodIssues(r.error.issues, { sheet: 'Procedures', row }));
    const rec = isRecord(p) ? p : {};
    const agencyCode = rawCode(rec.agencyCode);
    const code = rawCode(rec.code);
    refs.procedures.push({
      agencyCode,
      code,
      at: { sheet: 'Procedures', row, column: 'code' },
      agencyAt: { sheet: 'Procedures', row, column: 'agencyCode' },
    });
    const checklist = Array.isArray(rec.checklist) ? rec.checklist : [];
    checklist.forEach((item, j) => {
      refs.items.push({
        scope: `row ${row}`,
        procedureCode: code,
        code: rawCode(isRecord(item) ? item.code : undefined),
        at: { sheet: 'Procedures', row, column: `checklist[${j}].code` },
      });
    });
  });

  errors.push(...crossCheck(refs));
  if (errors.length > 0) return { catalogue: null, errors: sortIssues(errors) };
  return { catalogue: { version: CATALOGUE_VERSION, agencies, procedures }, errors: [] };
}
