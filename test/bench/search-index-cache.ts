/**
 * The search benchmark's 1,000,000-page database, built once and cached outside the repository
 * (~/.cache/motcua-bench/search-<pages>-v<N>-s<schema>/, or $MOTCUA_BENCH_CACHE), reused by later runs. The schema is the real one
 * (every migration); dossiers, pages and page text are inserted directly for speed, and the FTS rows hold the text
 * folded by the project's foldVietnamese, as PageIndex.put writes them. Built into a temporary file renamed at the
 * end, so an interrupted build is never taken for a finished one.
 * Run alone: npx tsx test/bench/search-index-cache.ts
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldVietnamese } from '../../core/domain/text/fold';
import { openDatabase } from '../../core/store/database';
import { pageTextMaker, rng } from './search-corpus';

/** Bump when the corpus or the layout changes: an older cache is then built again, not reused. */
export const CORPUS_VERSION = 1;
/** MOTCUA_BENCH_PAGES: a smaller corpus for trying the benchmark out (its own cache entry). */
export const PAGE_COUNT = Number(process.env.MOTCUA_BENCH_PAGES ?? 1_000_000);

export const ITEMS = [
  { itemCode: 'TP1', name: 'Đơn đề nghị cấp giấy chứng nhận' },
  { itemCode: 'TP2', name: 'Bản sao căn cước công dân' },
  { itemCode: 'TP3', name: 'Hợp đồng chuyển nhượng quyền sử dụng đất' },
  { itemCode: 'TP4', name: 'Giấy tờ về nguồn gốc sử dụng đất' },
];

export interface CachedIndex {
  file: string;
  pages: number;
  dossiers: number;
  reused: boolean;
  buildMs: number | null;
}

export function cacheDir(): string {
  const base = process.env.MOTCUA_BENCH_CACHE ?? path.join(os.homedir(), '.cache', 'motcua-bench');
  // The schema search reads is in the key (the SQL of its tables and indexes, as the migrations make them): a change
  // there means a new database; other edits of a migration (another table, a trigger) keep the cache.
  const schema = createHash('sha256').update(searchSchemaSql()).digest('hex').slice(0, 10);
  return path.join(base, `search-${PAGE_COUNT}-v${CORPUS_VERSION}-${schema}`);
}

const SEARCH_TABLES = ['dossiers', 'dossier_pages', 'page_text', 'page_text_fts'];

