/**
 * Page pipeline throughput: A4 300 dpi grayscale text pages (PNG, as a scanner sends them; some skewed, some turned)
 * through the worker pool on this machine's cores. Prints pages per second (target ≥ 2 so a 60 ppm duplex scanner
 * never waits; aim 4), ms per stage (mean, p95), bytes per stored text page (target ≤ 100 KB) and a colour page's.
 * Run: npx tsx test/bench/page-pipeline.bench.ts  (or through `npm run bench`).
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { MASTER_PNG_LEVEL } from '../../core/services/scanning/pipeline/stages/encode';
import { createPagePipeline, defaultWorkerCount } from '../../core/services/scanning/pipeline/page-pipeline';
import type { PipelineOutput, PipelineStage } from '../../core/services/scanning/pipeline/types';
import { colourPage, rotated, textPage } from '../unit/scanning/pipeline-fixtures';

export const PAGES_PER_SECOND_TARGET = 2;
export const TEXT_PAGE_BYTES_TARGET = 100_000;

const stats = (xs: number[]): { mean: number; p95: number } => {
  const s = [...xs].sort((a, b) => a - b);
  return { mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length), p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? 0 };
};

export async function runPagePipelineBench(pages = 24): Promise<{ pagesPerSecond: number; textBytes: number; ok: boolean }> {
  const workers = defaultWorkerCount();
  const vi = await textPage({});
  const en = await textPage({ language: 'en', pointSize: 10 });
  const inputs = [vi.png, await rotated(vi.png, -1.5), en.png, await rotated(en.png, 2.2), await rotated(vi.png, 180), await rotated(en.png, 0.4)];
  const colour = await colourPage();
  const pipeline = createPagePipeline({ workers });
  try {
    // Warm-up: one page per worker (thread start, tsx, sharp load).
    await Promise.all(Array.from({ length: workers }, () => pipeline.process({ bytes: vi.png, dpi: 300, options: { color: 'gray' } })));
    const cpu0 = process.cpuUsage(); // the whole process: every worker thread and libvips's threads
    const t0 = performance.now();
    const outs: PipelineOutput[] = await Promise.all(Array.from({ length: pages }, (_, i) => pipeline.process({ bytes: inputs[i % inputs.length]!, dpi: 300, options: { color: 'gray' } })));
    const seconds = (performance.now() - t0) / 1000;
    const pagesPerSecond = pages / seconds;
    const cpu = process.cpuUsage(cpu0);
    const cpuPerPage = (cpu.user + cpu.system) / 1e6 / pages;
    const cores = defaultWorkerCount();
    const load = os.loadavg()[0]!;
    const stages: PipelineStage[] = ['decode', 'crop', 'orient', 'deskew', 'blank', 'encode', 'master', 'thumb'];
    const perStage = stages.map((st) => ({ st, ...stats(outs.map((o) => o.timings[st] ?? 0)) }));
    const total = stats(outs.map((o) => Object.values(o.timings).reduce((a, b) => a + (b ?? 0), 0)));
    const text = outs.filter((o) => o.content === 'text');
    const textBytes = stats(text.map((o) => o.image.bytes.byteLength));
    const masterBytes = stats(outs.map((o) => o.master.bytes.byteLength));
    const colourOut = await pipeline.process({ bytes: colour, dpi: 300, options: { color: 'color' } });
    const colourGray = await pipeline.process({ bytes: colour, dpi: 300, options: { color: 'gray' } });
    // The master's zlib level, measured on one master: level 9 against ours.
    const raw = await sharp(outs[0]!.master.bytes).raw().toBuffer({ resolveWithObject: true });
    const level = async (n: number): Promise<{ ms: number; bytes: number }> => {
      const t = performance.now();
      const b = await sharp(raw.data, { raw: raw.info }).png({ compressionLevel: n, adaptiveFiltering: false }).toBuffer();
      return { ms: performance.now() - t, bytes: b.byteLength };
    };
    const ours = await level(MASTER_PNG_LEVEL);
    const nine = await level(9);

    const kb = (n: number): string => `${(n / 1000).toFixed(1)} KB`;
    console.log(`page pipeline: ${pages} A4 300 dpi gray text pages on ${workers} worker(s): ${pagesPerSecond.toFixed(2)} pages/s (target ≥ ${PAGES_PER_SECOND_TARGET}, aim 4); ${(seconds * 1000 / pages).toFixed(0)} ms/page wall`);
    console.log(`  CPU per page ${(cpuPerPage * 1000).toFixed(0)} ms → ${(cores / cpuPerPage).toFixed(2)} pages/s if ${cores} cores were free (load average now ${load.toFixed(1)} on ${os.availableParallelism()} cores)`);
    console.log(`  per page in a worker: mean ${total.mean.toFixed(0)} ms, p95 ${total.p95.toFixed(0)} ms`);
    for (const s of perStage) console.log(`  ${s.st.padEnd(7)} mean ${s.mean.toFixed(1).padStart(6)} ms   p95 ${s.p95.toFixed(1).padStart(6)} ms`);
    console.log(`  text page (G4): mean ${kb(textBytes.mean)}, p95 ${kb(textBytes.p95)} (target ≤ ${kb(TEXT_PAGE_BYTES_TARGET)}); ${text.length}/${outs.length} pages stored as text`);
    console.log(`  grayscale master (PNG level ${MASTER_PNG_LEVEL}): mean ${kb(masterBytes.mean)}; level ${MASTER_PNG_LEVEL} ${ours.ms.toFixed(0)} ms / ${kb(ours.bytes)} vs level 9 ${nine.ms.toFixed(0)} ms / ${kb(nine.bytes)}`);
    console.log(`  colour page (JPEG, colour kept): ${kb(colourOut.image.bytes.byteLength)}; the same scanned gray (photo → JPEG): ${kb(colourGray.image.bytes.byteLength)}; thumbnail ${kb(colourOut.thumb.bytes.byteLength)}`);
    const ok = pagesPerSecond >= PAGES_PER_SECOND_TARGET && textBytes.p95 <= TEXT_PAGE_BYTES_TARGET;
    if (!ok) console.log('  BELOW TARGET');
    return { pagesPerSecond, textBytes: textBytes.mean, ok };
  } finally {
    await pipeline.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await runPagePipelineBench();
  process.exitCode = r.ok ? 0 : 1;
}
