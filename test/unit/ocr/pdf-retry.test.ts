/**
 * A document whose PDF was built but could not be stored (a full disk …) is tried again later, less and less often,
 * not rebuilt on every poll; once storing works it is built and the retry delay is forgotten.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentPdfs } from '../../../core/services/ocr/document-pdfs';
import { OcrQueue } from '../../../core/services/ocr/ocr-queue';
import type { PageFiles } from '../../../core/services/documents/page-files';
import { PageIndex } from '../../../core/services/search/page-index';
import { systemClock } from '../../../core/platform/clock';
import { startCore, type TestCore } from '../../helpers/core';
import { plainPng, receiveDossier, storePages } from '../../integration/ocr/queue-harness';

let t: TestCore;
beforeEach(async () => {
  t = await startCore({ ocr: { run: false } });
});
afterEach(() => t.close());

describe('document PDFs that cannot be stored', () => {
  it('are retried after a delay, then built once storing works', async () => {
    const dossier = await receiveDossier(t.core);
    await storePages(t.core, { dossierId: dossier.id }, 'TP1', [await plainPng(300)]);
    const queue = new OcrQueue({ db: t.core.db, clock: systemClock, index: new PageIndex(t.core.db), threshold: () => 60 });
    const job = queue.claim()!;
    queue.complete(job, { text: 'a', confidence: 90, words: [], width: 300, height: 60, dpi: 200, ms: 1, engine: 'test' }, 'sha');

    const real = t.core.services.pages.files;
    let diskFull = true;
    const files = new Proxy(real, {
      get(target, prop, receiver) {
        if (prop === 'write' && diskFull) return () => { throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }); };
        const v = Reflect.get(target, prop, receiver) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    }) as PageFiles;
    let builds = 0;
    const logger = { debug() {}, info() {}, warn() {}, error() {} } as unknown as ConstructorParameters<typeof DocumentPdfs>[0]['logger'];
    const pdfs = new DocumentPdfs({
      db: t.core.db,
      files,
      clock: systemClock,
      events: { publish() {} },
      logger,
      build: async () => {
        builds += 1;
        return { bytes: new TextEncoder().encode('%PDF-1.4\n'), pageCount: 1, pageSha256: [] };
      },
    });
    await pdfs.kick();
    await pdfs.kick();
    await pdfs.kick();
    expect(builds).toBe(1);
    const state = () => t.core.db.prepare<[string], { state: string }>("SELECT state FROM document_pdfs WHERE dossier_id = ? AND item_code = 'TP1'").get(dossier.id)?.state;
    expect(state()).toBe('stale');

    // The delay passes and the disk has room again.
    diskFull = false;
    (pdfs as unknown as { backoff: Map<string, { until: number }> }).backoff.forEach((v) => (v.until = 0));
    await pdfs.kick();
    expect(builds).toBe(2);
    expect(state()).toBe('ready');
  });
});
