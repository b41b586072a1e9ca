/**
 * What 'reports.changed' looks at in this host's SQLite (issue #19): a gate that says whether anything was written
 * since the last look — PRAGMA data_version moves when ANOTHER connection commits (the sync worker, the CLI, a second
 * desk process), total_changes() when this connection writes (data_version does not see a connection's own writes) —
 * and, only when the gate moved, one cheap signature per source to name what moved. Every read here is a max(rowid)
 * (a B-tree's last leaf) or a count over a small partial or state index, so a 200,000-dossier year costs what an
 * empty one does (measured by test/bench/reports.bench.ts).
 */
import type { Db } from '../../store/database';

export type ChangeSource = 'dossiers' | 'pages' | 'ocr' | 'queue' | 'sync';

/** Per source, a string that changes when that source's figures may have moved. */
export type Signature = Partial<Record<ChangeSource, string>>;

const SQL: Record<Exclude<ChangeSource, 'queue'>, string> & { queue: string } = {
  // Receipts, resolutions, withdrawals and every other state change append a transition; new dossiers a row.
  dossiers: `SELECT (SELECT max(rowid) FROM dossiers) || ':' || (SELECT max(id) FROM dossier_transitions)`,
  // Pages scanned or added; a dossier's page becoming ready, moved, turned or removed is seen in the outbox (below).
  pages: `SELECT (SELECT max(rowid) FROM dossier_pages)`,
  // The OCR backlog (waiting, running, failed: small sets on ocr_jobs_state), pages read, flagged pages not reviewed.
  ocr: `SELECT (SELECT max(rowid) FROM ocr_jobs) || ':' || (SELECT count(*) FROM ocr_jobs WHERE state = 'waiting') || ':' ||
          (SELECT count(*) FROM ocr_jobs WHERE state = 'running') || ':' || (SELECT count(*) FROM ocr_jobs WHERE state = 'failed') || ':' ||
          (SELECT max(id) FROM page_text) || ':' || (SELECT count(*) FROM page_text WHERE flagged = 1 AND review IS NULL)`,
  // Items queued for the central system, those waiting and those refused: equality on sync_outbox_state reads only
  // them (a year's outbox is ~1.4 million rows; "state <> 'sent'" walked them all: 50 ms).
  sync: `SELECT (SELECT max(id) FROM sync_outbox) || ':' || (SELECT count(*) FROM sync_outbox WHERE state = 'pending') || ':' ||
          (SELECT count(*) FROM sync_outbox WHERE state = 'rejected')`,
  // The queue when it is held in this SQLite: every call, start, finish, no-show and transfer appends an event.
  queue: `SELECT (SELECT max(id) FROM queue_events)`,
};

export class SqliteChangeWatch {
  private readonly gateStmt;
  private readonly sourceStmts: Array<[ChangeSource, { get(): unknown }]>;
  private readonly outboxMax;
  private readonly outboxPage;
  /** The outbox's last id looked at, and the last 'page:' item among them (null: not looked yet). */
  private outboxSeen: number | null = null;
  private pageMark = 0;
  /** Statements run (the test checks that nobody subscribed means none). */
  reads = 0;

  constructor(db: Db) {
    this.gateStmt = db.prepare<[], { v: number; c: number }>('SELECT (SELECT data_version FROM pragma_data_version) AS v, total_changes() AS c');
    this.sourceStmts = (Object.keys(SQL) as ChangeSource[]).map((s) => [s, db.prepare(SQL[s]).pluck()]);
    this.outboxMax = db.prepare<[], number | null>('SELECT max(id) FROM sync_outbox').pluck();
    // The sync triggers queue a 'page:<id>' file item whenever a dossier's page becomes ready, moves, turns or is
    // removed (migration 011): the only cheap trace of a page's update. Only the rows added since the last look.
    this.outboxPage = db.prepare<[number, number], number | null>(`SELECT max(id) FROM sync_outbox WHERE id > ? AND id <= ? AND ref GLOB 'page:*'`).pluck();
  }

  /** The newest 'page:' outbox item's id (items before the first look are not read: that would read them all). */
  private pageItems(): number {
    this.reads++;
    const max = this.outboxMax.get() ?? 0;
    if (this.outboxSeen !== null && max > this.outboxSeen) {
      this.reads++;
      this.pageMark = this.outboxPage.get(this.outboxSeen, max) ?? this.pageMark;
    }
    this.outboxSeen = max;
    return this.pageMark;
  }

  /** "data_version:total_changes": changes whenever any connection wrote to the file. */
  gate(): string {
    this.reads++;
    const g = this.gateStmt.get()!;
    return `${g.v}:${g.c}`;
  }

  signature(): Signature {
    const out: Signature = {};
    for (const [source, stmt] of this.sourceStmts) {
      this.reads++;
      out[source] = String(stmt.get() ?? '');
    }
    out.pages = `${out.pages}:${this.pageItems()}`;
    return out;
  }
}

/** The sources whose signature differs (a source absent on either side is not compared). */
export function movedSources(before: Signature, after: Signature): ChangeSource[] {
  return (Object.keys(after) as ChangeSource[]).filter((s) => before[s] !== undefined && before[s] !== after[s]);
}
