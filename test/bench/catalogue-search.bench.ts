/**
 * Procedure search speed: ms per query over 5,000 synthetic procedures (budget 20 ms on the 2-core target).
 * Run: npx tsx test/bench/catalogue-search.bench.ts  (or through `npm run bench`).
 */
import { fileURLToPath } from 'node:url';
import { ProcedureIndex } from '../../core/domain/catalogue/search';
import { syntheticProcedures } from '../unit/catalogue/synthetic-procedures';

export const SEARCH_BUDGET_MS = 20;

const QUERIES = [
  'cap giay phep', 'dang ky ho kinh doanh', 'd', 'dang', 'chung thuc ban sao', 'quyen su dung dat lan dau',
  '1.001', '1001234', 'ho tich', 'xa hoi', 'zzz', 'tai san gan lien voi dat', 'gia han', 'đất đai', 'c',
  // Abbreviations (initials, also split into runs): the slowest path, a scan of every name's initials.
  'gpxd', 'dkkd', 'cccd', 'qsddtsglvd', 'cap gpxd',
];

export interface CatalogueSearchBench {
  procedures: number;
  buildMs: number;
  queries: number;
  msPerQuery: number;
  p95Ms: number;
  worstMs: number;
}

export function runCatalogueSearchBench(count = 5000, rounds = 20): CatalogueSearchBench {
  const procedures = syntheticProcedures(count);
  const t0 = performance.now();
  const index = new ProcedureIndex(procedures);
  const buildMs = performance.now() - t0;
  for (let r = 0; r < 3; r++) for (const q of QUERIES) index.search(q); // warm up the JIT
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of QUERIES) {
      const t = performance.now();
      index.search(q, { limit: 20 });
      times.push(performance.now() - t);
    }
  }
  const total = times.reduce((a, b) => a + b, 0);
  times.sort((a, b) => a - b);
  return {
    procedures: count,
    buildMs,
    queries: times.length,
    msPerQuery: total / times.length,
    p95Ms: times[Math.floor(times.length * 0.95)]!,
    worstMs: times[times.length - 1]!,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = runCatalogueSearchBench();
  console.log(
    `catalogue search: ${r.procedures} procedures, index built in ${r.buildMs.toFixed(1)} ms; ` +
      `${r.msPerQuery.toFixed(3)} ms/query, p95 ${r.p95Ms.toFixed(2)} ms, worst ${r.worstMs.toFixed(2)} ms ` +
      `(budget ${SEARCH_BUDGET_MS} ms) over ${r.queries} queries`,
  );
  // p95, not the worst: one GC pause on a loaded machine should not fail the run.
  if (r.p95Ms > SEARCH_BUDGET_MS) process.exitCode = 1;
}
