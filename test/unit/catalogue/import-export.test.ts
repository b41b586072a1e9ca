import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { detectCatalogueFormat, importCatalogue } from '../../../core/domain/catalogue/import';
import { exportCatalogue } from '../../../core/domain/catalogue/export';
import type { Catalogue } from '../../../core/domain/catalogue/schema';
import type { CatalogueIssue } from '../../../core/domain/catalogue/issues';
import { COLUMNS, headerText } from '../../../core/domain/catalogue/xlsx-layout';
import { isAppError } from '../../../core/contract/errors';

const sampleBytes = readFileSync(fileURLToPath(new URL('../../../resources/catalogue/sample.json', import.meta.url)));

async function sample(): Promise<Catalogue> {
  const r = await importCatalogue(sampleBytes, 'json');
  expect(r.errors).toEqual([]);
  return r.catalogue!;
}

async function expectUnreadable(p: Promise<unknown>, format: string): Promise<void> {
  try {
    await p;
    expect.unreachable('import should have thrown');
  } catch (e) {
    expect(isAppError(e) ? `${e.code}:${String(e.params.format)}` : String(e)).toBe(`CATALOGUE_FILE_UNREADABLE:${format}`);
  }
}

type Cell = string | number | boolean | null;
/** A workbook as a clerk might type it: sheet name → rows (first row is the header). */
async function workbook(sheets: Record<string, Cell[][]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
}

const header = (sheet: keyof typeof COLUMNS) => COLUMNS[sheet].map(headerText);
const brief = (issues: CatalogueIssue[]) => issues.map((i) => `${i.sheet}:${i.row}:${i.column ?? ''}:${i.code}`);

describe('JSON import/export', () => {
  it('round-trips the sample catalogue', async () => {
    const c = await sample();
    const again = await importCatalogue(await exportCatalogue(c, 'json'));
    expect(again.errors).toEqual([]);
    expect(again.catalogue).toStrictEqual(c);
  });

  it('accepts a UTF-8 byte order mark', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...sampleBytes]);
    expect((await importCatalogue(bytes, 'json')).catalogue).not.toBeNull();
  });

  it('throws CATALOGUE_FILE_UNREADABLE for non-JSON, invalid UTF-8 and legacy .xls', async () => {
    await expectUnreadable(importCatalogue(new TextEncoder().encode('{"version": 1, agencies'), 'json'), 'json');
    await expectUnreadable(importCatalogue(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), 'json');
    await expectUnreadable(importCatalogue(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), 'xls');
    await expectUnreadable(importCatalogue(new Uint8Array()), 'json');
  });

  it('reports bad rows of a JSON file instead of throwing', async () => {
    const c = await sample();
    const bad = structuredClone(c);
    bad.procedures[2]!.fees.fee = -1;
    const r = await importCatalogue(new TextEncoder().encode(JSON.stringify(bad)));
    expect(r.catalogue).toBeNull();
    expect(brief(r.errors)).toEqual(['Procedures:3:fees.fee:CATALOGUE_BAD_FEE']);
  });
});

