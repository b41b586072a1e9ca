/**
 * What the search tests share: dossiers received the normal way (dossiers.receive), pages stored the way scanning
 * stores them (PageStore.createBatch → addRaw → completeProcessing with a real small pipeline's output), and page
 * text seeded as the OCR queue writes it (a page_text row and its FTS row through PageIndex, the page's OCR job done),
 * since the queue that reads pages is not what these tests are about. Every step is synchronous after the pipeline's
 * output is made, so a background OCR runner has no turn in between.
 */
import { randomUUID } from 'node:crypto';
import type { Core } from '../../../core/app';
import type { Actor } from '../../../core/services/actor';
import type { PageOwner } from '../../../core/services/documents/page-store-types';
import type { PipelineOutput } from '../../../core/services/scanning/pipeline/types';
import { PageIndex } from '../../../core/services/search/page-index';
import { makePng } from '../../helpers/escl-server';
import { sharpPipeline } from '../scanning/scan-harness';

export const SCANNER: Actor = { kind: 'system', name: 'test-scanner', role: 'clerk' };

let processed: PipelineOutput | null = null;

/** The pipeline's output for a small page (made once: every test page shares the image, not the text). */
export async function pageImage(): Promise<PipelineOutput> {
  if (!processed) {
    processed = await sharpPipeline().process({ bytes: makePng(60, 80, 150, 1), dpi: 150, options: {} as never });
  }
  return processed;
}

/** Stores one page of `itemCode` for `owner` (a dossier or a tray) and gives it `text` as its OCR text. */
export function storePage(core: Core, out: PipelineOutput, owner: PageOwner, itemCode: string, text: string): string {
  const pages = core.services.pages;
  const batchId = randomUUID();
  pages.createBatch({ id: batchId, owner, itemCode, device: 'test', settings: '{}', actor: SCANNER });
  const raw = pages.addRaw({ owner, itemCode, batchId, batchSeq: 1, bytes: makePng(60, 80, 150, 1), mediaType: 'image/png', widthPx: 60, heightPx: 80, dpi: 150, actor: SCANNER });
  pages.completeProcessing(raw.id, out);
  pages.setBatchStatus(batchId, 'completed');
  seedText(core, raw.id, text);
  return raw.id;
}

/** The OCR text of a page, stored as the OCR queue stores it (row, FTS row, job done) in one transaction. */
export function seedText(core: Core, pageId: string, text: string): number {
  const db = core.db;
  return db.transaction(() => {
    const now = new Date().toISOString();
    const row = db
      .prepare(
        `INSERT INTO page_text (page_id, text, words, word_count, confidence, width, height, dpi, engine, ms, created_at)
         VALUES (?, ?, '[]', ?, 95, 60, 80, 150, 'test', 1, ?)
         ON CONFLICT (page_id) DO UPDATE SET text = excluded.text, word_count = excluded.word_count
         RETURNING id`,
      )
      .get(pageId, text, text.split(/\s+/).filter(Boolean).length, now) as { id: number };
    new PageIndex(db).put(row.id, text);
    db.prepare("UPDATE ocr_jobs SET state = 'done', finished_at = ?, run_mark = NULL WHERE page_id = ?").run(now, pageId);
    return row.id;
  })();
}
