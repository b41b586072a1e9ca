/**
 * Catalogue import from JSON or XLSX bytes. Every bad row is reported (sheet, row, column, code); a result
 * with errors has no catalogue. A file that is not readable as the format at all throws
 * CATALOGUE_FILE_UNREADABLE.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../contract/errors';
import {
  AgencySchema,
  CATALOGUE_VERSION,
  ChecklistItemSchema,
  ProcedureSchema,
  procedureKey,
  type Agency,
  type Procedure,
} from './schema';
import { fromZodIssues, SHEETS, sortIssues, type CatalogueIssue } from './issues';
import { crossCheck, parseCatalogue, rawCode, type CatalogueImportResult, type CrossRefs } from './validate';
import {
  asBoolean,
  asChannels,
  asCode,
  asCount,
  asDecimal,
  asFileTypes,
  asMarks,
  asMoney,
  asResultReturn,
  asText,
  asUnit,
  columnOf,
  COLUMNS,
  sheetOf,
  type CellValue,
  type DataSheet,
} from './xlsx-layout';

export type CatalogueFormat = 'json' | 'xlsx';
export type { CatalogueImportResult } from './validate';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // legacy .xls

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** XLSX is a zip; anything else is taken for JSON (and fails as unreadable if it is not). */
export function detectCatalogueFormat(bytes: Uint8Array): CatalogueFormat {
  return startsWith(bytes, ZIP_MAGIC) ? 'xlsx' : 'json';
}

function unreadable(format: string, cause?: unknown): AppError {
  return new AppError('CATALOGUE_FILE_UNREADABLE', { format }, { cause });
}

export async function importCatalogue(bytes: Uint8Array, format?: CatalogueFormat): Promise<CatalogueImportResult> {
  if (startsWith(bytes, OLE2_MAGIC)) throw unreadable('xls');
  const fmt = format ?? detectCatalogueFormat(bytes);
  return fmt === 'xlsx' ? importXlsx(bytes) : importJson(bytes);
}

function importJson(bytes: Uint8Array): CatalogueImportResult {
  let raw: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    raw = JSON.parse(text);
  } catch (e) {
    throw unreadable('json', e);
  }
  return parseCatalogue(raw);
}

// ---- XLSX ----

function cellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return v.text;
  if ('formula' in v || 'sharedFormula' in v) return cellValue((v.result ?? null) as ExcelJS.CellValue);
  if ('error' in v) return v.error;
  return undefined;
}

interface SheetRow {
  row: number;
  get(key: string): CellValue;
}

interface ReadSheet {
  rows: SheetRow[];
  issues: CatalogueIssue[];
}

function readSheet(ws: ExcelJS.Worksheet | undefined, sheet: DataSheet): ReadSheet {
  const issues: CatalogueIssue[] = [];
  if (!ws) {
    issues.push({ sheet, row: 0, code: 'CATALOGUE_MISSING_SHEET', params: { sheet } });
    return { rows: [], issues };
  }
  const colIndex = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const header = asText(cellValue(cell.value));
    if (header === undefined) return;
    const key = columnOf(sheet, header);
    if (key === undefined) return; // unknown columns (notes, helpers) are allowed
    if (colIndex.has(key)) {
      issues.push({ sheet, row: 1, column: key, code: 'CATALOGUE_DUPLICATE_COLUMN', params: { column: key } });
    } else colIndex.set(key, col);
  });
  for (const c of COLUMNS[sheet]) {
    if (c.mandatory && !colIndex.has(c.key)) {
      issues.push({ sheet, row: 1, column: c.key, code: 'CATALOGUE_MISSING_COLUMN', params: { column: c.key } });
    }
  }
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    if (n === 1) return;
    const get = (key: string): CellValue => {
      const col = colIndex.get(key);
      return col === undefined ? undefined : cellValue(r.getCell(col).value);
    };
    // A row with only blank known cells (e.g. left-over formatting) is not data.
    const blank = [...colIndex.keys()].every((k) => asText(get(k)) === undefined);
    if (!blank) rows.push({ row: n, get });
  });
  return { rows, issues };
}

/** Zod path (first segments) → XLSX column key. */
const PROCEDURE_PATH_COLUMNS: Record<string, string> = {
  'field.code': 'fieldCode',
  'field.name': 'fieldName',
  field: 'fieldName',
  'processing.amount': 'processingAmount',
  'processing.unit': 'processingUnit',
  processing: 'processingAmount',
  'fees.fee': 'fee',
  'fees.charge': 'charge',
  'fees.note': 'feeNote',
  fees: 'fee',
};

function xlsxIssues(
  issues: CatalogueIssue[],
  sheet: DataSheet,
  columnFor: (path: string) => string,
): CatalogueIssue[] {
  return issues.map((i) => {
    const column = columnFor(i.column ?? '');
    return { ...i, sheet, column, params: { ...i.params, column } };
  });
}

function topColumn(path: string): string {
  const m = /^([A-Za-z]+)(?:\.([A-Za-z]+))?/.exec(path);
  if (!m) return path;
  return PROCEDURE_PATH_COLUMNS[`${m[1]}.${m[2] ?? ''}`] ?? PROCEDURE_PATH_COLUMNS[m[1]!] ?? m[1]!;
}

