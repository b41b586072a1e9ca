/**
 * Catalogue import from JSON or XLSX bytes. Every bad row is reported (sheet, row, column, code); a result
 * with errors has no catalogue. A file that is not readable as the format at all throws
 * CATALOGUE_FILE_UNREADABLE.
 */
import { Readable } from 'node:stream';
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

import { readZipDirectory, verifyZip } from './zip-directory';

export type CatalogueFormat = 'json' | 'xlsx';

/**
 * What one import may hold. A file past any limit is refused with its own code before it can use the
 * memory it asks for: rows and cells are counted while the XLSX streams in, the unpacked size is read from the
 * zip's directory before anything is inflated.
 */
export const CATALOGUE_IMPORT_LIMITS = {
  /** Data rows per sheet (a province's whole catalogue is a few thousand procedures). */
  maxRowsPerSheet: 50_000,
  /** Non-empty cells in the whole workbook. */
  maxCells: 1_000_000,
  /** Characters in one cell (Excel's own limit is 32,767). */
  maxCellChars: 32_767,
  /** Declared unpacked size of the XLSX. */
  maxUnzippedBytes: 100 * 1024 * 1024,
} as const;
export type CatalogueImportLimits = { -readonly [K in keyof typeof CATALOGUE_IMPORT_LIMITS]: number };

/** The file to import: bytes in memory, or a staged file read as a stream (the service opens it). */
export interface ByteSource {
  size: number;
  /** Reads `length` bytes at `offset` (the zip's directory). */
  readAt(offset: number, length: number): Buffer;
  /** The whole content as a stream (the XLSX is parsed as it arrives). */
  stream(): Readable;
}

export function bufferSource(bytes: Uint8Array): ByteSource {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    size: buf.length,
    readAt: (offset, length) => buf.subarray(offset, offset + length),
    stream: () => Readable.from([buf]),
  };
}
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

export async function importCatalogue(
  input: Uint8Array | ByteSource,
  format?: CatalogueFormat,
  limits: CatalogueImportLimits = CATALOGUE_IMPORT_LIMITS,
): Promise<CatalogueImportResult> {
  const source = input instanceof Uint8Array ? bufferSource(input) : input;
  const head = source.readAt(0, 8);
  if (startsWith(head, OLE2_MAGIC)) throw unreadable('xls');
  const fmt = format ?? detectCatalogueFormat(head);
  return fmt === 'xlsx' ? importXlsx(source, limits) : importJson(source.readAt(0, source.size), limits);
}

