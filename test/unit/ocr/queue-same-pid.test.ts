/**
 * Jobs left 'running' by an earlier process that had this very pid (a restart in a fresh PID namespace, e.g. a
 * container's node is pid 1 every time, same boot): that process is gone, so a start puts its jobs back; jobs this
 * process claimed itself (another core of it) stay its own.
 */
import { afterEach, expect, it } from 'vitest';
import { createCore } from '../../../core/app';
import { bootMinute } from '../../../core/platform/process-marks';
import { systemClock } from '../../../core/platform/clock';
import { OcrQueue } from '../../../core/services/ocr/ocr-queue';
import { PageIndex } from '../../../core/services/search/page-index';
import { startCore, TEST_HASH_COST, type TestCore } from '../../helpers/core';
import { job, plainPng, receiveDossier, storePages } from '../../integration/ocr/queue-harness';

let t: TestCore | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

it('at start, jobs under this pid from an earlier process go back; those this process claimed stay', async () => {
  t = await startCore({ ocr: { run: false } });
  const dossier = await receiveDossier(t.core);
  const pages = await storePages(t.core, { dossierId: dossier.id }, 'TP1', [await plainPng(310), await plainPng(311)]);
  // An earlier process with this pid, killed -9 mid-page (its own token, not this process's).
  t.core.db.prepare(`UPDATE ocr_jobs SET state = 'running', run_mark = ?, tries = 1 WHERE page_id = ?`).run(`${process.pid} ${bootMinute()} 0123456789ab.cdef01234567`, pages[0]!.id);
  t.core.db.prepare(`UPDATE ocr_jobs SET focus_at = NULL, enqueued_at = '2000-01-01T00:00:00.000Z' WHERE page_id = ?`).run(pages[1]!.id);
  // This process claims the other page itself.
  const mine = new OcrQueue({ db: t.core.db, clock: systemClock, index: new PageIndex(t.core.db), threshold: () => 60 }).claim();
  expect(mine?.pageId).toBe(pages[1]!.id);
  await t.core.close();
  const again = await createCore({ dataDir: t.dir, logLevel: 'warn', authPolicy: { hashCost: TEST_HASH_COST }, ocr: { run: false } });
  t.core = again;
  expect(job(again, pages[0]!.id)).toMatchObject({ state: 'waiting', tries: 1 });
  expect(job(again, pages[1]!.id)).toMatchObject({ state: 'running' });
});