async function importXlsx(bytes: Uint8Array): Promise<CatalogueImportResult> {
  const wb = new ExcelJS.Workbook();
  try {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw unreadable('xlsx', e);
  }
  if (wb.worksheets.length === 0) throw unreadable('xlsx');

  const bySheet = new Map<DataSheet, ExcelJS.Worksheet>();
  for (const ws of wb.worksheets) {
    const s = sheetOf(ws.name);
    if (s && !bySheet.has(s)) bySheet.set(s, ws);
  }
  const read = Object.fromEntries(SHEETS.map((s) => [s, readSheet(bySheet.get(s), s)])) as Record<DataSheet, ReadSheet>;
  const errors: CatalogueIssue[] = SHEETS.flatMap((s) => read[s].issues);
  const refs: CrossRefs = { agencies: [], procedures: [], items: [] };

  const agencies: Agency[] = [];
  for (const r of read.Agencies.rows) {
    const raw = {
      code: asCode(r.get('code')),
      name: asText(r.get('name')),
      shortName: asText(r.get('shortName')),
      codePattern: asText(r.get('codePattern')),
      address: asText(r.get('address')),
      phone: asText(r.get('phone')),
    };
    const p = AgencySchema.safeParse(raw, { reportInput: true });
    if (p.success) agencies.push(p.data);
    else errors.push(...xlsxIssues(fromZodIssues(p.error.issues, { sheet: 'Agencies', row: r.row }), 'Agencies', topColumn));
    refs.agencies.push({ code: rawCode(raw.code), at: { sheet: 'Agencies', row: r.row, column: 'code' } });
  }

  const procedures: Procedure[] = [];
  const procByKey = new Map<string, Procedure>();
  for (const r of read.Procedures.rows) {
    const raw = {
      agencyCode: asCode(r.get('agencyCode')),
      code: asCode(r.get('code')),
      name: asText(r.get('name')),
      field: { code: asCode(r.get('fieldCode')), name: asText(r.get('fieldName')) },
      processing: { amount: asDecimal(r.get('processingAmount')), unit: asUnit(r.get('processingUnit')) },
      fees: { fee: asMoney(r.get('fee')), charge: asMoney(r.get('charge')), note: asText(r.get('feeNote')) },
      channels: asChannels(r.get('channels')),
      resultReturn: asResultReturn(r.get('resultReturn')),
      checklist: [],
      active: asBoolean(r.get('active'), true),
    };
    const p = ProcedureSchema.safeParse(raw, { reportInput: true });
    if (p.success) {
      procedures.push(p.data);
      if (!procByKey.has(procedureKey(p.data))) procByKey.set(procedureKey(p.data), p.data);
    } else {
      errors.push(...xlsxIssues(fromZodIssues(p.error.issues, { sheet: 'Procedures', row: r.row }), 'Procedures', topColumn));
    }
    refs.procedures.push({
      agencyCode: rawCode(raw.agencyCode),
      code: rawCode(raw.code),
      at: { sheet: 'Procedures', row: r.row, column: 'code' },
      agencyAt: { sheet: 'Procedures', row: r.row, column: 'agencyCode' },
    });
  }

  for (const r of read.Checklist.rows) {
    const agencyCode = asCode(r.get('agencyCode'));
    const procedureCode = asCode(r.get('procedureCode'));
    const raw = {
      code: asCode(r.get('code')),
      name: asText(r.get('name')),
      required: asBoolean(r.get('required'), false),
      acceptedMarks: asMarks(r.get('acceptedMarks')),
      copies: asCount(r.get('copies'), 1),
      templateFile: asText(r.get('templateFile')),
      fileTypes: asFileTypes(r.get('fileTypes')),
    };
    const where = { sheet: 'Checklist' as const, row: r.row };
    if (agencyCode === undefined) {
      errors.push({ ...where, column: 'agencyCode', code: 'CATALOGUE_REQUIRED', params: { column: 'agencyCode', value: '' } });
    }
    if (procedureCode === undefined) {
      errors.push({
        ...where,
        column: 'procedureCode',
        code: 'CATALOGUE_REQUIRED',
        params: { column: 'procedureCode', value: '' },
      });
    }
    const p = ChecklistItemSchema.safeParse(raw, { reportInput: true });
    if (p.success) {
      const proc = procByKey.get(procedureKey({ agencyCode: agencyCode ?? '', code: procedureCode ?? '' }));
      proc?.checklist.push(p.data);
    } else {
      errors.push(...xlsxIssues(fromZodIssues(p.error.issues, where), 'Checklist', topColumn));
    }
    refs.items.push({
      scope: agencyCode && procedureCode ? procedureKey({ agencyCode, code: procedureCode }) : '',
      procedureCode: procedureCode ?? '',
      code: rawCode(raw.code),
      at: { ...where, column: 'code' },
      procedure: { agencyCode: agencyCode ?? '', code: procedureCode ?? '', at: { ...where, column: 'procedureCode' } },
    });
  }

  errors.push(...crossCheck(refs));
  if (errors.length > 0) return { catalogue: null, errors: sortIssues(errors) };
  return { catalogue: { version: CATALOGUE_VERSION, agencies, procedures }, errors: [] };
}
