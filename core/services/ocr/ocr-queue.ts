/**
 * The durable OCR queue (ocr_jobs, migration 009): the database side only, every step one transaction.
 * Pages are queued by triggers in the transaction that makes them readable (009_ocr.ts). A job is claimed with an
 * UPDATE … WHERE state = 'waiting' inside an IMMEDIATE transaction, so two processes (the app and a CLI command, or
 * two cores) never run the same job; the claim names the process (run_mark: pid, boot, and this process's token.a token for this claim).
 * A job is finished only by the claim that holds it: a page turned or removed meanwhile is queued again by its
 * trigger, and the stale result is dropped. A start puts back the jobs of processes that are gone; a page whose
 * read keeps failing (or keeps killing its process) stops after MAX_TRIES with the reason kept.
 */
import { randomBytes } from 'node:crypto';
import type { PageOcr } from '../../contract/ocr';
import type { OcrResult } from './engine/types';
import { errorMessage } from '../../i18n/translate';
import type { Clock } from '../../platform/clock';
import { markAlive, parseProcessMark, processMark } from '../../platform/process-marks';
import { inTransaction, type Db } from '../../store/database';
import type { PageIndexWriter } from '../search/types';
import { isFlagged } from './quality';

export const MAX_TRIES = 3;
/**
 * This process's own token, the third field of its claims' marks. A mark with this pid but another token names an
 * earlier process that had the same pid (a restart in a fresh PID namespace: a container's node is pid 1 every
 * time, in the same boot), which is gone; cores of this same process share the token, so they keep each other's jobs.
 */
const PROCESS_TOKEN = randomBytes(6).toString('hex');
/** How far back pages per minute looks. */
export const RATE_WINDOW_MS = 10 * 60_000;

export interface ClaimedJob {
  pageId: string;
  dossierId: string | null;
  trayOwner: string | null;
  masterPath: string;
  dpi: number | null;
  blank: boolean;
  content: string | null;
  tries: number;
  /** The claim's mark: only it may finish the job. */
  mark: string;
}

export interface Finished {
  pageId: string;
  dossierId: string | null;
  trayOwner: string | null;
  state: 'done' | 'failed' | 'waiting';
}

export interface QueueCounts {
  waiting: number;
  running: number;
  failed: number;
  done: number;
  flagged: number;
  pagesPerMinute: number;
  etaSeconds: number | null;
}

interface JobRow {
  page_id: string;
  state: 'waiting' | 'running' | 'done' | 'failed';
  tries: number;
  run_mark: string | null;
  error_code: string | null;
  error_message: string | null;
}

interface PageRef {
  id: string;
  dossier_id: string | null;
  tray_owner: string | null;
  item_code: string;
  position: number | null;
  state: string;
  kind: string;
  master_path: string | null;
  dpi: number | null;
  blank: number;
  content: string | null;
  removed_at: string | null;
}

export interface OcrQueueDeps {
  db: Db;
  clock: Clock;
  index: PageIndexWriter;
  /** Mean confidence under which a page is flagged (read when a page finishes). */
  threshold: () => number;
  maxTries?: number;
}

const SQL_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

export class OcrQueue {
  readonly maxTries: number;
  /** This process's marks start with this (pid and boot); each claim adds a token. */
  private readonly processMark = processMark().trim();

  constructor(private readonly d: OcrQueueDeps) {
    this.maxTries = d.maxTries ?? MAX_TRIES;
  }

  private now(): string {
    return this.d.clock.now().toISOString();
  }

  /**
   * At start: jobs 'running' under a process that is gone (kill -9, power cut) go back to 'waiting'; those that have
   * had all their tries stop as failed (the page may be what kills the reader). Jobs of live processes are theirs.
   */
  recoverDead(): { requeued: number; failed: number } {
    return inTransaction(this.d.db, () => {
      const running = this.d.db.prepare<[], JobRow>(`SELECT * FROM ocr_jobs WHERE state = 'running'`).all();
      let requeued = 0;
      let failed = 0;
      for (const j of running) {
        const mark = j.run_mark ? parseProcessMark(j.run_mark) : null;
        const earlierSelf = mark?.pid === process.pid && j.run_mark!.trim().split(/\s+/)[2]?.split('.')[0] !== PROCESS_TOKEN;
        if (mark && markAlive(mark) && !earlierSelf) continue;
        if (j.tries >= this.maxTries) {
          const code = 'OCR_INTERRUPTED';
          this.d.db
            .prepare(`UPDATE ocr_jobs SET state = 'failed', run_mark = NULL, finished_at = ?, error_code = ?, error_message = ? WHERE page_id = ?`)
            .run(this.now(), code, errorMessage(code, { tries: j.tries }), j.page_id);
          this.staleDocOf(j.page_id);
          failed++;
        } else {
          this.d.db.prepare(`UPDATE ocr_jobs SET state = 'waiting', run_mark = NULL, started_at = NULL WHERE page_id = ?`).run(j.page_id);
          requeued++;
        }
      }
      return { requeued, failed };
    });
  }

