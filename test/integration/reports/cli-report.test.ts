/**
 * `motcua report` (issue #19) on a small seeded year (test/helpers/seed-year.ts, 2,000 dossiers): the JSON is the
 * core's reports.period; the XLSX and PDF files are written whole, named by the period, readable, with the same
 * figures; bad input exits 2 before the core opens, an unknown agency exits 2, an unwritable --out exits 1 leaving no
 * file. In process (main(), what the bin runs); one real spawn checks the process ends after drawing the charts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../core/app';
import type { PeriodReport } from '../../../core/contract/reports';
import { formatCount } from '../../../core/services/reports/export/report-labels';
import { openDatabase } from '../../../core/store/database';
import { motcua, motcuaInProcess } from '../../helpers/cli';
import { TEST_HASH_COST } from '../../helpers/core';
import { pdfText } from '../../helpers/pdf-tools';
import { seedYear, type SeedYearResult } from '../../helpers/seed-year';
import { tempDir } from '../../helpers/temp';
import { requireTools } from '../../helpers/tools';

const tools = requireTools('pdftotext');
const data = tempDir('motcua-report-cli-');
const out = tempDir('motcua-report-out-');
const cli = (...args: string[]) => motcuaInProcess(data.dir, args);
const H1 = ['--from', '2025-01-01', '--to', '2025-06-30'];
let seed: SeedYearResult;
/** reports.period read through the core itself, whole and for one agency (generatedAt left out). */
let viaCore: { all: Omit<PeriodReport, 'generatedAt'>; agency: Omit<PeriodReport, 'generatedAt'> };
let agency: string;

const withoutTime = ({ generatedAt: _, ...rest }: PeriodReport) => rest;

beforeAll(async () => {
  const opened = openDatabase(path.join(data.dir, 'motcua.sqlite'));
  seed = seedYear(opened.db, { dossiers: 2_000, counters: 4, tickets: 200, seed: 1919 });
  opened.db.close();
  agency = seed.agencies[0]!;
  const core = await createCore({ dataDir: data.dir, logLevel: 'error', authPolicy: { hashCost: TEST_HASH_COST } });
  try {
    const conn = core.openConnection('cli', 'test', { name: 'test', role: 'admin' });
    const period = async (filter: { from: string; to: string; agency?: string }) => {
      const r = await core.dispatch(conn, 'reports.period', filter);
      if (!r.ok) throw new Error(r.error.message);
      return withoutTime(r.value as PeriodReport);
    };
    viaCore = { all: await period({ from: '2025-01-01', to: '2025-06-30' }), agency: await period({ from: '2025-01-01', to: '2025-06-30', agency }) };
  } finally {
    await core.close();
  }
}, 120_000);
afterAll(() => {
  data.cleanup();
  out.cleanup();
});