function importJson(bytes: Uint8Array, limits: CatalogueImportLimits): CatalogueImportResult {
  let raw: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    raw = JSON.parse(text);
  } catch (e) {
    throw unreadable('json', e);
  }
  // Counted before validation, which is the costly part.
  const r = raw as { agencies?: unknown; procedures?: unknown } | null;
  const procedures = Array.isArray(r?.procedures) ? (r.procedures as { checklist?: unknown }[]) : [];
  const items = procedures.reduce((n, p) => n + (Array.isArray(p?.checklist) ? p.checklist.length : 0), 0);
  for (const [sheet, n] of [['Agencies', Array.isArray(r?.agencies) ? r.agencies.length : 0], ['Procedures', procedures.length], ['Checklist', items]] as const) {
    if (n > limits.maxRowsPerSheet) throw new AppError('CATALOGUE_TOO_MANY_ROWS', { sheet, max: limits.maxRowsPerSheet });
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

function missingSheet(sheet: DataSheet): ReadSheet {
  return { rows: [], issues: [{ sheet, row: 0, code: 'CATALOGUE_MISSING_SHEET', params: { sheet } }] };
}

/** Counts what the workbook holds while it streams in; throws the limit's code the moment one is passed. */
class Budget {
  private cells = 0;
  constructor(private readonly limits: CatalogueImportLimits) {}
  row(sheet: string, dataRows: number): void {
    if (dataRows > this.limits.maxRowsPerSheet) throw new AppError('CATALOGUE_TOO_MANY_ROWS', { sheet, max: this.limits.maxRowsPerSheet });
  }
  cell(sheet: string, row: number, v: CellValue): void {
    if (++this.cells > this.limits.maxCells) throw new AppError('CATALOGUE_TOO_MANY_CELLS', { max: this.limits.maxCells });
    if (typeof v === 'string' && v.length > this.limits.maxCellChars) throw new AppError('CATALOGUE_CELL_TOO_LONG', { sheet, row, max: this.limits.maxCellChars });
  }
}

/** One worksheet as it streams: header row → known columns, then the data rows' known cells only. */
async function readSheet(ws: AsyncIterable<ExcelJS.Row>, sheet: DataSheet | undefined, label: string, budget: Budget): Promise<ReadSheet> {
  const issues: CatalogueIssue[] = [];
  const colIndex = new Map<string, number>();
  const rows: SheetRow[] = [];
  let dataRows = 0;
  for await (const r of ws) {
    const values: CellValue[] = [];
    r.eachCell({ includeEmpty: false }, (cell, col) => {
      const v = cellValue(cell.value);
      budget.cell(label, r.number, v);
      values[col] = v;
    });
    if (!sheet) {
      // Other sheets (the guide) are only counted, rows too: a huge sheet is refused whatever its name (or when the
      // streaming reader could not name it).
      if (r.number > 1) budget.row(label, ++dataRows);
      continue;
    }
    if (r.number === 1) {
      values.forEach((v, col) => {
        const header = asText(v);
        if (header === undefined) return;
        const key = columnOf(sheet, header);
        if (key === undefined) return; // unknown columns (notes, helpers) are allowed
        if (colIndex.has(key)) issues.push({ sheet, row: 1, column: key, code: 'CATALOGUE_DUPLICATE_COLUMN', params: { column: key } });
        else colIndex.set(key, col);
      });
      continue;
    }
    budget.row(label, ++dataRows);
    // Only the known columns are kept: unknown ones may be wide and are never read.
    const known = new Map<string, CellValue>();
    for (const [key, col] of colIndex) if (values[col] !== undefined) known.set(key, values[col]);
    // A row with only blank known cells (e.g. left-over formatting) is not data.
    const blank = [...known.values()].every((v) => asText(v) === undefined);
    if (!blank) rows.push({ row: r.number, get: (key) => known.get(key) });
  }
  if (sheet) {
    for (const c of COLUMNS[sheet]) {
      if (c.mandatory && !colIndex.has(c.key)) issues.push({ sheet, row: 1, column: c.key, code: 'CATALOGUE_MISSING_COLUMN', params: { column: c.key } });
    }
  }
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

/** Refuses an archive that would unpack past the limit (declared or actual) before the reader inflates it. */
async function checkZip(source: ByteSource, limits: CatalogueImportLimits): Promise<void> {
  const tailLength = Math.min(source.size, 22 + 65_535);
  const readAt = (o: number, n: number) => source.readAt(o, n);
  const dir = readZipDirectory(source.readAt(source.size - tailLength, tailLength), source.size, readAt);
  if (dir === null) throw unreadable('xlsx');
  const tooLarge = () => new AppError('CATALOGUE_ZIP_TOO_LARGE', { max: Math.round(limits.maxUnzippedBytes / 1048576) });
  if (dir.uncompressedBytes > limits.maxUnzippedBytes) throw tooLarge();
  const problem = await verifyZip(dir, limits.maxUnzippedBytes, readAt);
  if (problem === 'too-large') throw tooLarge();
  if (problem === 'unreadable') throw unreadable('xlsx');
}

async function readWorkbook(source: ByteSource, limits: CatalogueImportLimits): Promise<Record<DataSheet, ReadSheet>> {
  await checkZip(source, limits);
  const input = source.stream();
  const budget = new Budget(limits);
  const found = new Map<DataSheet, ReadSheet>();
  let sheets = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore' });
    for await (const ws of reader) {
      sheets += 1;
      const name = (ws as unknown as { name?: string }).name ?? '';
      const s = sheetOf(name);
      const wanted = s && !found.has(s) ? s : undefined;
      const read = await readSheet(ws as unknown as AsyncIterable<ExcelJS.Row>, wanted, name, budget);
      if (wanted) found.set(wanted, read);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw unreadable('xlsx', e);
  } finally {
    input.destroy();
  }
  if (sheets === 0) throw unreadable('xlsx');
  return Object.fromEntries(SHEETS.map((s) => [s, found.get(s) ?? missingSheet(s)])) as Record<DataSheet, ReadSheet>;
}

async function importXlsx(source: ByteSource, limits: CatalogueImportLimits): Promise<CatalogueImportResult> {
  const read = await readWorkbook(source, limits);
  const errors: CatalogueIssue[] = SHEETS.flatMap((s) => read[s].issues);
  const refs: CrossRefs = { agencies: [], procedures: [], items: [] };

  const agencies: Agency[] = [];
  for (const r of read.Agencies.rows) {
    const raw = {
      code: asCode(r.get('code')),
      name: asText(r.get('name')),
      parentName: asText(r.get('parentName')),
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
