/**
 * The OCR queue in a running core with the real engine (the tesseract.js pool, one worker) and the real PDF/A
 * builder: pages stored by a scan are read in the background, their text indexed, their document's PDF built with
 * every page once and served in chunks; bad masters fail with a clear code and the queue goes on.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { PDFDocument } from '@cantoo/pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../core/contract/events';
import { foldVietnamese } from '../../../core/domain/text/fold';
import type { Connection } from '../../../core/rpc/connection';
import { createOcrPool } from '../../../core/services/ocr/engine/ocr-pool';
import { call, startCore, type TestCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { job, receiveDossier, storePages, textPng, until } from './queue-harness';

let t: TestCore | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const LINES_A = ['Kính gửi Ủy ban nhân dân phường', 'Tôi tên là Nguyễn Thị Huỳnh'];
const LINES_B = ['Giấy khai sinh số 123', 'Đăng ký tại Hà Nội'];

async function readWholePdf(core: TestCore['core'], c: Connection, dossierId: string, itemCode: string): Promise<{ bytes: Buffer; sha256: string }> {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const chunk = await call(core, c, 'ocr.readPdf', { dossierId, itemCode, offset });
    parts.push(Buffer.from(chunk.dataBase64, 'base64'));
    if (chunk.next >= chunk.bytes) return { bytes: Buffer.concat(parts), sha256: chunk.sha256 };
    offset = chunk.next;
  }
}

describe('OCR queue with the real engine', () => {
  it('reads stored pages in the background: text, words and confidence kept and indexed, the PDF built with each page once', async () => {
    t = await startCore({ ocr: { run: true, workers: 1, pollMs: 200 } });
    const core = t.core;
    const admin = core.openConnection('cli', 'test', { name: 'test', role: 'admin' });
    const seen: EventMessage[] = [];
    core.events.publish = ((orig) => (name: never, data: never) => {
      seen.push({ event: name, data } as EventMessage);
      orig.call(core.events, name, data);
    })(core.events.publish);
    const d = await receiveDossier(core);
    const pages = await storePages(core, { dossierId: d.id }, 'TP1', [await textPng(LINES_A), await textPng(LINES_B)]);
    await until(() => core.db.prepare<[], { state: string }>(`SELECT state FROM document_pdfs WHERE dossier_id = '${d.id}' AND item_code = 'TP1'`).get()?.state === 'ready');

    const first = await call(core, admin, 'ocr.page', { pageId: pages[0]!.id });
    expect(first.state).toBe('done');
    expect(foldVietnamese(first.text)).toContain('nguyen thi huynh');
    expect(first.confidence).toBeGreaterThan(60);
    expect(first.flagged).toBe(false);
    const second = await call(core, admin, 'ocr.page', { pageId: pages[1]!.id });
    expect(foldVietnamese(second.text)).toContain('ha noi');
    const stored = core.db.prepare<[string], { words: string; width: number; height: number }>('SELECT words, width, height FROM page_text WHERE page_id = ?').get(pages[0]!.id)!;
    expect(JSON.parse(stored.words).length).toBeGreaterThan(5);
    // Boxes refer to the image the engine read: the master, or the master enlarged for small text (same shape).
    expect(stored.width).toBeGreaterThanOrEqual(pages[0]!.widthPx!);
    expect(stored.height / stored.width).toBeCloseTo(pages[0]!.heightPx! / pages[0]!.widthPx!, 2);
    expect(core.db.prepare(`SELECT COUNT(*) AS n FROM page_text_fts WHERE page_text_fts MATCH 'huynh'`).get()).toEqual({ n: 1 });

    const status = await call(core, admin, 'ocr.status', {});
    expect(status).toMatchObject({ waiting: 0, running: 0, failed: 0, done: 2, workers: 1 });
    expect(status.pagesPerMinute).toBeGreaterThan(0);

    const dossierOcr = await call(core, admin, 'ocr.dossier', { dossierId: d.id });
    expect(dossierOcr.pages.map((p) => p.state)).toEqual(['done', 'done']);
    expect(dossierOcr.documents).toMatchObject([{ itemCode: 'TP1', state: 'ready', pageCount: 2 }]);

    const pdf = await readWholePdf(core, admin, d.id, 'TP1');
    expect(createHash('sha256').update(pdf.bytes).digest('hex')).toBe(pdf.sha256);
    expect((await PDFDocument.load(pdf.bytes)).getPageCount()).toBe(2);

    const progress = seen.filter((m) => m.event === 'ocr.progress').map((m) => m.data as { pageId: string | null; state: string | null });
    for (const p of pages) expect(progress.filter((e) => e.pageId === p.id).map((e) => e.state)).toEqual(['running', 'done']);
    expect(seen.some((m) => m.event === 'documents.pdfChanged' && (m.data as { state: string }).state === 'ready')).toBe(true);

    // A page moved out: its old document is rebuilt without it, the new one with it; the file replaced, never twice.
    const oldPath = core.db.prepare<[], { path: string }>(`SELECT path FROM document_pdfs WHERE item_code = 'TP1'`).get()!.path;
    await call(core, admin, 'pages.move', { pageId: pages[1]!.id, itemCode: 'TP2', position: 1 });
    await until(() => core.db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM document_pdfs WHERE state = 'ready' AND page_count = 1`).get()!.n === 2);
    expect(core.services.pages.files.exists(oldPath)).toBe(false);
    expect((await PDFDocument.load((await readWholePdf(core, admin, d.id, 'TP1')).bytes)).getPageCount()).toBe(1);
    expect((await PDFDocument.load((await readWholePdf(core, admin, d.id, 'TP2')).bytes)).getPageCount()).toBe(1);

    // A file changed on disk (same size) is reported, not served.
    const file = core.services.pages.files.abs(core.db.prepare<[], { path: string }>(`SELECT path FROM document_pdfs WHERE item_code = 'TP2'`).get()!.path);
    const bytes = readFileSync(file);
    const mid = bytes.length >> 1;
    bytes.writeUInt8(bytes.readUInt8(mid) ^ 0xff, mid);
    writeFileSync(file, bytes);
    const r = await core.dispatch(admin, 'ocr.readPdf', { dossierId: d.id, itemCode: 'TP2', offset: 0 });
    expect(r.ok ? null : r.error.code).toBe('OCR_PDF_MISSING');
  }, 180_000);

  it('with no language data no page fails: pages go back untouched and wait for the machine to be fixed', async () => {
    const empty = tempDir('motcua-no-tessdata-');
    try {
      t = await startCore({ ocr: { run: true, workers: 1, pollMs: 200, engine: (o) => createOcrPool({ ...o, resourcesDir: empty.dir }) } });
      const core = t.core;
      const d = await receiveDossier(core);
      const [p] = await storePages(core, { dossierId: d.id }, 'TP1', [await textPng(['Trang một'])]);
      await until(() => core.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM ocr_jobs WHERE page_id = ? AND started_at IS NULL').get(p!.id)!.n === 1 && (core.services.ocr.runner!.started));
      await core.services.ocr.runner!.idle();
      expect(job(core, p!.id)).toMatchObject({ state: 'waiting', tries: 0, error_code: null });
    } finally {
      empty.cleanup();
    }
  }, 60_000);

  it('a master that is not an image fails at once, a missing one after its tries; the queue goes on and the PDF is built without their text', async () => {
    t = await startCore({ ocr: { run: true, workers: 1, pollMs: 200 } });
    const core = t.core;
    const d = await receiveDossier(core);
    const [garbled, missing, good] = await storePages(core, { dossierId: d.id }, 'TP1', [await textPng(['Trang một']), await textPng(['Trang hai']), await textPng(LINES_B)]);
    // Broken behind the queue's back, before it runs (the core reads on its next wake).
    const master = (id: string) => core.db.prepare<[string], { master_path: string }>('SELECT master_path FROM dossier_pages WHERE id = ?').get(id)!.master_path;
    await core.services.ocr.runner!.idle();
    writeFileSync(core.services.pages.files.abs(master(garbled!.id)), 'không phải ảnh');
    rmSync(core.services.pages.files.abs(master(missing!.id)));
    core.db.prepare(`UPDATE ocr_jobs SET state = 'waiting', tries = 0, focus_at = NULL`).run();
    core.services.ocr.runner!.wake();
    await until(() => ['failed', 'done'].includes(job(core, missing!.id)!.state) && job(core, good!.id)!.state === 'done' && job(core, garbled!.id)!.state === 'failed');
    expect(job(core, garbled!.id)).toMatchObject({ state: 'failed', tries: 1, error_code: 'OCR_IMAGE_UNREADABLE' });
    expect(job(core, missing!.id)).toMatchObject({ state: 'failed', tries: 3, error_code: 'PAGE_FILE_MISSING' });
    expect(job(core, missing!.id)!.error_message).toMatch(/Không đọc được tệp ảnh/);
    expect(job(core, good!.id)).toMatchObject({ state: 'done' });
    await until(() => core.db.prepare<[], { state: string }>(`SELECT state FROM document_pdfs WHERE item_code = 'TP1'`).get()?.state === 'ready');
    const admin = core.openConnection('cli', 'test', { name: 'test', role: 'admin' });
    expect((await PDFDocument.load((await readWholePdf(core, admin, d.id, 'TP1')).bytes)).getPageCount()).toBe(3);
    expect(await call(core, admin, 'ocr.status', {})).toMatchObject({ failed: 2, done: 1, waiting: 0 });
  }, 180_000);
});
