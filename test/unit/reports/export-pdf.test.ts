/** The period report as PDF, checked with Debian's reference tools: text (Vietnamese, figures), structure, chart images. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../../core/services/reports/export/render-report';
import { pdfText, qpdfCheck } from '../../helpers/pdf-tools';
import { tempDir } from '../../helpers/temp';
import { requireTools } from '../../helpers/tools';
import { fixtureReport as r } from './export-fixture';

const tools = requireTools('pdftotext', 'qpdf', 'pdfimages');
const tmp = tempDir('motcua-report-pdf-');
let file: string;
let bytes: Buffer;

beforeAll(async () => {
  const out = await renderReport({ ...r, agency: 'SXD' }, 'pdf', { agencyName: 'Sở Xây dựng' });
  expect(out.fileName).toBe('bao-cao-2026-01-01_2026-06-30-SXD.pdf');
  expect(out.mediaType).toBe('application/pdf');
  bytes = out.bytes;
  file = path.join(tmp.dir, out.fileName);
  writeFileSync(file, bytes);
});
afterAll(() => tmp.cleanup());

describe('PDF period report', () => {
  it('is A4 portrait, the same bytes for the same report, dated at its generation', async () => {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    for (const page of doc.getPages()) expect(page.getSize()).toEqual({ width: 595.28, height: 841.89 });
    expect(doc.getCreationDate()?.toISOString()).toBe(r.generatedAt);
    const again = await renderReport({ ...r, agency: 'SXD' }, 'pdf', { agencyName: 'Sở Xây dựng' });
    expect(Buffer.compare(again.bytes, bytes)).toBe(0);
  });

  it.skipIf(tools.skip)('reads back in Vietnamese with the figures in Vietnamese notation; passes qpdf; carries the charts', () => {
    expect(qpdfCheck(file)).toContain('No syntax or stream encoding errors');
    const text = pdfText(file);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('BÁO CÁO TÌNH HÌNH TIẾP NHẬN, GIẢI QUYẾT VÀ SỐ HOÁ HỒ SƠ THỦ TỤC HÀNH CHÍNH');
    expect(flat).toContain('Từ ngày 01/01/2026 đến ngày 30/06/2026');
    expect(flat).toContain('Cơ quan: Sở Xây dựng');
    expect(flat).toContain('Trong kỳ, đã tiếp nhận 32.371 hồ sơ thủ tục hành chính');
    expect(flat).toContain('trước hạn 2.343 hồ sơ, đúng hạn 29.258 hồ sơ, quá hạn 5 hồ sơ');
    // The main table's row: every figure, dotted thousands, the rate with a comma.
    expect(flat).toMatch(/32\.371 1\.300 31\.071 31\.606 2\.343 29\.258 5 760 760 0 5 99,98%/);
    expect(flat).toContain('124.345'); // pages digitised
    expect(flat).toContain('91,2'); // mean OCR confidence
    expect(flat).toContain('Trang cần xem lại');

    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((p, i) => expect(p).toContain(`Trang ${i + 1}/${pages.length}`));
    // The procedure table runs over pages: its header is on each of them, and every procedure is listed once.
    const withProcedureHeader = pages.filter((p) => p.includes('Tên thủ tục'));
    expect(withProcedureHeader.length).toBeGreaterThan(1);
    for (const proc of r.perProcedure) expect(flat.split(proc.procedure).length - 1).toBe(1);

    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images).toHaveLength(2);
    for (const line of images) expect(line).toMatch(/^\s*\d+\s+\d+\s+image\s+1520\s+680\s+rgb/);
  });
});
