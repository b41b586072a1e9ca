/**
 * At start: files under <data>/files that no row names — attachments (dossier_documents.stored_path), scanned
 * pages (every path of dossier_pages) or document PDFs (document_pdfs.path) — are what a crash between "file durable" and "row committed" leaves behind.
 * They are moved, never deleted, into <data>/quarantine/<day>/ keeping their relative path, each move logged and
 * listed in that day's moved.jsonl, so an administrator can look at them or put them back.
 * Only <data>/files is swept: upload staging (<data>/uploads) keeps its own rows and expiry.
 *
 * The whole files tree is walked once per data folder (the first start of this version, for orphans of older ones);
 * after that only the folders writers recorded in files_dirty_folders (folder-journal.ts) before writing are
 * compared with their rows, so a start costs the same with a year of scans as with none.
 *
 * Another core may be running on the same folder (the CLI beside the app) with a file written and its row not yet
 * committed. Every core leaves a mark <data>/run/core-<pid>.pid; while another live core is marked, files younger
 * than RECENT_GRACE_MS are left for a later start. With no other core alive, every orphan is swept at once (after
 * a kill -9 and restart nothing is left unaccounted for).
 */
import { appendFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../platform/logger';
import type { Db } from '../../store/database';
import { copyDurably, fsyncDir } from './durable-files';
import { markAlive, parseProcessMark, pidAlive, processMark, type ProcessMark } from '../../platform/process-marks';

export const RECENT_GRACE_MS = 10 * 60_000;

export interface SweepOptions {
  db: Db;
  /** The data folder's root (<data>): files/, quarantine/ and run/ are under it. */
  root: string;
  logger: Logger;
  now: Date;
  /** Files modified less than this long ago are left alone (default: RECENT_GRACE_MS only when another core is alive). */
  graceMs?: number;
  /** This process's id (tests pretend to be another process). */
  pid?: number;
  /** Whether a process id is alive (tests). */
  alive?: (pid: number) => boolean;
}

export interface SweepReport {
  moved: { file: string; to: string; bytes: number }[];
  /** Orphans left because they are recent and another core is running. */
  leftRecent: string[];
}

/** Every path under files/ a row names, with '/' separators (attachments were stored with the system's). */
function referenced(db: Db): Set<string> {
  const out = new Set<string>();
  const add = (p: string | null) => {
    if (p) out.add(p.split(/[\\/]+/).join('/'));
  };
  for (const r of db.prepare<[], { p: string }>('SELECT stored_path AS p FROM dossier_documents').all()) add(r.p);
  const pages = db.prepare<[], { a: string | null; b: string | null; c: string | null; d: string | null }>(
    'SELECT raw_path AS a, image_path AS b, master_path AS c, thumb_path AS d FROM dossier_pages',
  );
  for (const r of pages.all()) [r.a, r.b, r.c, r.d].forEach(add);
  for (const r of db.prepare<[], { p: string | null }>('SELECT path AS p FROM document_pdfs').all()) add(r.p);
  return out;
}

function walk(dir: string, rel: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) walk(path.join(dir, e.name), r, out);
    else out.push(r);
  }
}

/** Mark this core as running, drop marks of dead ones, and give the other cores alive. */
function markRunning(root: string, pid: number, alive: (pid: number) => boolean): Set<number> {
  const dir = path.join(root, 'run');
  mkdirSync(dir, { recursive: true });
  const others = new Set<number>();
  for (const name of readdirSync(dir)) {
    const m = /^core-(\d+)\.pid$/.exec(name);
    if (!m || Number(m[1]) === pid) continue;
    let mark: ProcessMark | null = null;
    try {
      mark = parseProcessMark(readFileSync(path.join(dir, name), 'utf8'));
    } catch {
      /* gone meanwhile */
    }
    // A mark from before the last reboot names a process that is gone, whatever holds its pid now.
    if (mark && markAlive(mark, alive)) others.add(mark.pid);
    else rmSync(path.join(dir, name), { force: true });
  }
  writeFileSync(path.join(dir, `core-${pid}.pid`), processMark(pid));
  return others;
}

/** Marks the one-time walk of the whole files tree as done (settings row, written once). */
export const FULL_SWEEP_KEY = 'files.fullSweepAt';

const norm = (p: string | null | undefined) => (p ? p.split(/[\\/]+/).join('/') : null);

/** The paths rows name inside one recorded folder: a scan batch's, or a dossier's attachments. */
function referencedIn(db: Db, folder: string): Set<string> {
  const out = new Set<string>();
  const scan = /^scans\/([^/]+)$/.exec(folder);
  if (scan) {
    const rows = db
      .prepare<[string], { a: string | null; b: string | null; c: string | null; d: string | null }>(
        'SELECT raw_path AS a, image_path AS b, master_path AS c, thumb_path AS d FROM dossier_pages WHERE batch_id = ?',
      )
      .all(scan[1]!);
    for (const r of rows) for (const p of [r.a, r.b, r.c, r.d]) if (p) out.add(norm(p)!);
  } else if (/^pdf\/[^/]+$/.test(folder)) {
    // A dossier's document PDFs (core/services/ocr/document-pdfs.ts): pdf/<dossier folder>/…
    for (const r of db.prepare<[string], { p: string }>("SELECT path AS p FROM document_pdfs WHERE path LIKE ? ESCAPE '\\'").all(`${folder.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`)) out.add(norm(r.p)!);
  } else {
    for (const r of db.prepare<[string], { p: string }>('SELECT stored_path AS p FROM dossier_documents WHERE dossier_id = ?').all(folder)) out.add(norm(r.p)!);
  }
  return out;
}

