/**
 * The XLSX file format of the catalogue (documented for users in resources/catalogue/README.md).
 *
 * Three sheets, named by their English key ('Agencies', 'Procedures', 'Checklist'); on import the Vietnamese
 * names ('Cơ quan', 'Thủ tục', 'Thành phần hồ sơ') or "Vietnamese (English)" are accepted too. Row 1 is the
 * header: each cell reads "<Vietnamese label> (<englishKey>)". Import finds a column by the key in the final
 * parentheses, else by the Vietnamese label or the key alone (case and diacritics ignored), so columns may be
 * in any order and unknown columns are ignored. Lists are comma-separated in one cell.
 * Cells are only coerced here (labels → keys, "50.000" → 50000); the zod schemas decide what is valid, so
 * JSON and XLSX imports share the same rules and error codes.
 */
import { foldVietnamese } from '../text/fold';
import type { CatalogueSheet } from './issues';

export type DataSheet = Exclude<CatalogueSheet, 'File'>;

export interface ColumnDef {
  key: string;
  vi: string;
  /** The header must be present (its values are required, or a blank default would be dangerous). */
  mandatory: boolean;
  width: number;
  /** Stored as text so Excel does not turn '1.004220' into the number 1.00422. */
  text?: boolean;
  /** Shown as a note on the header cell: accepted values. */
  hint?: string;
}

export const SHEET_NAMES: Record<DataSheet, { vi: string }> = {
  Agencies: { vi: 'Cơ quan' },
  Procedures: { vi: 'Thủ tục' },
  Checklist: { vi: 'Thành phần hồ sơ' },
};

export const GUIDE_SHEET = 'Hướng dẫn';

const MARK_HINT = '1 = bản chụp, 2 = bản sao (chứng thực), 3 = bản gốc/bản chính, 4 = bản dịch; nhiều giá trị cách nhau dấu phẩy';
const BOOL_HINT = 'có / không (x = có)';

export const COLUMNS: Record<DataSheet, ColumnDef[]> = {
  Agencies: [
    { key: 'code', vi: 'Mã cơ quan', mandatory: true, width: 18, text: true, hint: 'Mã định danh, ví dụ 000.00.01.H12' },
    { key: 'name', vi: 'Tên cơ quan', mandatory: true, width: 40 },
    { key: 'parentName', vi: 'Cơ quan chủ quản', mandatory: false, width: 30, hint: 'In phía trên tên cơ quan ở đầu phiếu, ví dụ UBND PHƯỜNG Ô CHỢ DỪA' },
    { key: 'shortName', vi: 'Tên viết tắt', mandatory: false, width: 20 },
    {
      key: 'codePattern',
      vi: 'Mẫu mã hồ sơ',
      mandatory: false,
      width: 26,
      text: true,
      hint: 'Để trống = {agency}-{yymmdd}-{seq4}; phải có {seq…}',
    },
    { key: 'address', vi: 'Địa chỉ', mandatory: false, width: 40 },
    { key: 'phone', vi: 'Điện thoại', mandatory: false, width: 16, text: true },
  ],
  Procedures: [
    { key: 'agencyCode', vi: 'Mã cơ quan', mandatory: true, width: 18, text: true },
    { key: 'code', vi: 'Mã thủ tục', mandatory: true, width: 12, text: true, hint: 'Ví dụ 1.004227' },
    { key: 'name', vi: 'Tên thủ tục', mandatory: true, width: 60 },
    { key: 'fieldCode', vi: 'Mã lĩnh vực', mandatory: true, width: 14, text: true },
    { key: 'fieldName', vi: 'Tên lĩnh vực', mandatory: true, width: 24 },
    { key: 'processingAmount', vi: 'Thời hạn giải quyết', mandatory: true, width: 12, hint: 'Số lớn hơn 0' },
    { key: 'processingUnit', vi: 'Đơn vị thời hạn', mandatory: true, width: 12, hint: 'days (ngày làm việc) / hours (giờ làm việc)' },
    { key: 'fee', vi: 'Lệ phí, đồng', mandatory: true, width: 12, hint: 'Số nguyên, đồng; để trống = 0' },
    { key: 'charge', vi: 'Phí, đồng', mandatory: true, width: 12, hint: 'Số nguyên, đồng; để trống = 0' },
    { key: 'feeNote', vi: 'Ghi chú phí, lệ phí', mandatory: false, width: 30 },
    {
      key: 'channels',
      vi: 'Cách thức nộp',
      mandatory: true,
      width: 20,
      text: true,
      hint: 'direct (trực tiếp), online (trực tuyến), postal (bưu chính)',
    },
    {
      key: 'resultReturn',
      vi: 'Cách thức trả kết quả',
      mandatory: false,
      width: 18,
      text: true,
      hint: 'counter (tại quầy), post (qua bưu chính)',
    },
    { key: 'active', vi: 'Đang áp dụng', mandatory: false, width: 10, hint: `${BOOL_HINT}; để trống = có` },
  ],
  Checklist: [
    { key: 'agencyCode', vi: 'Mã cơ quan', mandatory: true, width: 18, text: true },
    { key: 'procedureCode', vi: 'Mã thủ tục', mandatory: true, width: 12, text: true },
    { key: 'code', vi: 'Mã giấy tờ', mandatory: true, width: 10, text: true, hint: 'Ví dụ TP1, duy nhất trong một thủ tục' },
    { key: 'name', vi: 'Tên giấy tờ', mandatory: true, width: 60 },
    { key: 'required', vi: 'Bắt buộc', mandatory: true, width: 10, hint: `${BOOL_HINT}; để trống = không` },
    { key: 'acceptedMarks', vi: 'Loại bản chấp nhận', mandatory: true, width: 14, text: true, hint: MARK_HINT },
    { key: 'copies', vi: 'Số bản', mandatory: true, width: 8, hint: 'Số nguyên từ 1; để trống = 1' },
    { key: 'templateFile', vi: 'Mẫu đơn, tờ khai', mandatory: false, width: 30 },
    { key: 'fileTypes', vi: 'Định dạng tệp', mandatory: false, width: 14, text: true, hint: 'Ví dụ pdf, jpg' },
  ],
};

