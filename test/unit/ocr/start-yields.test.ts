/**
 * A start never waits on the OCR runner or the document PDF builder, and their backlog never holds the event loop
 * (issue #19: web mode on a year's folder did not listen within 5 minutes). Pages or documents that fail at once
 * (their files gone) settle in microtasks only: without a turn of the event loop between them, a backlog of those
 * kept every request, and the server's listen, waiting until the last one.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createCore, type Core } from '../../../core/app';
import { DocumentPdfs } from '../../../core/services/ocr/document-pdfs';
import { OcrQueue } from '../../../core/services/ocr/ocr-queue';
import { PageIndex } from '../../../core/services/search/page-index';
import { systemClock } from '../../../core/platform/clock';
import type { Db } from '../../../core/store/database';
import { TEST_HASH_COST } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { plainPng, receiveDossier, storePages } from '../../integration/ocr/queue-harness';

const logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => logger } as unknown as ConstructorParameters<typeof DocumentPdfs>[0]['logger'];
let folder: ReturnType<typeof tempDir>;
let open: Core | null = null;
beforeEach(() => {
  folder = tempDir();
});
afterEach(async () => {
  await open?.close();
  open = null;
  folder.cleanup();
});

const start = async (ocr: NonNullable<Parameters<typeof createCore>[0]['ocr']>): Promise<Core> =>
  (open = await createCore({ dataDir: folder.dir, logLevel: 'warn', seedSampleCatalogue: true, ocr, authPolicy: { hashCost: TEST_HASH_COST } }));

/** Three documents whose pages are read, stale, and a builder that fails at once, like one whose page files are gone. */
async function staleBacklog(core: Core, o: { batch?: number; db?: Db; onBuild?: () => void } = {}): Promise<{ pdfs: DocumentPdfs; builds: () => number }> {
  const queue = new OcrQueue({ db: core.db, clock: systemClock, index: new PageIndex(core.db), threshold: () => 60 });
  for (let i = 0; i < 3; i++) {
    const dossier = await receiveDossier(core);
    await storePages(core, { dossierId: dossier.id }, 'TP1', [await plainPng(300)]);
    queue.complete(queue.claim()!, { text: 'a', confidence: 90, words: [], width: 300, height: 60, dpi: 200, ms: 1, engine: 'test' }, 'sha');
  }
  let builds = 0;
  const pdfs = new DocumentPdfs({
    db: o.db ?? core.db,
    files: core.services.pages.files,
    clock: systemClock,
    events: { publish() {} },
    logger,
    build: () => {
      o.onBuild?.();
      return Promise.reject(new Error(`build ${++builds} failed`));
    },
    ...(o.batch ? { batch: o.batch } : {}),
  });
  return { pdfs, builds: () => builds };
}

it('stale documents are built one per turn of the event loop, none inside the call that asks for them', async () => {
  const { pdfs, builds } = await staleBacklog(await start({ run: false }));
  const pass = pdfs.kick();
  expect(builds()).toBe(0);
  let seenByAnotherTask = -1;
  setImmediate(() => (seenByAnotherTask = builds()));
  await pass;
  expect(builds()).toBe(3);
  // Another task of the event loop (a request, the listen) ran before the backlog was through.
  expect(seenByAnotherTask).toBeGreaterThanOrEqual(0);
  expect(seenByAnotherTask).toBeLessThan(3);
});

it('stale documents are read a batch per statement (not a year of them at once), and every one is built', async () => {
  const core = await start({ run: false });
  // The rows each statement on document_pdfs returned.
  const returned: number[] = [];
  const db = new Proxy(core.db, {
    get(target, prop, receiver) {
      if (prop !== 'prepare') return Reflect.get(target, prop, receiver) as unknown;
      return (sql: string) => {
        const stmt = target.prepare(sql);
        if (!/FROM document_pdfs d WHERE d\.state = 'stale'/.test(sql)) return stmt;
        return new Proxy(stmt, {
          get: (st, p, r) =>
            p === 'all'
              ? (...a: unknown[]) => {
                  const rows = (st.all as (...x: unknown[]) => unknown[])(...a);
                  returned.push(rows.length);
                  return rows;
                }
              : (Reflect.get(st, p, r) as unknown),
        });
      };
    },
  });
  const { pdfs, builds } = await staleBacklog(core, { batch: 2, db });
  await pdfs.kick();
  expect(builds()).toBe(3);
  expect(returned.length).toBeGreaterThan(1);
  expect(Math.max(...returned)).toBeLessThanOrEqual(2);
});

it('closing finishes the document being built and leaves the rest of a backlog to the next start', async () => {
  let closing: Promise<void> | null = null;
  // The core closes while the first document is being built.
  const { pdfs, builds } = await staleBacklog(await start({ run: false }), { onBuild: () => (closing ??= pdfs.close()) });
  await pdfs.kick();
  await closing;
  expect(builds()).toBe(1);
  expect(builds()).toBeLessThan(3);
  await pdfs.kick();
  expect(builds()).toBeLessThan(3);
});

it('createCore resolves before the runner reads any page or builds any PDF left from the last run', async () => {
  const first = await start({ run: false });
  const dossier = await receiveDossier(first);
  await storePages(first, { dossierId: dossier.id }, 'TP1', [await plainPng(300)]);
  await first.close();
  open = null;

  let engines = 0;
  let builds = 0;
  const core = await start({
    run: true,
    pollMs: 60_000,
    engine: () => {
      engines += 1;
      return { workers: 1, recognize: () => Promise.reject(new Error('not read in this test')), close: async () => {} };
    },
    buildPdf: () => Promise.reject(new Error(`build ${++builds} not wanted`)),
  });
  // Nothing of the runner's ran inside the start: the page waits for a later turn.
  expect(engines).toBe(0);
  expect(builds).toBe(0);
  await core.services.ocr.runner!.close();
});