describe('XLSX import/export', () => {
  it('detects the format from the zip signature', async () => {
    const c = await sample();
    expect(detectCatalogueFormat(await exportCatalogue(c, 'xlsx'))).toBe('xlsx');
    expect(detectCatalogueFormat(await exportCatalogue(c, 'json'))).toBe('json');
  });

  it('round-trips the sample catalogue (format detected)', async () => {
    const c = await sample();
    const bytes = await exportCatalogue(c, 'xlsx');
    const again = await importCatalogue(bytes);
    expect(again.errors).toEqual([]);
    expect(again.catalogue).toStrictEqual(c);
  });

  it('round-trips edge values: fractional time, trailing-zero codes, absent optionals, empty catalogue', async () => {
    const c: Catalogue = {
      version: 1,
      agencies: [{ code: '000.00.01.H12', name: 'UBND phường Đông Hòa', codePattern: 'DH-{agency}-{yymmdd}-{seq5}' }],
      procedures: [
        {
          code: '1.004220',
          name: 'Chứng thực chữ ký người dịch',
          field: { code: '007', name: 'Chứng thực' },
          agencyCode: '000.00.01.H12',
          processing: { amount: 0.5, unit: 'days' },
          fees: { fee: 10000, charge: 0 },
          channels: ['postal', 'direct'],
          checklist: [
            { code: 'TP1', name: 'Bản dịch', required: false, acceptedMarks: [4, 1], copies: 2, fileTypes: ['pdf'] },
          ],
          active: false,
        },
      ],
    };
    const again = await importCatalogue(await exportCatalogue(c, 'xlsx'), 'xlsx');
    expect(again.errors).toEqual([]);
    expect(again.catalogue).toStrictEqual(c);
    const empty: Catalogue = { version: 1, agencies: [], procedures: [] };
    expect((await importCatalogue(await exportCatalogue(empty, 'xlsx'))).catalogue).toStrictEqual(empty);
  });

  it('writes the Vietnamese header with the English key, and codes as text', async () => {
    const bytes = await exportCatalogue(await sample(), 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name).slice(0, 3)).toEqual(['Agencies', 'Procedures', 'Checklist']);
    const procedures = wb.getWorksheet('Procedures')!;
    expect(procedures.getRow(1).getCell(2).value).toBe('Mã thủ tục (code)');
    expect(typeof procedures.getRow(2).getCell(2).value).toBe('string');
  });

  it('reads a hand-typed workbook: Vietnamese sheet names and labels, any column order, loose spellings', async () => {
    const bytes = await workbook({
      'Cơ quan': [['Tên cơ quan', 'Mã cơ quan', 'Ghi chú nội bộ'], ['UBND phường Đống Đa', '000.00.01.H12', 'bỏ qua']],
      'Thủ tục': [
        ['Mã cơ quan', 'Mã thủ tục', 'Tên thủ tục', 'Mã lĩnh vực', 'Tên lĩnh vực', 'Thời hạn giải quyết', 'Đơn vị thời hạn', 'Lệ phí, đồng', 'Phí, đồng', 'Cách thức nộp', 'Cách thức trả kết quả'],
        ['000.00.01.H12', 1.00422, 'Cấp giấy phép xây dựng nhà ở riêng lẻ', 'XD', 'Hoạt động xây dựng', '1,5', 'ngày làm việc', '75.000', null, 'trực tiếp, Bưu chính', 'tại quầy'],
        [null, null, null, null, null, null, null, null, null, null, null],
        ['000.00.01.H12', '2.000815', 'Chứng thực bản sao', 'CT', 'Chứng thực', 4, 'giờ', 2000, 0, 'direct', null],
      ],
      'Thành phần hồ sơ': [
        ['Mã thủ tục', 'Mã cơ quan', 'Mã giấy tờ', 'Tên giấy tờ', 'Bắt buộc', 'Loại bản chấp nhận', 'Số bản', 'Định dạng tệp'],
        ['1.004220', '000.00.01.H12', 'TP1', 'Đơn đề nghị', 'x', 'bản gốc', null, '.PDF; jpg'],
        ['1.004220', '000.00.01.H12', 'TP2', 'Bản vẽ', 'Không', 1.3, 2, null],
        ['2.000815', '000.00.01.H12', 'TP1', 'Bản chính', 'có', '3', 1, null],
      ],
    });
    const r = await importCatalogue(bytes);
    expect(r.errors).toEqual([]);
    const [gp, ct] = r.catalogue!.procedures;
    expect(gp).toMatchObject({
      code: '1.004220',
      processing: { amount: 1.5, unit: 'days' },
      fees: { fee: 75000, charge: 0 },
      channels: ['direct', 'postal'],
      resultReturn: ['counter'],
      active: true,
    });
    expect(gp!.checklist).toEqual([
      { code: 'TP1', name: 'Đơn đề nghị', required: true, acceptedMarks: [3], copies: 1, fileTypes: ['pdf', 'jpg'] },
      { code: 'TP2', name: 'Bản vẽ', required: false, acceptedMarks: [1, 3], copies: 2 },
    ]);
    expect(ct).toMatchObject({ processing: { amount: 4, unit: 'hours' }, checklist: [{ code: 'TP1' }] });
    expect(r.catalogue!.agencies).toEqual([{ code: '000.00.01.H12', name: 'UBND phường Đống Đa' }]);
  });

  it('reports every bad row with sheet, row number and column, and imports nothing', async () => {
    const A = '000.00.01.H12';
    const proc = (code: string, over: Partial<Record<string, Cell>> = {}): Cell[] => {
      const v: Record<string, Cell> = {
        agencyCode: A, code, name: `Thủ tục ${code}`, fieldCode: 'HT', fieldName: 'Hộ tịch',
        processingAmount: 3, processingUnit: 'days', fee: 0, charge: 0, feeNote: null,
        channels: 'direct', resultReturn: null, active: 'có', ...over,
      };
      return COLUMNS.Procedures.map((c) => v[c.key] ?? null);
    };
    const item = (procedureCode: string, code: string, over: Partial<Record<string, Cell>> = {}): Cell[] => {
      const v: Record<string, Cell> = {
        agencyCode: A, procedureCode, code, name: `Giấy tờ ${code}`, required: 'có', acceptedMarks: '3',
        copies: 1, templateFile: null, fileTypes: null, ...over,
      };
      return COLUMNS.Checklist.map((c) => v[c.key] ?? null);
    };
    const bytes = await workbook({
      Agencies: [header('Agencies'), [A, 'UBND', null, null, null, null], [A, 'UBND trùng', null, null, null, null]],
      Procedures: [
        header('Procedures'),
        proc('1.000001'), // row 2
        proc('1.000001'), // row 3: duplicate code in the agency
        proc('1.000004', { agencyCode: 'X.99' }), // 4: unknown agency
        proc('1.000005', { fee: -2000 }), // 5: negative fee
        proc('1.000006', { fee: '1.5', charge: 'miễn' }), // 6: two bad amounts
        proc('1.000007', { processingUnit: 'tuần', channels: 'fax, direct' }), // 7
        proc('1.000008', { name: null, active: 'có lẽ' }), // 8
        proc('1.000009', { processingAmount: 0 }), // 9
      ],
      Checklist: [
        header('Checklist'),
        item('1.000001', 'TP1'), // 2
        item('1.000001', 'TP1'), // 3: duplicate item code
        item('9.999999', 'TP1'), // 4: unknown procedure
        item('1.000005', 'TP1', { acceptedMarks: '3, 5' }), // 5: unknown mark
        item('1.000005', 'TP2', { copies: 0 }), // 6: bad copies
        item('1.000005', 'TP3', { required: 'tùy' }), // 7: bad boolean
        item('1.000005', 'TP4', { acceptedMarks: null }), // 8: no mark
        item('1.000005', 'TP 5', { fileTypes: 'p.d.f' }), // 9: bad code, bad file type
      ],
    });
    const r = await importCatalogue(bytes, 'xlsx');
    expect(r.catalogue).toBeNull();
    expect(brief(r.errors)).toEqual([
      'Agencies:3:code:CATALOGUE_DUPLICATE_AGENCY',
      'Procedures:3:code:CATALOGUE_DUPLICATE_PROCEDURE',
      'Procedures:4:agencyCode:CATALOGUE_UNKNOWN_AGENCY',
      'Procedures:5:fee:CATALOGUE_BAD_FEE',
      'Procedures:6:fee:CATALOGUE_BAD_FEE',
      'Procedures:6:charge:CATALOGUE_BAD_FEE',
      'Procedures:7:processingUnit:CATALOGUE_UNKNOWN_UNIT',
      'Procedures:7:channels:CATALOGUE_UNKNOWN_CHANNEL',
      'Procedures:8:name:CATALOGUE_REQUIRED',
      'Procedures:8:active:CATALOGUE_BAD_BOOLEAN',
      'Procedures:9:processingAmount:CATALOGUE_BAD_PROCESSING_TIME',
      'Checklist:3:code:CATALOGUE_DUPLICATE_ITEM',
      'Checklist:4:procedureCode:CATALOGUE_UNKNOWN_PROCEDURE',
      'Checklist:5:acceptedMarks:CATALOGUE_UNKNOWN_MARK',
      'Checklist:6:copies:CATALOGUE_BAD_COPIES',
      'Checklist:7:required:CATALOGUE_BAD_BOOLEAN',
      'Checklist:8:acceptedMarks:CATALOGUE_NO_MARK',
      'Checklist:9:code:CATALOGUE_BAD_ITEM_CODE',
      'Checklist:9:fileTypes:CATALOGUE_BAD_FILE_TYPE',
    ]);
    const byCode = (code: string) => r.errors.find((e) => e.code === code)!.params;
    expect(byCode('CATALOGUE_BAD_FEE')).toMatchObject({ value: '-2000', column: 'fee' });
    expect(byCode('CATALOGUE_UNKNOWN_CHANNEL')).toMatchObject({ value: 'fax' });
    expect(byCode('CATALOGUE_UNKNOWN_MARK')).toMatchObject({ value: '5' });
    expect(byCode('CATALOGUE_DUPLICATE_PROCEDURE')).toMatchObject({ code: '1.000001', firstRow: 2 });
    expect(byCode('CATALOGUE_UNKNOWN_PROCEDURE')).toMatchObject({ procedureCode: '9.999999', agencyCode: A });
  });

  it('reports missing sheets, missing and duplicate columns', async () => {
    const procHeader = header('Procedures').filter((h) => !h.includes('(fee)'));
    const bytes = await workbook({
      Agencies: [[...header('Agencies'), 'Tên cơ quan (name)']],
      Procedures: [procHeader],
    });
    const r = await importCatalogue(bytes);
    expect(brief(r.errors)).toEqual([
      'Agencies:1:name:CATALOGUE_DUPLICATE_COLUMN',
      'Procedures:1:fee:CATALOGUE_MISSING_COLUMN',
      'Checklist:0::CATALOGUE_MISSING_SHEET',
    ]);
  });

  it('throws CATALOGUE_FILE_UNREADABLE for a corrupt workbook', async () => {
    const bytes = await exportCatalogue(await sample(), 'xlsx');
    await expectUnreadable(importCatalogue(bytes.slice(0, bytes.length / 2)), 'xlsx');
    await expectUnreadable(importCatalogue(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])), 'xlsx');
    await expectUnreadable(importCatalogue(sampleBytes, 'xlsx'), 'xlsx');
  });
});