export function headerText(col: ColumnDef): string {
  return `${col.vi} (${col.key})`;
}

const fold = (s: string): string => foldVietnamese(s).replace(/\s+/g, ' ').trim();

/** Which data sheet a worksheet name denotes, if any. */
export function sheetOf(name: string): DataSheet | undefined {
  const f = fold(name);
  for (const sheet of Object.keys(SHEET_NAMES) as DataSheet[]) {
    const en = sheet.toLowerCase();
    const vi = fold(SHEET_NAMES[sheet].vi);
    if (f === en || f === vi || f === `${vi} (${en})` || f === `${en} (${vi})`) return sheet;
  }
  return undefined;
}

/** Which column key a header cell denotes, if any. */
export function columnOf(sheet: DataSheet, header: string): string | undefined {
  const cols = COLUMNS[sheet];
  const key = /\(\s*([A-Za-z]+)\s*\)\s*$/.exec(header)?.[1];
  if (key) {
    const hit = cols.find((c) => c.key.toLowerCase() === key.toLowerCase());
    if (hit) return hit.key;
  }
  const f = fold(header);
  return cols.find((c) => fold(c.vi) === f || c.key.toLowerCase() === f)?.key;
}

/** A cell reduced to a primitive (rich text, formulas and hyperlinks resolved). */
export type CellValue = string | number | boolean | undefined;

// ---- coercion of cell values; unrecognised values pass through unchanged for the schema to reject ----

function isBlank(v: CellValue): boolean {
  return v === undefined || (typeof v === 'string' && v.trim() === '');
}

export function asText(v: CellValue): string | undefined {
  if (isBlank(v)) return undefined;
  return typeof v === 'string' ? v.trim() : String(v);
}

/**
 * A code typed into a General cell may have become a number: national procedure codes have six decimals
 * ('1.004220' → 1.00422), so a fractional number is restored with six; integers stay as they are.
 */
export function asCode(v: CellValue): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v) && !Number.isInteger(v)) {
    const six = v.toFixed(6);
    return Number(six) === v ? six : String(v);
  }
  return asText(v);
}