describe('motcua report', () => {
  it('--format json prints the figures reports.period gives the app, for all agencies and for one', async () => {
    const all = await cli('report', ...H1, '--format', 'json');
    expect(all.code, all.stderr).toBe(0);
    const report = JSON.parse(all.stdout) as PeriodReport;
    expect(withoutTime(report)).toEqual(viaCore.all);
    expect(report.received).toBeGreaterThan(500);
    expect(report.received).toBe(report.resolvedEarly + report.resolvedOnTime + report.resolvedLate + report.pendingWithin + report.pendingOverdue + report.withdrawn);

    const file = path.join(out.dir, 'mot-co-quan.json');
    const one = await cli('report', ...H1, '--format', 'json', '--agency', agency, '--out', file);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toBe(`Đã ghi báo cáo vào ${file}\n`);
    expect(withoutTime(JSON.parse(readFileSync(file, 'utf8')) as PeriodReport)).toEqual(viaCore.agency);
  }, 60_000);

  it('--format xlsx into a folder: the period-named file, its cells the same figures', async () => {
    const r = await cli('report', ...H1, '--format', 'xlsx', '--agency', agency, '--out', out.dir, '--json');
    expect(r.code, r.stderr).toBe(0);
    const written = JSON.parse(r.stdout) as { path: string; fileName: string; bytes: number };
    expect(written.fileName).toBe(`bao-cao-2025-01-01_2025-06-30-${agency}.xlsx`);
    expect(written.path).toBe(path.join(out.dir, written.fileName));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(written.path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo cơ quan', 'Theo thủ tục', 'Theo tháng']);
    const ws = wb.getWorksheet('Tổng hợp')!;
    let header = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === 'Số hồ sơ tiếp nhận') header = n;
    });
    const c = viaCore.agency;
    expect((ws.getRow(header + 2).values as unknown[]).slice(1, 12)).toEqual([c.received, c.carriedOver, c.newlyReceived, c.resolved, c.resolvedEarly, c.resolvedOnTime, c.resolvedLate, c.pending, c.pendingWithin, c.pendingOverdue, c.withdrawn]);
    expect(wb.getWorksheet('Theo tháng')!.rowCount).toBe(1 + c.perMonth.length);
    expect(c.perMonth.map((m) => m.month)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    // Written whole: nothing but the report in the folder (no temporary file left).
    expect(readdirSync(out.dir).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 60_000);

  it('bad days, period or format exit 2 with the Vietnamese message before the core opens', async () => {
    const fresh = tempDir('motcua-report-fresh-');
    try {
      const cases: [string[], RegExp][] = [
        [['--from', '2025-02-30', '--to', '2025-06-30', '--format', 'json'], /^Lỗi \[REPORT_BAD_DAY\]: Ngày "2025-02-30" không có thật/m],
        [['--from', '2025-1-1', '--to', '2025-06-30', '--format', 'json'], /^Lỗi \[REPORT_BAD_DAY\]: /m],
        [['--from', '2025-07-01', '--to', '2025-06-30', '--format', 'pdf'], /^Lỗi \[REPORT_BAD_PERIOD\]: Khoảng ngày không hợp lệ/m],
        [['--from', '2024-01-01', '--to', '2025-06-30', '--format', 'pdf'], /^Lỗi \[REPORT_PERIOD_TOO_LONG\]: /m],
        [[...H1, '--format', 'docx'], /^Lỗi \[CLI_BAD_ARGUMENT\]: --format "docx": chỉ nhận json, xlsx hoặc pdf/m],
      ];
      for (const [args, message] of cases) {
        const r = await motcuaInProcess(fresh.dir, ['report', ...args]);
        expect(r.code, r.stderr).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(message);
      }
      // The core never opened: no database was made in the data folder.
      expect(readdirSync(fresh.dir)).toEqual([]);
    } finally {
      fresh.cleanup();
    }
  });

  it('an unknown agency exits 2; an --out that cannot be written exits 1 and leaves no file', async () => {
    const unknown = await cli('report', ...H1, '--format', 'json', '--agency', 'KHONG-CO');
    expect(unknown.code, unknown.stderr).toBe(2);
    expect(unknown.stderr).toMatch(/^Lỗi \[REPORT_UNKNOWN_AGENCY\]: Không có cơ quan mã "KHONG-CO"/m);

    const missing = path.join(out.dir, 'khong-co-thu-muc', 'bao-cao.pdf');
    const r = await cli('report', ...H1, '--format', 'pdf', '--out', missing);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^Lỗi \[REPORT_FILE_UNWRITABLE\]: Không ghi được tệp .*bao-cao\.pdf: thư mục không tồn tại\. Hãy chọn thư mục có quyền ghi\./m);
    expect(existsSync(path.dirname(missing))).toBe(false);
  });

  it('--format pdf from the real bin: the process ends, the PDF reads back in Vietnamese', async () => {
    mkdirSync(path.join(out.dir, 'pdf'));
    const file = path.join(out.dir, 'pdf', 'bao-cao.pdf');
    const r = await motcua(data.dir, ['report', ...H1, '--format', 'pdf', '--out', file]);
    // A chart left undisposed keeps a timer alive: the helper's timeout would kill the process (code -1).
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(path.dirname(file))).toEqual(['bao-cao.pdf']);
    const doc = await PDFDocument.load(readFileSync(file));
    expect(doc.getPageCount()).toBeGreaterThan(1);
    if (tools.skip) return;
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('Từ ngày 01/01/2025 đến ngày 30/06/2025');
    expect(text).toContain(`Trong kỳ, đã tiếp nhận ${formatCount(viaCore.all.received)} hồ sơ`);
  }, 90_000);
});
