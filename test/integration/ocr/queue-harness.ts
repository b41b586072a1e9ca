/**
 * What the OCR queue tests share: a received dossier, pages stored through the real PageStore (batch, raw page,
 * pipeline output) the way a scan stores them, and a few lines of Vietnamese text rendered small (so OCR is quick).
 */
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { Page } from '../../../core/contract/scans';
import type { Core } from '../../../core/app';
import type { Actor } from '../../../core/services/actor';
import type { PageOwner } from '../../../core/services/documents/page-store-types';
import { processPage } from '../../../core/services/scanning/pipeline/process-page';
import type { PipelineOutput } from '../../../core/services/scanning/pipeline/types';
import { call } from '../../helpers/core';
import { NGUYEN_THI_HUYNH, personInput } from '../../helpers/people';

export const WARD = '000.27.10.H12';
/** Checklist TP1..TP4 (sample catalogue). */
export const MARITAL = '1.004873';
export const TEST_ACTOR: Actor = { kind: 'system', name: 'test', role: 'admin' };

export async function receiveDossier(core: Core): Promise<{ id: string; code: string }> {
  const c = core.openConnection('cli', 'setup', { name: 'setup', role: 'admin' });
  try {
    const v = await call(core, c, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(NGUYEN_THI_HUYNH) });
    return { id: v.id, code: v.code ?? '' };
  } finally {
    core.closeConnection(c);
  }
}

/** Lines of Vietnamese at 200 dpi in DejaVu Sans, a small page: OCR takes a second or two. */
export async function textPng(lines: readonly string[], dpi = 200): Promise<Buffer> {
  const fontPx = (14 / 72) * dpi;
  const margin = Math.round(dpi / 4);
  const width = Math.round(dpi * 4.5);
  const height = Math.round(margin * 2 + fontPx * 1.8 * lines.length);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const texts = lines.map((l, i) => `<text x="${margin}" y="${Math.round(margin + fontPx + i * fontPx * 1.8)}">${esc(l)}</text>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/><g font-family="DejaVu Sans" font-size="${fontPx.toFixed(1)}" fill="#000">${texts}</g></svg>`;
  return sharp(Buffer.from(svg), { density: 72 }).flatten({ background: '#ffffff' }).withDensity(dpi).toColourspace('b-w').png().toBuffer();
}

/** A plain gray page (no text), `width` wide: cheap pages for tests that never run OCR. */
export function plainPng(width: number, height = 60, gray = 200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: gray, g: gray, b: gray } } }).toColourspace('b-w').png().toBuffer();
}

/** The real page pipeline, keeping the page's geometry (no crop, turn or deskew). */
export function pipeline(png: Uint8Array, dpi = 200): Promise<PipelineOutput> {
  return processPage({ bytes: png, dpi, options: { color: 'gray', separators: false, crop: false, deskew: false, autoOrient: false } }, { detectSeparator: null });
}

/** A page stored the way a scan stores it: a batch, the raw page, then the pipeline's output (state 'ready'). */
export async function storePages(core: Core, owner: PageOwner, itemCode: string, pngs: readonly Buffer[], dpi = 200): Promise<Page[]> {
  const store = core.services.pages;
  const batch = store.createBatch({ id: randomUUID(), owner, itemCode, device: 'test', settings: '{}', actor: TEST_ACTOR });
  const out: Page[] = [];
  for (const [i, png] of pngs.entries()) {
    const meta = await sharp(png).metadata();
    const raw = store.addRaw({ owner, itemCode, batchId: batch.id, batchSeq: i + 1, bytes: png, mediaType: 'image/png', widthPx: meta.width ?? 0, heightPx: meta.height ?? 0, dpi, actor: TEST_ACTOR });
    out.push(store.completeProcessing(raw.id, await pipeline(png, dpi)));
  }
  store.setBatchStatus(batch.id, 'completed');
  return out;
}

/** Polls `check` until it holds, at most `tries` times (bounded; no timing asserted). */
export async function until(check: () => boolean, tries = 1200, everyMs = 50): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error('condition not reached');
}

export interface JobRow {
  page_id: string;
  state: string;
  tries: number;
  focus_at: string | null;
  error_code: string | null;
  error_message: string | null;
}

export const jobs = (core: Core): JobRow[] => core.db.prepare<[], JobRow>('SELECT * FROM ocr_jobs ORDER BY enqueued_at').all();
export const job = (core: Core, pageId: string): JobRow | undefined => core.db.prepare<[string], JobRow>('SELECT * FROM ocr_jobs WHERE page_id = ?').get(pageId);
