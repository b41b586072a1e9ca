/**
 * kill -9 in the middle of the OCR queue (issue #15's acceptance): a dossier with pages queued in two documents, a
 * child process with a core reading them (the real engine, one worker) killed while a page is being read, then the
 * core started again on the same folder. In the end no job is lost, every page is read and stored exactly once (one
 * text row, one index row), each document's PDF is built with each of its pages once, in order, and nothing is left
 * stale.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../core/app';
import { TEST_HASH_COST } from '../../helpers/core';
import { REPO, tempDir } from '../../helpers/temp';
import { receiveDossier, storePages, textPng, until } from './queue-harness';

const data = tempDir('motcua-ocr-kill-');
afterAll(() => data.cleanup());

const open = (run: boolean) => createCore({ dataDir: data.dir, logLevel: 'warn', authPolicy: { hashCost: TEST_HASH_COST }, ocr: run ? { run: true, workers: 1, pollMs: 200 } : { run: false } });

/** The page SHA-256s the PDF's XMP lists, in order (PDF/A metadata streams are not compressed). */
function xmpPageShas(pdf: Buffer): string[] {
  const m = /<motcua:pageSha256><rdf:Seq>(.*?)<\/rdf:Seq>/s.exec(pdf.toString('latin1'));
  if (!m) throw new Error('no pageSha256 in the XMP');
  return [...m[1]!.matchAll(/<rdf:li>([0-9a-f]{64})<\/rdf:li>/g)].map((x) => x[1]!);
}

describe('OCR queue: kill -9 while pages are read', () => {
  it('after the restart no job is lost, every page is read once, each PDF holds each of its pages once', async () => {
    let dossierId = '';
    const setup = await open(false);
    const dbFile = setup.layout.database;
    try {
      const d = await receiveDossier(setup);
      dossierId = d.id;
      await storePages(setup, { dossierId }, 'TP1', [
        await textPng(['Trang một của tờ khai']),
        await textPng(['Trang hai của tờ khai']),
        await textPng(['Trang ba của tờ khai']),
      ]);
      await storePages(setup, { dossierId }, 'TP2', [await textPng(['Giấy khai sinh bản sao']), await textPng(['Mặt sau giấy khai sinh'])]);
    } finally {
      await setup.close();
    }

    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    const counts = () => Object.fromEntries(db.prepare<[], { state: string; n: number }>('SELECT state, COUNT(*) AS n FROM ocr_jobs GROUP BY state').all().map((r) => [r.state, r.n]));
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'test/integration/ocr/kill-child.ts'), data.dir], { cwd: REPO, env: { ...process.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    try {
      // Bounded wait: some pages read, one being read; then the hard kill.
      await until(() => {
        const c = counts();
        return (c.done ?? 0) >= 2 && (c.running ?? 0) === 1;
      }, 4800, 25).catch((e) => {
        throw new Error(`${(e as Error).message}: ${JSON.stringify(counts())} ${stderr}`);
      });
      child.kill('SIGKILL');
      await exited;
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    const atKill = counts();
    db.close();
    // The kill caught a page being read, and left pages waiting.
    expect(atKill.running).toBe(1);
    expect(atKill.waiting ?? 0).toBeGreaterThan(0);

    const c: Core = await open(true);
    try {
      const settled = () =>
        c.db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ocr_jobs WHERE state <> 'done'`).get()!.n === 0 &&
        c.db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM document_pdfs WHERE state <> 'ready'`).get()!.n === 0;
      await until(settled, 2400, 50);
      await c.services.ocr.runner!.idle();

      const pages = c.db
        .prepare<[], { id: string; item_code: string; image_sha256: string }>(`SELECT id, item_code, image_sha256 FROM dossier_pages WHERE removed_at IS NULL ORDER BY item_code, position`)
        .all();
      expect(pages).toHaveLength(5);
      // No job lost: each page has its job, done; exactly one text row and one index row each.
      expect(c.db.prepare(`SELECT COUNT(*) AS n FROM ocr_jobs WHERE state = 'done'`).get()).toEqual({ n: 5 });
      expect(c.db.prepare('SELECT COUNT(DISTINCT page_id) AS pages, COUNT(*) AS n FROM page_text').get()).toEqual({ pages: 5, n: 5 });
      expect(c.db.prepare('SELECT COUNT(*) AS n FROM page_text_fts').get()).toEqual({ n: 5 });
      expect(c.db.prepare(`SELECT COUNT(*) AS n FROM page_text_fts WHERE page_text_fts MATCH 'khai'`).get()).toEqual({ n: 5 });
      // The page being read at the kill was read again (its try then counted), the others once.
      expect(c.db.prepare<[], { tries: number }>('SELECT tries FROM ocr_jobs ORDER BY tries').all().map((r) => r.tries)).toEqual([1, 1, 1, 1, 2]);

      for (const item of ['TP1', 'TP2']) {
        const row = c.db.prepare<[string, string], { path: string; page_count: number }>('SELECT path, page_count FROM document_pdfs WHERE dossier_id = ? AND item_code = ?').get(dossierId, item)!;
        const mine = pages.filter((p) => p.item_code === item);
        const pdf = c.services.pages.files.read(row.path);
        expect(row.page_count).toBe(mine.length);
        expect((await PDFDocument.load(pdf)).getPageCount()).toBe(mine.length);
        expect(xmpPageShas(pdf)).toEqual(mine.map((p) => p.image_sha256));
      }
      // Every PDF file under the dossier's folder is the one its row names (an old or half-made build was removed or swept).
      const named = new Set(c.db.prepare<[], { path: string }>('SELECT path FROM document_pdfs').all().map((r) => r.path));
      const { readdirSync } = await import('node:fs');
      const onDisk = readdirSync(c.services.pages.files.abs(`pdf/${dossierId}`)).map((f) => `pdf/${dossierId}/${f}`);
      expect(onDisk.sort()).toEqual([...named].sort());
    } finally {
      await c.close();
    }
  }, 300_000);
});