  /**
   * The next job (the dossier at the counter first: newest focus, then oldest enqueued), taken by this process.
   * Jobs of pages OCR can no longer read (removed, a separator now) are settled on the way: their text leaves the
   * index and the job goes.
   */
  claim(): ClaimedJob | null {
    // Looked at first without the write lock: an idle queue's polls never take it.
    if (!this.d.db.prepare(`SELECT 1 FROM ocr_jobs WHERE state = 'waiting' LIMIT 1`).get()) return null;
    return inTransaction(this.d.db, () => {
      for (;;) {
        const next = this.d.db
          .prepare<[], { page_id: string; tries: number }>(`SELECT page_id, tries FROM ocr_jobs WHERE state = 'waiting' ORDER BY focus_at DESC, enqueued_at LIMIT 1`)
          .get();
        if (!next) return null;
        const p = this.page(next.page_id);
        if (!p || p.removed_at !== null || p.state !== 'ready' || p.kind !== 'page' || !p.master_path) {
          this.unindex(next.page_id);
          this.d.db.prepare('DELETE FROM ocr_jobs WHERE page_id = ?').run(next.page_id);
          continue;
        }
        const mark = `${this.processMark} ${PROCESS_TOKEN}.${randomBytes(6).toString('hex')}`;
        const r = this.d.db
          .prepare(`UPDATE ocr_jobs SET state = 'running', run_mark = ?, started_at = ?, tries = tries + 1 WHERE page_id = ? AND state = 'waiting'`)
          .run(mark, this.now(), p.id);
        if (r.changes !== 1) return null;
        return {
          pageId: p.id,
          dossierId: p.dossier_id,
          trayOwner: p.tray_owner,
          masterPath: p.master_path,
          dpi: p.dpi,
          blank: p.blank === 1,
          content: p.content,
          tries: next.tries + 1,
          mark,
        };
      }
    });
  }

  /** The page was read: its text (and FTS row, through PageIndex), flag and the job's end, in one transaction. */
  complete(job: ClaimedJob, r: OcrResult, masterSha256: string): Finished | null {
    return inTransaction(this.d.db, () => {
      if (!this.holds(job)) return null;
      const p = this.page(job.pageId);
      const words = r.words.length;
      const flagged = isFlagged({ confidence: r.confidence, words, blank: p?.blank === 1, content: p?.content ?? null }, this.d.threshold());
      const now = this.now();
      const existing = this.d.db.prepare<[string], { id: number }>('SELECT id FROM page_text WHERE page_id = ?').get(job.pageId);
      const row = {
        page: job.pageId,
        text: r.text,
        words: JSON.stringify(r.words),
        count: words,
        confidence: r.confidence,
        width: r.width,
        height: r.height,
        dpi: r.dpi,
        engine: r.engine,
        ms: Math.round(r.ms),
        sha: masterSha256,
        flagged: flagged ? 1 : 0,
        now,
      };
      let textId: number;
      if (existing) {
        // Read again (a turn, a retry): the earlier review no longer applies to this text.
        this.d.db
          .prepare(
            `UPDATE page_text SET text = @text, words = @words, word_count = @count, confidence = @confidence, width = @width, height = @height,
               dpi = @dpi, engine = @engine, ms = @ms, master_sha256 = @sha, flagged = @flagged, review = NULL, reviewed_by = NULL,
               reviewed_at = NULL, created_at = @now WHERE page_id = @page`,
          )
          .run(row);
        textId = existing.id;
      } else {
        textId = Number(
          this.d.db
            .prepare(
              `INSERT INTO page_text (page_id, text, words, word_count, confidence, width, height, dpi, engine, ms, master_sha256, flagged, created_at)
               VALUES (@page, @text, @words, @count, @confidence, @width, @height, @dpi, @engine, @ms, @sha, @flagged, @now)`,
            )
            .run(row).lastInsertRowid,
        );
      }
      this.d.index.put(textId, r.text);
      this.d.db
        .prepare(`UPDATE ocr_jobs SET state = 'done', run_mark = NULL, finished_at = ?, ms = ?, master_sha256 = ?, error_code = NULL, error_message = NULL WHERE page_id = ?`)
        .run(now, Math.round(r.ms), masterSha256, job.pageId);
      this.staleDocOf(job.pageId);
      return { pageId: job.pageId, dossierId: job.dossierId, trayOwner: job.trayOwner, state: 'done' };
    });
  }

