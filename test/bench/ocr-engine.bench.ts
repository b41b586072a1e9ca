/**
 * OCR engine speed and memory, same page and same language data (vie+eng 4.0.0_best_int) for every figure:
 *  - seconds per page, one tesseract.js worker, against native `tesseract` with OMP_THREAD_LIMIT=1 (the data gunzipped
 *    into a temp tessdata folder; whole process, as a user would run it): ratio target ≤ 1.3;
 *  - pool throughput, 2 workers against 1 over the same pages: target ≥ 1.8× (on 2 free cores);
 *  - peak memory per worker (RSS rise over the pool's start, divided by workers);
 *  - what the low priority buys: a CPU-bound task on the core's thread while 2 workers read pages, at nice 19 vs 0.
 * The page is a clean A4 at 300 dpi, Vietnamese (test/unit/scanning/pipeline-fixtures.ts). Warm-up first.
 * Run: npx tsx test/bench/ocr-engine.bench.ts  (or through `npm run bench`). OCR_BENCH_PAGES sets the page count (6).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { locateOcrData, OCR_LANGUAGES } from '../../core/services/ocr/engine/ocr-data';
import { createOcrPool, ENGINE_NAME } from '../../core/services/ocr/engine/ocr-pool';
import { onPath } from '../helpers/tools';
import { textPage } from '../unit/scanning/pipeline-fixtures';

export const NATIVE_RATIO_TARGET = 1.3;
export const POOL_SPEEDUP_TARGET = 1.8;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Peak RSS while `fn` runs, sampled every 50 ms. */
async function peakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  try {
    const value = await fn();
    return { value, peak: Math.max(peak, process.memoryUsage.rss()) };
  } finally {
    clearInterval(timer);
  }
}

/** The core's thread busy for `ms` of work (a fixed amount of arithmetic); returns the wall time it took. */
function foregroundWork(iterations: number): number {
  const t = performance.now();
  let x = 0;
  for (let i = 0; i < iterations; i++) x = (x + Math.sqrt(i)) % 1e9;
  if (x < 0) console.log(x);
  return performance.now() - t;
}

