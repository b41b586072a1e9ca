/**
 * A catalogue file past the import limits is refused with its own code before it can take the server's memory,
 * and while a large file is being read other connections keep getting answers.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE_IMPORT_LIMITS, importCatalogue } from '../../../core/domain/catalogue/import';
import { exportCatalogue } from '../../../core/domain/catalogue/export';
import { writeBigCatalogue } from '../../helpers/big-catalogue';
import { call, conn, startCore, withAdmin, type TestCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { upload } from '../../helpers/uploads';

const dir = tempDir();
const big = path.join(dir.dir, 'mot-trieu-dong.xlsx');
let t: TestCore;
beforeAll(async () => {
  await writeBigCatalogue(big, CATALOGUE_IMPORT_LIMITS.maxRowsPerSheet + 5_000);
  t = await startCore();
}, 120_000);
afterAll(async () => {
  await t.close();
  dir.cleanup();
});

const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e as { code?: string }).code ?? String(e));

describe('catalogue import limits', () => {
  it('refuses a sheet with more rows than the limit, streaming, without reading it whole', async () => {
    expect(statSync(big).size).toBeLessThan(5 * 1024 * 1024);
    expect(await codeOf(importCatalogue(readFileSync(big)))).toBe('CATALOGUE_TOO_MANY_ROWS');
  }, 120_000);

  it('counts the rows of every sheet: a long sheet of another name is refused too', async () => {
    const sample = (await importCatalogue(readFileSync(path.join('resources', 'catalogue', 'sample.json')))).catalogue!;
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await exportCatalogue(sample, 'xlsx')) as unknown as ArrayBuffer);
    const rows = Math.max(...wb.worksheets.map((w) => w.rowCount));
    const notes = wb.addWorksheet('Ghi chú');
    for (let i = 0; i < rows + 10; i++) notes.addRow([`dòng ${i}`]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const limits = { ...CATALOGUE_IMPORT_LIMITS, maxRowsPerSheet: rows + 5 };
    expect((await importCatalogue(await exportCatalogue(sample, 'xlsx'), 'xlsx', limits)).errors).toEqual([]);
    expect(await codeOf(importCatalogue(xlsx, 'xlsx', limits))).toBe('CATALOGUE_TOO_MANY_ROWS');
  });

  it('refuses past the cell and cell-length limits', async () => {
    const sample = (await importCatalogue(readFileSync(path.join('resources', 'catalogue', 'sample.json')))).catalogue!;
    const xlsx = await exportCatalogue(sample, 'xlsx');
    expect((await importCatalogue(xlsx)).errors).toEqual([]);
    expect(await codeOf(importCatalogue(xlsx, 'xlsx', { ...CATALOGUE_IMPORT_LIMITS, maxCells: 100 }))).toBe('CATALOGUE_TOO_MANY_CELLS');
    expect(await codeOf(importCatalogue(xlsx, 'xlsx', { ...CATALOGUE_IMPORT_LIMITS, maxCellChars: 10 }))).toBe('CATALOGUE_CELL_TOO_LONG');
    expect(await codeOf(importCatalogue(Buffer.from(JSON.stringify(sample)), 'json', { ...CATALOGUE_IMPORT_LIMITS, maxRowsPerSheet: 3 }))).toBe('CATALOGUE_TOO_MANY_ROWS');
  });

  it('refuses a zip that would unpack past the limit before inflating it', async () => {
    const zip = new JSZip();
    // 300 MB of zeros compress to a few hundred KB: the declared size gives it away.
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(CATALOGUE_IMPORT_LIMITS.maxUnzippedBytes + 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(await codeOf(importCatalogue(bomb))).toBe('CATALOGUE_ZIP_TOO_LARGE');

    // The same bomb whose headers lie (declared 1 KB): found by inflating into a counter, still before the reader.
    const liar = Buffer.from(bomb);
    for (let i = 0; i + 4 <= liar.length; i++) {
      const sig = liar.readUInt32LE(i);
      if (sig === 0x04034b50 && liar.readUInt32LE(i + 18) > 0) liar.writeUInt32LE(1024, i + 22);
      if (sig === 0x02014b50 && liar.readUInt32LE(i + 20) > 0) liar.writeUInt32LE(1024, i + 24);
    }
    expect(await codeOf(importCatalogue(liar))).toBe('CATALOGUE_ZIP_TOO_LARGE');
  }, 60_000);

  it('answers other connections while a large file is read, then refuses it with a Vietnamese message', async () => {
    const admin = await withAdmin(t.core);
    const up = await upload(t.core, admin, 'mot-trieu-dong.xlsx', readFileSync(big), 'catalogue');
    let settled = false;
    const importing = t.core.dispatch(admin, 'catalogue.import', { uploadId: up.uploadId, mode: 'merge' }).finally(() => {
      settled = true;
    });
    const other = conn(t.core);
    await call(t.core, other, 'auth.login', { username: 'admin', password: 'mat-khau-123' });
    const answered: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      await call(t.core, other, 'catalogue.search', { query: 'khai sinh', limit: 5 });
      answered.push(!settled);
    }
    expect(answered.filter(Boolean).length).toBeGreaterThan(0);
    const r = await importing;
    expect(r.ok ? 'ok' : r.error.code).toBe('CATALOGUE_TOO_MANY_ROWS');
    expect(r.ok ? '' : r.error.message).toMatch(/Procedures.*hơn 50000 dòng/);
    // Nothing of the file was imported, and the upload is gone.
    expect((await call(t.core, other, 'catalogue.search', { query: '1.000001', limit: 5 })).length).toBe(0);
    expect(t.core.db.prepare('SELECT COUNT(*) FROM uploads').pluck().get()).toBe(0);
  }, 120_000);

  it('refuses a catalogue file over the size limit at the start of its upload', async () => {
    const admin = conn(t.core);
    await call(t.core, admin, 'auth.login', { username: 'admin', password: 'mat-khau-123' });
    const r = await t.core.dispatch(admin, 'uploads.begin', { fileName: 'danh-muc.xlsx', bytes: 96 * 1024 * 1024, purpose: 'catalogue' });
    expect(r.ok ? 'ok' : r.error.code).toBe('CATALOGUE_FILE_TOO_LARGE');
  });
});