/** What to compare: every file once per data folder, then only the files of recorded folders. */
interface Scope {
  files: string[];
  named: (rel: string) => boolean;
  /** Whether a file may still be another live core's write in progress (then it is left while recent). */
  mayBeLive: (rel: string) => boolean;
  finish: (leftRecent: number) => void;
}

function candidates(o: SweepOptions, filesDir: string, others: Set<number>): Scope {
  const full = !o.db.prepare<[string], { key: string }>('SELECT key FROM settings WHERE key = ?').get(FULL_SWEEP_KEY);
  const journal = o.db.prepare<[], { folder: string; pid: number }>('SELECT folder, pid FROM files_dirty_folders').all();
  // Records of processes gone (this one's pid included: it has recorded nothing yet) are settled by this sweep.
  const settled = () => {
    const del = o.db.prepare('DELETE FROM files_dirty_folders WHERE folder = ? AND pid = ?');
    o.db.transaction(() => {
      for (const r of journal) if (!others.has(r.pid)) del.run(r.folder, r.pid);
    })();
  };
  if (full) {
    const files: string[] = [];
    walk(filesDir, '', files);
    const named = referenced(o.db);
    return {
      files,
      named: (rel) => named.has(rel),
      mayBeLive: () => others.size > 0,
      finish: (leftRecent) => {
        if (leftRecent > 0) return; // walked again at the next start
        o.db
          .prepare('INSERT OR IGNORE INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)')
          .run(FULL_SWEEP_KEY, JSON.stringify(o.now.toISOString()), o.now.toISOString(), 'system:orphan-sweep');
        settled();
      },
    };
  }
  const files: string[] = [];
  const named = new Set<string>();
  for (const folder of new Set(journal.map((r) => r.folder))) {
    if (folder.split('/').some((part) => part === '..' || part === '')) continue;
    let entries;
    try {
      entries = readdirSync(path.join(filesDir, ...folder.split('/')), { withFileTypes: true });
    } catch {
      continue; // never created, or gone
    }
    for (const e of entries) if (e.isFile()) files.push(`${folder}/${e.name}`);
    for (const p of referencedIn(o.db, folder)) named.add(p);
  }
  const live = new Set(journal.filter((r) => others.has(r.pid)).map((r) => r.folder));
  return { files, named: (rel) => named.has(rel), mayBeLive: (rel) => live.has(rel.slice(0, rel.lastIndexOf('/'))), finish: settled };
}

function dayOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Move a file durably: rename within the volume, else copy, fsync and unlink. */
function moveFile(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as { code?: string }).code !== 'EXDEV') throw e;
    copyDurably(from, to);
    rmSync(from);
  }
}

/** Create a folder and any missing parents; each new entry's parent is fsynced later (touched). */
function ensureDir(dir: string, touched: Set<string>): void {
  if (existsSync(dir)) return;
  ensureDir(path.dirname(dir), touched);
  mkdirSync(dir);
  touched.add(path.dirname(dir));
}

export function sweepOrphanFiles(o: SweepOptions): SweepReport {
  const filesDir = path.join(o.root, 'files');
  const report: SweepReport = { moved: [], leftRecent: [] };
  const others = markRunning(o.root, o.pid ?? process.pid, o.alive ?? pidAlive);
  const scope = candidates(o, filesDir, others);
  const graceFor = (rel: string) => o.graceMs ?? (scope.mayBeLive(rel) ? RECENT_GRACE_MS : 0);
  const orphans = scope.files.filter((rel) => !scope.named(rel));
  if (orphans.length === 0) {
    scope.finish(0);
    return report;
  }
  const day = path.join(o.root, 'quarantine', dayOf(o.now));
  const touched = new Set<string>();
  for (const rel of orphans) {
    const from = path.join(filesDir, ...rel.split('/'));
    let st;
    try {
      st = lstatSync(from);
    } catch {
      continue; // gone meanwhile
    }
    const grace = graceFor(rel);
    if (grace > 0 && o.now.getTime() - st.mtimeMs < grace) {
      report.leftRecent.push(rel);
      continue;
    }
    let to = path.join(day, ...rel.split('/'));
    for (let n = 1; existsSync(to); n++) to = path.join(day, ...rel.split('/')) + `.${n}`;
    ensureDir(path.dirname(to), touched);
    moveFile(from, to);
    touched.add(path.dirname(to));
    touched.add(path.dirname(from));
    const toRel = path.relative(o.root, to).split(path.sep).join('/');
    report.moved.push({ file: rel, to: toRel, bytes: st.size });
    appendFileSync(path.join(day, 'moved.jsonl'), `${JSON.stringify({ at: o.now.toISOString(), file: `files/${rel}`, to: toRel, bytes: st.size, reason: 'no database row names it' })}\n`);
    o.logger.warn('orphan file quarantined', { file: `files/${rel}`, to: toRel, bytes: st.size });
  }
  for (const d of touched) fsyncDir(d);
  scope.finish(report.leftRecent.length);
  if (report.moved.length) o.logger.warn('orphan sweep done', { moved: report.moved.length, leftRecent: report.leftRecent.length, quarantine: path.relative(o.root, day) });
  if (report.leftRecent.length) o.logger.info('recent orphan files left for a later start (another core is running)', { files: report.leftRecent.length });
  return report;
}

/** The core is closing: its run mark goes, so the next start does not wait on a process that has ended. */
export function clearRunMark(root: string, pid: number = process.pid): void {
  rmSync(path.join(root, 'run', `core-${pid}.pid`), { force: true });
}