export async function runOcrEngineBench(pages = Number(process.env.OCR_BENCH_PAGES ?? 6)): Promise<{ ok: boolean }> {
  const page = await textPage({});
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'motcua-ocr-bench-'));
  const cacheDir = path.join(tmp, 'cache');
  const lines: string[] = [];
  const say = (s: string): void => {
    lines.push(s);
    console.log(s);
  };
  let ok = true;
  try {
    say(`OCR engine: ${ENGINE_NAME}; clean A4 300 dpi Vietnamese page ${page.width}×${page.height}; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores; Node ${process.version}`);

    // One worker, normal priority (the same footing as the native process), warm-up then `pages` pages.
    const rssBefore = process.memoryUsage.rss();
    const one = createOcrPool({ cacheDir, workers: 1, lowPriority: false });
    let oneSeconds: number[] = [];
    let onePeak = 0;
    let oneTotal = 0;
    try {
      await one.recognize({ image: page.png });
      const r = await peakRss(async () => {
        const t0 = performance.now();
        const each: number[] = [];
        for (let i = 0; i < pages; i++) {
          const t = performance.now();
          await one.recognize({ image: page.png });
          each.push((performance.now() - t) / 1000);
        }
        return { each, total: (performance.now() - t0) / 1000 };
      });
      oneSeconds = r.value.each;
      oneTotal = r.value.total;
      onePeak = r.peak;
    } finally {
      await one.close();
    }
    const jsPerPage = median(oneSeconds);
    say(`  tesseract.js, 1 worker: ${jsPerPage.toFixed(2)} s/page (median of ${pages}; min ${Math.min(...oneSeconds).toFixed(2)}, max ${Math.max(...oneSeconds).toFixed(2)})`);

    // Native tesseract, one thread, the same data gunzipped, the same page file.
    if (onPath('tesseract')) {
      const tessdata = path.join(tmp, 'tessdata');
      mkdirSync(tessdata);
      const { langPath } = locateOcrData();
      for (const lang of OCR_LANGUAGES) writeFileSync(path.join(tessdata, `${lang}.traineddata`), gunzipSync(readFileSync(path.join(langPath, `${lang}.traineddata.gz`))));
      const file = path.join(tmp, 'page.png');
      writeFileSync(file, page.png);
      const native = (): number => {
        const t = performance.now();
        const r = spawnSync('tesseract', [file, 'stdout', '--tessdata-dir', tessdata, '-l', 'vie+eng', '--psm', '3', '--oem', '1'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`tesseract: ${r.stderr}`);
        return (performance.now() - t) / 1000;
      };
      native(); // warm-up (page cache)
      const nativeSeconds = Array.from({ length: Math.max(3, Math.ceil(pages / 2)) }, native);
      const nativePerPage = median(nativeSeconds);
      const ratio = jsPerPage / nativePerPage;
      say(`  native tesseract (OMP_THREAD_LIMIT=1, same data): ${nativePerPage.toFixed(2)} s/page → ratio ${ratio.toFixed(2)} (target ≤ ${NATIVE_RATIO_TARGET})`);
      if (ratio > NATIVE_RATIO_TARGET) ok = false;
    } else {
      say('  native tesseract: not installed (apt-get install tesseract-ocr), ratio not measured');
    }

    // Two workers over the same pages: throughput against one worker.
    const two = createOcrPool({ cacheDir, workers: 2, lowPriority: false });
    let twoTotal = 0;
    let twoPeak = 0;
    try {
      await Promise.all([two.recognize({ image: page.png }), two.recognize({ image: page.png })]);
      const r = await peakRss(async () => {
        const t0 = performance.now();
        await Promise.all(Array.from({ length: pages }, () => two.recognize({ image: page.png })));
        return (performance.now() - t0) / 1000;
      });
      twoTotal = r.value;
      twoPeak = r.peak;
    } finally {
      await two.close();
    }
    const speedup = oneTotal / twoTotal;
    say(`  pool: 1 worker ${(oneTotal / pages).toFixed(2)} s/page, 2 workers ${(twoTotal / pages).toFixed(2)} s/page over ${pages} pages → ${speedup.toFixed(2)}× (target ≥ ${POOL_SPEEDUP_TARGET} on 2 free cores)`);
    if (os.availableParallelism() >= 2 && speedup < POOL_SPEEDUP_TARGET) ok = false;
    const mb = (n: number): string => `${(n / 1e6).toFixed(0)} MB`;
    say(`  peak memory: 1 worker +${mb(onePeak - rssBefore)} over the process before it; 2 workers +${mb(twoPeak - rssBefore)} → ${mb((twoPeak - rssBefore) / 2)} per worker`);

    // Low priority: the core's own thread doing a fixed CPU task while 2 workers read pages, nice 19 against nice 0,
    // each against the same task alone just before (other load on the machine changes between measurements).
    const iterations = 30_000_000;
    foregroundWork(iterations); // warm-up (JIT)
    const withPool = async (lowPriority: boolean): Promise<{ alone: number; beside: number }> => {
      const pool = createOcrPool({ cacheDir, workers: 2, lowPriority });
      try {
        await Promise.all([pool.recognize({ image: page.png }), pool.recognize({ image: page.png })]); // started
        const alone = foregroundWork(iterations);
        const busy = Promise.all(Array.from({ length: 4 }, () => pool.recognize({ image: page.png })));
        await new Promise((r) => setTimeout(r, 300)); // both workers are reading
        const beside = foregroundWork(iterations);
        await busy;
        return { alone, beside };
      } finally {
        await pool.close();
      }
    };
    const normal = await withPool(false);
    const low = await withPool(true);
    say(
      `  priority: a task on the core's thread beside 2 OCR workers took ${(normal.beside / normal.alone).toFixed(2)}× its time alone at nice 0 ` +
        `(${normal.alone.toFixed(0)} → ${normal.beside.toFixed(0)} ms), ${(low.beside / low.alone).toFixed(2)}× at nice 19 (${low.alone.toFixed(0)} → ${low.beside.toFixed(0)} ms)` +
        `${process.platform === 'linux' ? '' : ' (no per-thread priority on this OS)'}`,
    );
    if (!ok) say('  BELOW TARGET');
    return { ok };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await runOcrEngineBench();
  process.exitCode = r.ok ? 0 : 1;
}
