/**
 * Every printed form, in both layouts, read back with the tools a clerk's PDF meets in the wild:
 * pdftotext (the Vietnamese text is extractable), pdftoppm + zbarimg (the QR scans), qpdf (the file is sound).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { renderForm } from '../../../core/domain/forms/render';
import type { FormLayout, FormName } from '../../../core/domain/forms/types';
import { APPLICANT_NAME, CHECKLIST, DOSSIER_CODE, checklistLine, sampleContext } from './fixtures';
import { missingTools, pageCount, pageText, pdfText, qpdfCheck, readQrCodes, writePdf } from './tools';

const missing = missingTools();
if (missing.length > 0) {
  console.warn(`SKIPPED printed-form PDF tests: missing ${missing.join(', ')} (apt-get install -y poppler-utils qpdf zbar-tools)`);
}

const FORMS: FormName[] = ['receipt', 'supplement', 'refusal', 'apology', 'handover', 'bien-lai'];
const LAYOUTS: FormLayout[] = ['a4', '80mm'];
const context = sampleContext();
const LOOKUP = `${context.lookupUrl}?code=${encodeURIComponent(DOSSIER_CODE)}`;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'motcua-forms-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(missing.length > 0)('printed forms read back', () => {
  for (const form of FORMS) {
    for (const layout of LAYOUTS) {
      it(`${form} (${layout}): text, QR and structure`, async () => {
        const file = await writePdf(dir, `${form}-${layout}.pdf`, await renderForm(form, context, { layout }));
        const text = await pdfText(file);

        expect(text).toContain(APPLICANT_NAME.normalize('NFC'));
        expect(text).toContain(DOSSIER_CODE);
        if (form === 'receipt' || form === 'apology') {
          expect(text).toContain('10/03/2026 16:30');
          expect(text).not.toContain('2026-03-10');
        }
        if (form === 'receipt') for (const item of CHECKLIST) expect(text).toContain(item.name);
        if (form === 'supplement') for (const item of context.supplement!.items) expect(text).toContain(item.reason);
        if (form === 'refusal') expect(text).toContain(context.refusal!.reason);
        if (form === 'apology') expect(text).toContain('13/03/2026 10:15');
        if (form === 'bien-lai') expect(text).toContain('Một trăm hai mươi lăm nghìn đồng');

        const codes = await readQrCodes(file);
        expect(codes.length).toBeGreaterThan(0);
        for (const code of codes) expect(code).toContain(DOSSIER_CODE);
        expect(codes).toContain(LOOKUP);

        const check = await qpdfCheck(file);
        expect(check.report).toContain('No syntax or stream encoding errors');
        expect(check.ok).toBe(true);

        if (layout === '80mm') {
          expect(await pageCount(file)).toBe(1);
          const pdf = await PDFDocument.load(await renderForm(form, context, { layout }));
          expect(pdf.getPage(0).getWidth()).toBeCloseTo((80 * 72) / 25.4, 1);
        }
      });
    }
  }

  it('QR holds the bare dossier code when no lookup page is configured', async () => {
    const { lookupUrl: _unused, ...rest } = context;
    const file = await writePdf(dir, 'receipt-nourl.pdf', await renderForm('receipt', rest, { layout: '80mm' }));
    expect(await readQrCodes(file, 150)).toEqual([DOSSIER_CODE]);
  });

  it('a 40-item checklist runs over A4 pages, repeating the table header, and loses no item', async () => {
    const checklist = Array.from({ length: 40 }, (_, i) =>
      checklistLine(`Giấy tờ số ${i + 1}: bản kê khai chi tiết tài sản, thu nhập và nghĩa vụ tài chính của người đề nghị`, (((i % 4) + 1) as 1 | 2 | 3 | 4)),
    );
    const file = await writePdf(dir, 'receipt-long.pdf', await renderForm('receipt', sampleContext({ checklist }), { layout: 'a4' }));
    const pages = await pageCount(file);
    expect(pages).toBeGreaterThanOrEqual(2);

    const text = await pdfText(file);
    for (const item of checklist) expect(text).toContain(item.name);
    expect(text).toContain('10/03/2026 16:30');

    // Every page the table reaches shows its header row; every page shows the footer with its number.
    let pagesWithHeader = 0;
    for (let p = 1; p <= pages; p++) {
      const t = await pageText(file, p);
      expect(t).toContain(`Trang ${p}/${pages}`);
      if (t.includes('Tên giấy tờ')) pagesWithHeader++;
      if (p > 1 && /Giấy tờ số \d+/.test(t)) expect(t).toContain('Tên giấy tờ');
    }
    expect(pagesWithHeader).toBeGreaterThanOrEqual(2);
    // Items keep their order across the break.
    expect(text.indexOf('Giấy tờ số 39:')).toBeGreaterThan(text.indexOf('Giấy tờ số 2:'));
    expect((await qpdfCheck(file)).ok).toBe(true);
  });

  it('the 80 mm page grows with the checklist instead of breaking', async () => {
    const short = await renderForm('receipt', sampleContext({ checklist: CHECKLIST.slice(0, 1) }), { layout: '80mm' });
    const checklist = Array.from({ length: 30 }, (_, i) => checklistLine(`Giấy tờ kèm theo số ${i + 1}`, 1));
    const long = await renderForm('receipt', sampleContext({ checklist }), { layout: '80mm' });
    const [a, b] = await Promise.all([PDFDocument.load(short), PDFDocument.load(long)]);
    expect(a.getPageCount()).toBe(1);
    expect(b.getPageCount()).toBe(1);
    expect(b.getPage(0).getHeight()).toBeGreaterThan(a.getPage(0).getHeight() + 100);
    const file = await writePdf(dir, 'receipt-80-long.pdf', long);
    const text = await pdfText(file);
    for (const item of checklist) expect(text).toContain(item.name);
  });

  it('decomposed (NFD) input prints the same composed text', async () => {
    const nfd = sampleContext({ applicant: { ...context.applicant, fullName: APPLICANT_NAME.normalize('NFD') } });
    const file = await writePdf(dir, 'receipt-nfd.pdf', await renderForm('receipt', nfd, { layout: 'a4' }));
    expect(await pdfText(file)).toContain(APPLICANT_NAME.normalize('NFC'));
  });

  it('sets the document metadata', async () => {
    const pdf = await PDFDocument.load(await renderForm('receipt', context, { layout: 'a4' }), { updateMetadata: false });
    expect(pdf.getTitle()).toContain(DOSSIER_CODE);
    expect(pdf.getAuthor()).toBe(context.agency.name);
    // printedAt 2026-03-05T09:45 in Vietnam is 02:45 UTC.
    expect(pdf.getCreationDate()?.toISOString()).toBe('2026-03-05T02:45:00.000Z');
    const lang = pdf.catalog.lookup(PDFName.of('Lang'));
    expect(lang instanceof PDFString ? lang.decodeText() : String(lang)).toContain('vi');
  });
});
