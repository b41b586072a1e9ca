/**
 * The OCR runner when a page is turned while it is being read: the trigger queues the page again and the runner
 * claims it again while the first read is still in flight. Each claim is tracked on its own, so when the first
 * (now stale) read ends the second is still known: close() stops it and waits for it.
 */
import { afterEach, expect, it } from 'vitest';
import type { OcrEngine, OcrInput, OcrResult } from '../../../core/services/ocr/engine/types';
import { call, startCore, type TestCore } from '../../helpers/core';
import { plainPng, receiveDossier, storePages, until } from '../../integration/ocr/queue-harness';

interface Pending {
  signal: AbortSignal | undefined;
  resolve: (r: OcrResult) => void;
}

/** An engine whose reads end only when the test says so; a read whose signal is aborted rejects. */
function heldEngine(): OcrEngine & { reads: Pending[] } {
  const reads: Pending[] = [];
  return {
    workers: 2,
    reads,
    recognize(_input: OcrInput, opts?: { signal?: AbortSignal }) {
      return new Promise<OcrResult>((resolve, reject) => {
        reads.push({ signal: opts?.signal, resolve });
        opts?.signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
      });
    },
    async close() {},
  };
}

const result: OcrResult = { text: 'chữ', confidence: 90, words: [], width: 300, height: 60, dpi: 200, ms: 1, engine: 'test' };

let t: TestCore | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

it('a page turned while being read is claimed again; the first read ending leaves the second tracked (close stops it)', async () => {
  const engine = heldEngine();
  t = await startCore({ ocr: { run: true, pollMs: 60_000, engine: () => engine, buildPdf: () => Promise.reject(new Error('no PDF in this test')) } });
  const dossier = await receiveDossier(t.core);
  const [page] = await storePages(t.core, { dossierId: dossier.id }, 'TP1', [await plainPng(300)]);
  await until(() => engine.reads.length === 1);
  const admin = t.core.openConnection('cli', 'test', { name: 'test', role: 'admin' });
  await call(t.core, admin, 'pages.rotate', { pageId: page!.id, quarterTurns: 1 });
  // The turn queued the page again and the runner (a worker free) took it again.
  await until(() => engine.reads.length === 2);
  engine.reads[0]!.resolve(result);
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  expect(engine.reads[1]!.signal?.aborted).toBe(false);
  await t.core.services.ocr.runner!.close();
  // The second read was still the runner's: closing stopped it and put its job back.
  expect(engine.reads[1]!.signal?.aborted).toBe(true);
  const j = t.core.db.prepare<[string], { state: string }>('SELECT state FROM ocr_jobs WHERE page_id = ?').get(page!.id);
  expect(j?.state).toBe('waiting');
});