  /** The read failed: back of the queue while tries remain (final: the image itself is bad, no try can help), else 'failed' with the reason (its document is built without its text). */
  fail(job: ClaimedJob, error: { code: string; message: string }, opts: { final?: boolean } = {}): Finished | null {
    return inTransaction(this.d.db, () => {
      if (!this.holds(job)) return null;
      const last = opts.final === true || job.tries >= this.maxTries;
      if (last) {
        this.d.db
          .prepare(`UPDATE ocr_jobs SET state = 'failed', run_mark = NULL, finished_at = ?, error_code = ?, error_message = ? WHERE page_id = ?`)
          .run(this.now(), error.code, error.message, job.pageId);
        this.staleDocOf(job.pageId);
      } else {
        // Behind the rest (no focus), so the queue goes on with the next page.
        this.d.db
          .prepare(`UPDATE ocr_jobs SET state = 'waiting', run_mark = NULL, started_at = NULL, focus_at = NULL, enqueued_at = ${SQL_NOW}, error_code = ?, error_message = ? WHERE page_id = ?`)
          .run(error.code, error.message, job.pageId);
      }
      return { pageId: job.pageId, dossierId: job.dossierId, trayOwner: job.trayOwner, state: last ? 'failed' : 'waiting' };
    });
  }

  /** The process is closing with this job unfinished: back to 'waiting', the try not counted. */
  release(job: ClaimedJob): void {
    inTransaction(this.d.db, () => {
      this.d.db
        .prepare(`UPDATE ocr_jobs SET state = 'waiting', run_mark = NULL, started_at = NULL, tries = MAX(tries - 1, 0) WHERE page_id = ? AND state = 'running' AND run_mark = ?`)
        .run(job.pageId, job.mark);
    });
  }

  /** ocr.focus: the waiting jobs of these pages go first (newest focus first). */
  focus(where: { dossierId: string } | { trayOwner: string }): number {
    const [col, value] = 'dossierId' in where ? ['dossier_id', where.dossierId] : ['tray_owner', where.trayOwner];
    return inTransaction(this.d.db, () =>
      this.d.db
        .prepare(`UPDATE ocr_jobs SET focus_at = ? WHERE state = 'waiting' AND page_id IN (SELECT id FROM dossier_pages WHERE ${col} = ? AND removed_at IS NULL)`)
        .run(this.now(), value).changes,
    );
  }

  /** ocr.retry: the page queued again from its first try, first in line (the clerk is waiting for it). */
  requeue(pageId: string): void {
    this.d.db
      .prepare(
        `INSERT INTO ocr_jobs (page_id, state, focus_at, enqueued_at) VALUES (?, 'waiting', ?, ${SQL_NOW})
         ON CONFLICT (page_id) DO UPDATE SET state = 'waiting', focus_at = excluded.focus_at, enqueued_at = excluded.enqueued_at, tries = 0,
           run_mark = NULL, started_at = NULL, finished_at = NULL, error_code = NULL, error_message = NULL
         WHERE ocr_jobs.state <> 'running'`,
      )
      .run(pageId, this.now());
  }

  /** The queue's figures; `done` counts every page ever read (a year's worth): asked for by ocr.status only. */
  counts(): QueueCounts {
    return { ...this.liveCounts(), done: this.countState('done') };
  }

  /**
   * The figures sent after every page (ocr.progress): each an index range of the pages still in play, so their
   * cost does not grow with the pages read in past months.
   */
  liveCounts(): Omit<QueueCounts, 'done'> {
    const flagged = this.d.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM page_text WHERE flagged = 1 AND review IS NULL').get()!.n;
    const waiting = this.countState('waiting');
    const pagesPerMinute = this.rate();
    return {
      waiting,
      running: this.countState('running'),
      failed: this.countState('failed'),
      flagged,
      pagesPerMinute,
      etaSeconds: waiting === 0 ? 0 : pagesPerMinute > 0 ? Math.round((waiting / pagesPerMinute) * 60) : null,
    };
  }

  private countState(state: string): number {
    return this.d.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM ocr_jobs WHERE state = ?').get(state)!.n;
  }

