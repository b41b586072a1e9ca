/** The period report as XLSX, read back with exceljs: the sheets, the figures as numbers with formats, the charts. */
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderReport } from '../../../core/services/reports/export/render-report';
import { fixtureReport as r } from './export-fixture';

let wb: ExcelJS.Workbook;
let fileName: string;
let mediaType: string;

beforeAll(async () => {
  const file = await renderReport(r, 'xlsx', { agencyName: null });
  fileName = file.fileName;
  mediaType = file.mediaType;
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.bytes as unknown as ExcelJS.Buffer);
});

/** The values of a sheet's row, from column 1. */
const rowValues = (ws: ExcelJS.Worksheet, row: number): unknown[] => (ws.getRow(row).values as unknown[]).slice(1);

function findRow(ws: ExcelJS.Worksheet, first: unknown): number {
  for (let i = 1; i <= ws.rowCount; i++) if (ws.getCell(i, 1).value === first) return i;
  throw new Error(`no row starting with ${String(first)} in ${ws.name}`);
}

describe('XLSX period report', () => {
  afterEach(() => vi.useRealTimers());

  it('the same report gives the same bytes, whenever it is written', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-07-01T02:00:00Z'));
    const first = await renderReport(r, 'xlsx', { agencyName: null });
    vi.setSystemTime(new Date('2026-08-15T09:31:17Z'));
    const second = await renderReport(r, 'xlsx', { agencyName: null });
    expect(Buffer.compare(first.bytes, second.bytes)).toBe(0);
  });

  it('is named by its period and has the four sheets', () => {
    expect(fileName).toBe('bao-cao-2026-01-01_2026-06-30.xlsx');
    expect(mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo cơ quan', 'Theo thủ tục', 'Theo tháng']);
    expect(wb.created?.toISOString()).toBe(r.generatedAt);
  });

  it("summary: the title, the period, the agencies' two-row header and the figures as formatted numbers", () => {
    const ws = wb.getWorksheet('Tổng hợp')!;
    expect(ws.getCell(1, 1).value).toBe('BÁO CÁO TÌNH HÌNH TIẾP NHẬN, GIẢI QUYẾT VÀ SỐ HOÁ HỒ SƠ THỦ TỤC HÀNH CHÍNH');
    expect(ws.getCell(2, 1).value).toBe('Từ ngày 01/01/2026 đến ngày 30/06/2026');
    expect(ws.getCell(3, 1).value).toBe('Cơ quan: tất cả các cơ quan');
    const groups = findRow(ws, 'Số hồ sơ tiếp nhận');
    expect(rowValues(ws, groups + 1).slice(0, 10)).toEqual(['Tổng số', 'Từ kỳ trước chuyển qua', 'Mới tiếp nhận trong kỳ', 'Tổng số', 'Trước hạn', 'Đúng hạn', 'Quá hạn', 'Tổng số', 'Trong hạn', 'Quá hạn']);
    expect([ws.getCell(groups, 11).value, ws.getCell(groups, 12).value]).toEqual(['Rút hồ sơ', 'Tỷ lệ đúng hạn']);
    expect(ws.getCell(groups, 4).value).toBe('Đã giải quyết');
    expect(ws.getCell(groups, 8).value).toBe('Đang giải quyết');
    const figures = rowValues(ws, groups + 2);
    expect(figures).toEqual([r.received, r.carriedOver, r.newlyReceived, r.resolved, r.resolvedEarly, r.resolvedOnTime, r.resolvedLate, r.pending, r.pendingWithin, r.pendingOverdue, r.withdrawn, r.onTimeRate]);
    expect(ws.getCell(groups + 2, 1).numFmt).toBe('#,##0');
    expect(ws.getCell(groups + 2, 12).numFmt).toBe('0.00%');
    const digitised = findRow(ws, 'Trang đã số hoá');
    expect(ws.getCell(digitised, 4).value).toBe(r.pagesDigitised);
    expect(ws.getCell(findRow(ws, 'Tỷ lệ số hoá giấy tờ'), 4).value).toBe(r.digitisedRate);
    expect(ws.getCell(findRow(ws, 'Độ tin cậy OCR trung bình'), 4).value).toBe(r.meanOcrConfidence);
    expect(ws.getCell(findRow(ws, 'Trang cần xem lại'), 4).value).toBe(r.pagesFlagged);
    const texts = Array.from({ length: ws.rowCount }, (_, i) => String(ws.getCell(i + 1, 1).value ?? ''));
    expect(texts.some((t) => t.startsWith('Trong kỳ, đã tiếp nhận 32.371 hồ sơ'))).toBe(true);
    expect(ws.getImages()).toHaveLength(2);
  });

  it('per agency, procedure and month: one row each, numbers, header frozen, columns sized', () => {
    const agencies = wb.getWorksheet('Theo cơ quan')!;
    expect(agencies.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(agencies.rowCount).toBe(2 + r.perAgency.length);
    const sxd = r.perAgency[0]!;
    expect(rowValues(agencies, 3)).toEqual(['Sở Xây dựng (SXD)', sxd.received, sxd.carriedOver, sxd.newlyReceived, sxd.resolved, sxd.resolvedEarly, sxd.resolvedOnTime, sxd.resolvedLate, sxd.pending, sxd.pendingWithin, sxd.pendingOverdue, sxd.withdrawn, sxd.onTimeRate, sxd.digitisedRate]);
    expect(agencies.getColumn(1).width).toBeGreaterThan(20);

    const procedures = wb.getWorksheet('Theo thủ tục')!;
    expect(procedures.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(procedures.rowCount).toBe(1 + r.perProcedure.length);
    const p = r.perProcedure[69]!;
    expect(rowValues(procedures, 71)).toEqual([p.agency, p.procedure, p.name, p.received, p.resolved, p.resolvedLate, p.pendingOverdue]);

    const months = wb.getWorksheet('Theo tháng')!;
    expect(rowValues(months, 2)).toEqual(['01/2026', 5_000, 4_900, 0, 20_000]);
    expect(rowValues(months, 7)).toEqual(['06/2026', 5_500, 5_500, 5, 20_005]);
    expect(months.getImages()).toHaveLength(1);
  });
});
