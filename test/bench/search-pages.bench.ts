/**
 * search.pages over 1,000,000 synthetic pages (target: p95 ≤ 200 ms on the 2-core machine). The database is built
 * once and cached outside the repository (search-index-cache.ts); later runs reuse it. Queries: rare and common words,
 * two words, phrases, prefixes, and text typed without diacritics, through the real SearchService (parse, FTS5,
 * joins, the newest-first window, snippets). Wall time and the process's CPU time are both printed: on a machine
 * shared with other work the wall time includes waiting for a core. For the record it also times what the service
 * does not do: FTS5 bm25 (over all matches, and over the window).
 * Run: npx tsx test/bench/search-pages.bench.ts  (or through `npm run bench`).
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../core/store/database';
import { parseSearchQuery } from '../../core/domain/text/search-query';
import { ORDER_WINDOW, SearchService } from '../../core/services/search/search-service';
import { ensureSearchIndex, PAGE_COUNT } from './search-index-cache';

export const SEARCH_P95_BUDGET_MS = 200;

type Kind = 'rare' | 'common' | 'two words' | 'phrase' | 'prefix' | 'folded' | 'none';

function queries(rareNumber: string): [Kind, string][] {
  return [
    ['rare', rareNumber],
    ['rare', 'Xuyến'],
    ['rare', 'karaoke'],
    ['rare', 'Khúc Kim Khuê'],
    ['common', 'nguyễn'],
    ['common', 'đất'],
    ['common', 'và'],
    ['common', 'đường'],
    ['common', 'Ủy ban'],
    ['two words', 'Nguyễn Văn'],
    ['two words', 'karaoke Xuyến'],
    ['two words', 'thửa đất'],
    ['two words', 'giấy phép xây dựng'],
    ['phrase', '"quyền sử dụng đất"'],
    ['phrase', '"Trần Thị Khuê"'],
    ['phrase', '"tài sản gắn liền với đất"'],
    ['prefix', 'nguy*'],
    ['prefix', 'ng*'],
    ['prefix', 'kara*'],
    ['prefix', 'Trần xuy*'],
    ['folded', 'duong'],
    ['folded', 'NGUYEN VAN'],
    ['folded', 'dat dai'],
    ['folded', 'chung thuc ban sao'],
    ['none', 'zzzqqq'],
  ];
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

export function runSearchPagesBench(rounds = 8, log: (line: string) => void = console.log): { p50: number; p95: number; p99: number } {
  const index = ensureSearchIndex(log);
  log(
    `index: ${index.reused ? 'reused' : 'built'} ${index.pages} pages, ${index.dossiers} dossiers; ` +
      `build ${index.buildMs === null ? 'time unknown' : `${(index.buildMs / 1000).toFixed(0)} s`}${index.reused ? ' (when it was made)' : ''}`,
  );
  const { db } = openDatabase(index.file, { readonly: true });
  const search = new SearchService(db);
  // A number that is on a few pages only: the CCCD on a page in the middle of the corpus.
  const sample = db.prepare('SELECT text FROM page_text WHERE id >= ? AND text LIKE ? LIMIT 1').get(Math.floor(PAGE_COUNT / 2), '%CCCD %') as { text: string };
  const rare = /CCCD (\d{12})/.exec(sample.text)![1]!;
  const qs = queries(rare);
  const byKind = new Map<Kind, number[]>();
  const all: number[] = [];
  const counts = new Map<string, string>();
  const cpuAll: number[] = [];
  for (let r = 0; r < rounds + 2; r++) {
    for (const [kind, q] of qs) {
      const c = process.cpuUsage();
      const t = performance.now();
      const out = search.pages({ query: q, limit: 50, offset: 0 });
      const ms = performance.now() - t;
      const used = process.cpuUsage(c);
      if (r < 2) {
        counts.set(q, `${out.hits.length}${out.more ? '+' : ''}`);
        continue; // warm-up: the first rounds read the index from disk into the page cache
      }
      all.push(ms);
      cpuAll.push((used.user + used.system) / 1000);
      byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
    }
  }
  cpuAll.sort((a, b) => a - b);
  all.sort((a, b) => a - b);
  for (const [kind, times] of byKind) {
    times.sort((a, b) => a - b);
    const examples = qs.filter(([k]) => k === kind).map(([, q]) => `${q} (${counts.get(q)})`).join(', ');
    log(`  ${kind.padEnd(9)} p50 ${pct(times, 0.5).toFixed(1)} ms, worst ${times[times.length - 1]!.toFixed(1)} ms — ${examples}`);
  }
  const res = { p50: pct(all, 0.5), p95: pct(all, 0.95), p99: pct(all, 0.99) };
  log(
    `search over ${index.pages} pages (${all.length} timed queries, limit 50, newest-first window of ${ORDER_WINDOW}): ` +
      `p50 ${res.p50.toFixed(1)} ms, p95 ${res.p95.toFixed(1)} ms, p99 ${res.p99.toFixed(1)} ms wall (budget p95 ${SEARCH_P95_BUDGET_MS} ms); ` +
      `CPU p50 ${pct(cpuAll, 0.5).toFixed(1)} ms, p95 ${pct(cpuAll, 0.95).toFixed(1)} ms, p99 ${pct(cpuAll, 0.99).toFixed(1)} ms; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores`,
  );

  // What the service does not do, for the record: bm25 over every match, and over the window only (FTS5 still reads
  // each term's whole document list for its frequency).
  const cpuMs = (f: () => unknown) => {
    const c = process.cpuUsage();
    f();
    const u = process.cpuUsage(c);
    return (u.user + u.system) / 1000;
  };
  for (const q of ['đường', 'nguyễn', 'Nguyễn Văn', '"quyền sử dụng đất"']) {
    const { match } = parseSearchQuery(q);
    const matches = (db.prepare('SELECT count(*) AS n FROM page_text_fts WHERE page_text_fts MATCH ?').get(match) as { n: number }).n;
    const full = cpuMs(() => db.prepare('SELECT rowid FROM page_text_fts WHERE page_text_fts MATCH ? ORDER BY rank LIMIT 50').all(match));
    const windowed = cpuMs(() => db.prepare('SELECT rowid, bm25(page_text_fts) FROM page_text_fts WHERE page_text_fts MATCH ? ORDER BY rowid DESC LIMIT ?').all(match, ORDER_WINDOW));
    const plain = cpuMs(() => db.prepare('SELECT rowid FROM page_text_fts WHERE page_text_fts MATCH ? ORDER BY rowid DESC LIMIT ?').all(match, ORDER_WINDOW));
    log(`  for comparison, ${q} (${matches} pages), CPU ms: bm25 over all ${full.toFixed(0)}, bm25 over the window ${windowed.toFixed(0)}, the window without bm25 ${plain.toFixed(0)}`);
  }
  db.close();
  return res;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = runSearchPagesBench();
  // p95, not the worst: one GC pause or another process on a loaded machine should not fail the run.
  if (r.p95 > SEARCH_P95_BUDGET_MS) {
    console.log(`search p95 ${r.p95.toFixed(1)} ms is over the ${SEARCH_P95_BUDGET_MS} ms budget`);
    process.exitCode = 1;
  }
}