  /**
   * Pages finished in the last 10 minutes per minute of that window actually worked (the union of the jobs' run
   * times, so idle minutes do not lower it and parallel workers raise it); 0 when nothing finished.
   */
  rate(): number {
    const now = this.d.clock.now().getTime();
    const since = new Date(now - RATE_WINDOW_MS).toISOString();
    const rows = this.d.db
      // The partial index of finished pages by time: left to itself (no ANALYZE) SQLite takes ocr_jobs_state and reads every page ever done.
      .prepare<[string], { started_at: string | null; finished_at: string }>(`SELECT started_at, finished_at FROM ocr_jobs INDEXED BY ocr_jobs_finished WHERE state = 'done' AND finished_at >= ? ORDER BY started_at`)
      .all(since);
    if (rows.length === 0) return 0;
    const spans = rows
      .map((r) => [Math.max(Date.parse(r.started_at ?? r.finished_at), now - RATE_WINDOW_MS), Date.parse(r.finished_at)] as const)
      .sort((a, b) => a[0] - b[0]);
    let worked = 0;
    let [s, e] = spans[0]!;
    for (const [a, b] of spans.slice(1)) {
      if (a > e) {
        worked += e - s;
        [s, e] = [a, b];
      } else e = Math.max(e, b);
    }
    worked += e - s;
    // At least a second of work: a page finished in no measurable time is not an infinite rate.
    return Math.round((rows.length / (Math.max(worked, 1000) / 60_000)) * 10) / 10;
  }

  /** One page's OCR as the contract shows it. */
  pageOcr(pageId: string): (PageOcr & { text: string }) | null {
    const p = this.page(pageId);
    if (!p) return null;
    const j = this.d.db.prepare<[string], JobRow>('SELECT * FROM ocr_jobs WHERE page_id = ?').get(pageId);
    const t = this.d.db
      .prepare<[string], { text: string; word_count: number; confidence: number | null; flagged: number; review: 'accepted' | 'rescan' | null }>(
        'SELECT text, word_count, confidence, flagged, review FROM page_text WHERE page_id = ?',
      )
      .get(pageId);
    const state = p.removed_at !== null ? 'none' : (j?.state ?? 'none');
    return {
      pageId: p.id,
      dossierId: p.dossier_id,
      itemCode: p.item_code,
      position: p.position,
      state,
      confidence: t?.confidence ?? null,
      wordCount: t?.word_count ?? 0,
      flagged: t !== undefined && t.flagged === 1 && t.review === null,
      review: t?.review ?? null,
      tries: j?.tries ?? 0,
      error: j?.error_code ? { code: j.error_code, message: j.error_message ?? '' } : null,
      text: t?.text ?? '',
    };
  }

  /** ocr.review: inside the caller's transaction (audited there). False when the page has no text yet. */
  setReview(pageId: string, decision: 'accepted' | 'rescan', by: string): boolean {
    return this.d.db.prepare('UPDATE page_text SET review = ?, reviewed_by = ?, reviewed_at = ? WHERE page_id = ?').run(decision, by, this.now(), pageId).changes === 1;
  }

  /** Whether this claim still holds its job (not turned, removed or retried meanwhile). */
  private holds(job: ClaimedJob): boolean {
    const j = this.d.db.prepare<[string], { state: string; run_mark: string | null }>('SELECT state, run_mark FROM ocr_jobs WHERE page_id = ?').get(job.pageId);
    return j?.state === 'running' && j.run_mark === job.mark;
  }

  private page(pageId: string): PageRef | undefined {
    return this.d.db
      .prepare<[string], PageRef>(
        'SELECT id, dossier_id, tray_owner, item_code, position, state, kind, master_path, dpi, blank, content, removed_at FROM dossier_pages WHERE id = ?',
      )
      .get(pageId);
  }

  /** A page OCR no longer reads: its text leaves the index (through PageIndex) with its page_text row. */
  private unindex(pageId: string): void {
    const t = this.d.db.prepare<[string], { id: number }>('SELECT id FROM page_text WHERE page_id = ?').get(pageId);
    if (!t) return;
    this.d.index.remove(t.id);
    this.d.db.prepare('DELETE FROM page_text WHERE id = ?').run(t.id);
  }

  /** The page's document must be built again (its text changed, or its OCR ended for good). */
  private staleDocOf(pageId: string): void {
    this.d.db
      .prepare(
        `INSERT INTO document_pdfs (dossier_id, item_code, state, stale_since)
           SELECT dossier_id, item_code, 'stale', ? FROM dossier_pages WHERE id = ? AND dossier_id IS NOT NULL AND removed_at IS NULL
         ON CONFLICT (dossier_id, item_code) DO UPDATE SET state = 'stale', stale_since = COALESCE(document_pdfs.stale_since, excluded.stale_since)`,
      )
      .run(this.now(), pageId);
  }
}