/** VND amounts: blank = 0; "50.000", "50,000" and "50 000" are thousands groupings (vi and en spellings). */
export function asMoney(v: CellValue): unknown {
  if (isBlank(v)) return 0;
  if (typeof v !== 'string') return v;
  const s = v.trim().replace(/\s*(đ|đồng|vnđ|vnd)$/i, '');
  if (/^-?\d{1,3}([.,\s]\d{3})+$/.test(s)) return Number(s.replace(/[.,\s]/g, ''));
  if (/^-?\d+$/.test(s)) return Number(s);
  return v;
}

/** A positive decimal; a comma is accepted as the decimal mark ("0,5"). */
export function asDecimal(v: CellValue): unknown {
  if (isBlank(v)) return undefined;
  if (typeof v !== 'string') return v;
  const s = v.trim();
  return /^-?\d+([.,]\d+)?$/.test(s) ? Number(s.replace(',', '.')) : v;
}

export function asCount(v: CellValue, blank: number): unknown {
  if (isBlank(v)) return blank;
  if (typeof v !== 'string') return v;
  return /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : v;
}

const TRUE_WORDS = new Set(['x', 'co', 'yes', 'y', 'true', '1', 'bat buoc']);
const FALSE_WORDS = new Set(['khong', 'no', 'n', 'false', '0']);

export function asBoolean(v: CellValue, blank: boolean): unknown {
  if (isBlank(v)) return blank;
  if (typeof v === 'boolean') return v;
  const f = fold(String(v));
  if (TRUE_WORDS.has(f)) return true;
  if (FALSE_WORDS.has(f)) return false;
  return v;
}

export function asList(v: CellValue): string[] | undefined {
  if (isBlank(v)) return undefined;
  return String(v)
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function mapList(v: CellValue, words: Record<string, string | number>): unknown[] | undefined {
  return asList(v)?.map((s) => words[fold(s)] ?? s);
}

const PROCESSING_UNIT_WORDS: Record<string, string> = {
  days: 'days',
  day: 'days',
  ngay: 'days',
  'ngay lam viec': 'days',
  hours: 'hours',
  hour: 'hours',
  gio: 'hours',
  'gio lam viec': 'hours',
};

export function asUnit(v: CellValue): unknown {
  const t = asText(v);
  if (t === undefined) return undefined;
  return PROCESSING_UNIT_WORDS[fold(t)] ?? t;
}

const CHANNEL_WORDS: Record<string, string> = {
  direct: 'direct',
  'truc tiep': 'direct',
  '1': 'direct',
  online: 'online',
  'truc tuyen': 'online',
  '2': 'online',
  postal: 'postal',
  'buu chinh': 'postal',
  'buu chinh cong ich': 'postal',
  'qua buu chinh': 'postal',
  '3': 'postal',
};

export const asChannels = (v: CellValue): unknown[] | undefined => mapList(v, CHANNEL_WORDS) ?? [];

const RESULT_RETURN_WORDS: Record<string, string> = {
  counter: 'counter',
  'tai quay': 'counter',
  'truc tiep': 'counter',
  post: 'post',
  'buu chinh': 'post',
  'qua buu chinh': 'post',
  'buu dien': 'post',
};

export const asResultReturn = (v: CellValue): unknown[] | undefined => mapList(v, RESULT_RETURN_WORDS);

const MARK_WORDS: Record<string, number> = {
  '1': 1,
  'ban chup': 1,
  photocopy: 1,
  '2': 2,
  'ban sao': 2,
  'ban sao chung thuc': 2,
  'certified copy': 2,
  '3': 3,
  'ban goc': 3,
  'ban chinh': 3,
  original: 3,
  '4': 4,
  'ban dich': 4,
  translation: 4,
};

export function asMarks(v: CellValue): unknown[] {
  // "1,3" typed into a General cell can arrive as the number 1.3; marks are single digits, so split it.
  const cell = typeof v === 'number' ? String(v).replace('.', ',') : v;
  return mapList(cell, MARK_WORDS) ?? [];
}

export const asFileTypes = (v: CellValue): string[] | undefined => asList(v);

/** Marks and the other lists written back to a cell. */
export function joinList(list: readonly (string | number)[] | undefined): string {
  return list === undefined ? '' : list.join(', ');
}

export function booleanText(b: boolean): string {
  return b ? 'có' : 'không';
}