function searchSchemaSql(): string {
  const { db } = openDatabase(':memory:');
  const rows = db
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'index') AND tbl_name IN (${SEARCH_TABLES.map(() => '?').join(',')}) ORDER BY name`)
    .all(...SEARCH_TABLES) as { type: string; name: string; sql: string | null }[];
  db.close();
  return rows.map((r) => `${r.type} ${r.name} ${r.sql ?? ''}`).join('\n');
}

export function ensureSearchIndex(log: (line: string) => void = () => {}): CachedIndex {
  const dir = cacheDir();
  const file = path.join(dir, 'motcua.db');
  if (existsSync(file)) {
    const { db } = openDatabase(file, { readonly: true });
    const dossiers = (db.prepare('SELECT count(*) AS n FROM dossiers').get() as { n: number }).n;
    db.close();
    // The build's time, recorded by the run that made it.
    let buildMs: number | null;
    try {
      buildMs = (JSON.parse(readFileSync(path.join(dir, 'build.json'), 'utf8')) as { buildMs: number }).buildMs;
    } catch {
      buildMs = null;
    }
    return { file, pages: PAGE_COUNT, dossiers, reused: true, buildMs };
  }
  mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, 'building.db');
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  const t0 = performance.now();
  const dossiers = build(tmp, log);
  const buildMs = performance.now() - t0;
  writeFileSync(path.join(dir, 'build.json'), JSON.stringify({ buildMs: Math.round(buildMs), pages: PAGE_COUNT, dossiers, builtAt: new Date().toISOString() }));
  renameSync(tmp, file);
  return { file, pages: PAGE_COUNT, dossiers, reused: false, buildMs };
}

function build(file: string, log: (line: string) => void): number {
  const { db } = openDatabase(file);
  db.pragma('foreign_keys = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const rand = rng(20261206);
  const text = pageTextMaker(15);
  const now = '2026-12-06T00:00:00.000Z';
  const insApplicant = db.prepare(
    `INSERT INTO applicants (id, kind, full_name, name_folded, created_at, created_by, updated_at, updated_by)
     VALUES (?, 'citizen', ?, ?, ?, 'bench', ?, 'bench')`,
  );
  const insDossier = db.prepare(
    `INSERT INTO dossiers (id, code, agency_code, agency_snapshot, procedure_code, procedure_snapshot, applicant_id, applicant_snapshot,
       state, channel, result_return, received_at, lookup_pin, checklist, fees, counter_id, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @code, 'H01', '{}', 'P1', @procedure, @applicant, '{}', 'received', 'direct', 'counter', @at, '000000', @checklist, '[]',
       'C1', @at, 'bench', @at, 'bench')`,
  );
  const insPage = db.prepare(
    `INSERT INTO dossier_pages (id, dossier_id, tray_owner, item_code, position, state, kind, removed_at, created_at, created_by, updated_at)
     VALUES (@id, @dossier, @tray, @item, @position, 'ready', @kind, @removed, @at, 'bench', @at)`,
  );
  const insText = db.prepare(
    `INSERT INTO page_text (page_id, text, words, word_count, width, height, dpi, engine, ms, created_at)
     VALUES (?, ?, '[]', ?, 2480, 3508, 300, 'bench', 0, ?)`,
  );
  const insFts = db.prepare('INSERT INTO page_text_fts (rowid, body) VALUES (?, ?)');
  const procedure = JSON.stringify({ code: 'P1', name: 'Cấp giấy chứng nhận quyền sử dụng đất', checklist: ITEMS.map((i) => ({ code: i.itemCode, name: i.name })) });
  const checklist = JSON.stringify(ITEMS.map((i) => ({ ...i, required: true, received: true, mark: 1, copies: 1, check: 0, note: null })));
  const applicants: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < 1000; i++) {
      const id = randomUUID();
      const name = `Người nộp ${i}`;
      insApplicant.run(id, name, foldVietnamese(name), now, now);
      applicants.push(id);
    }
  })();
  // Three years of dossiers, oldest first: page_text ids grow with time, as OCR reads pages soon after scanning.
  const start = Date.parse('2024-01-01T00:00:00Z');
  const span = Date.parse('2026-12-01T00:00:00Z') - start;
  let pages = 0;
  let dossiers = 0;
  let lastLog = performance.now();
  while (pages < PAGE_COUNT) {
    db.transaction(() => {
      for (let k = 0; k < 500 && pages < PAGE_COUNT; k++) {
        const id = randomUUID();
        const at = new Date(start + (span * pages) / PAGE_COUNT).toISOString();
        dossiers += 1;
        insDossier.run({ id, code: `H01.${at.slice(2, 10).replaceAll('-', '')}.${String(dossiers).padStart(6, '0')}`, procedure, applicant: applicants[dossiers % 1000], at, checklist });
        const count = 2 + Math.floor(rand() * 17);
        for (const item of ITEMS) {
          let position = 0;
          const n = Math.max(1, Math.round((count / ITEMS.length) * (0.5 + rand())));
          for (let p = 0; p < n && pages < PAGE_COUNT; p++) {
            // 1% of pages set aside by the clerk, 0.5% still in someone's tray: both must never be found.
            const r = rand();
            const removed = r < 0.01;
            const tray = !removed && r < 0.015;
            const pageId = randomUUID();
            insPage.run({
              id: pageId,
              dossier: tray ? null : id,
              tray: tray ? 'clerk:bench' : null,
              item: item.itemCode,
              position: removed ? null : ++position,
              kind: 'page',
              removed: removed ? at : null,
              at,
            });
            const body = text.page(700 + Math.floor(rand() * 500));
            const row = insText.run(pageId, body, body.length / 6, at);
            insFts.run(row.lastInsertRowid, foldVietnamese(body));
            pages += 1;
          }
        }
      }
    })();
    if (performance.now() - lastLog > 15_000) {
      lastLog = performance.now();
      log(`  … ${pages} pages`);
    }
  }
  // No 'optimize': the index keeps the segments FTS5's automerge left, as a database written page by page does.
  db.exec('ANALYZE');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.close();
  return dossiers;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = ensureSearchIndex((l) => console.log(l));
  console.log(`${r.reused ? 'reused' : 'built'} ${r.file}: ${r.pages} pages, ${r.dossiers} dossiers${r.buildMs ? `, ${(r.buildMs / 1000).toFixed(0)} s` : ''}`);
}
