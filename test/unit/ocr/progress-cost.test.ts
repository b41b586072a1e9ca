/**
 * The figures the OCR runner sends after every page (ocr.progress) must not cost more as pages are read over the
 * months (issue #19: a year's folder holds ~640,000 pages done, and every page read, the first at each start, paid
 * for reading them all twice). Checked on the statements' query plans, with their own parameters: none scans the
 * jobs, and none reaches the pages done except through the partial index of those finished in the rate's window.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { OcrQueue } from '../../../core/services/ocr/ocr-queue';
import { PageIndex } from '../../../core/services/search/page-index';
import { systemClock } from '../../../core/platform/clock';
import type { Db } from '../../../core/store/database';
import { startCore, type TestCore } from '../../helpers/core';

let t: TestCore;
beforeEach(async () => {
  t = await startCore({ ocr: { run: false }, seedSampleCatalogue: false });
});
afterEach(() => t.close());

/** The database with every statement's text and parameters recorded as it runs. */
function recording(db: Db): { db: Db; ran: { sql: string; params: unknown[] }[] } {
  const ran: { sql: string; params: unknown[] }[] = [];
  const wrapped = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'prepare') return Reflect.get(target, prop, receiver) as unknown;
      return (sql: string) => {
        const stmt = target.prepare(sql);
        return new Proxy(stmt, {
          get(s, p, r) {
            const v = Reflect.get(s, p, r) as unknown;
            if (typeof v !== 'function') return v;
            return (...params: unknown[]) => {
              if (p === 'get' || p === 'all' || p === 'run' || p === 'iterate') ran.push({ sql, params });
              return (v as (...a: unknown[]) => unknown).apply(s, params);
            };
          },
        });
      };
    },
  });
  return { db: wrapped, ran };
}

it('the figures sent after every page read no job done outside the rate window', () => {
  const { db, ran } = recording(t.core.db);
  const queue = new OcrQueue({ db, clock: systemClock, index: new PageIndex(t.core.db), threshold: () => 60 });
  queue.liveCounts();
  const onJobs = ran.filter((r) => /\bFROM ocr_jobs\b/.test(r.sql));
  expect(onJobs.length).toBeGreaterThan(0);
  for (const r of onJobs) {
    const plan = t.core.db
      .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${r.sql}`)
      .all(...r.params)
      .map((p) => p.detail)
      .join('\n');
    expect(plan, r.sql).not.toMatch(/\bSCAN ocr_jobs\b/);
    const readsDone = r.params.includes('done') || /state = 'done'/.test(r.sql);
    if (readsDone) expect(plan, r.sql).toMatch(/USING INDEX ocr_jobs_finished/);
  }
});
