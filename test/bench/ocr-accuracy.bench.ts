/**
 * OCR accuracy on the Vietnamese corpus (test/ocr-corpus): full A4 pages, both fonts, every variant (clean 300 dpi,
 * 200 and 150 dpi, darker scan, 2° skew, noise, JPEG, two counter-scanner combinations). Ours: the page pipeline,
 * enhanceForOcr, the OCR pool (one worker) and the searchable PDF/A builder (bytes per page). Beside it, on the same
 * page image: `ocrmypdf -l vie --output-type pdfa-1 --image-dpi N --deskew` (OMP_THREAD_LIMIT=1) with `pdftotext`.
 * Prints CER (mean and worst), seconds and bytes per page for each variant; the rule: ≤ 1% clean, ≤ 2% degraded.
 * Run: npx tsx test/bench/ocr-accuracy.bench.ts [pages per variant, default 2]   (or through `npm run bench`).
 * OCR_BENCH_PAGES sets the pages too; OCR_BENCH_VARIANTS=clean,noise picks variants.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { characterErrorRate } from '../../core/domain/text/cer';
import { createOcrPool } from '../../core/services/ocr/engine/ocr-pool';
import { enhanceForOcr } from '../../core/services/ocr/engine/prepare';
import { buildSearchablePdf } from '../../core/services/pdf/searchable-pdf';
import { processPage } from '../../core/services/scanning/pipeline/process-page';
import { corpusPages, scanVariant, VARIANTS } from '../ocr-corpus/generate';
import { checkTools } from '../helpers/tools';

interface Row {
  variant: string;
  cer: number[];
  seconds: number[];
  bytes: number[];
  steps: Set<string>;
  ref: { cer: number[]; seconds: number[]; bytes: number[] };
}

const fmtPct = (x: number[]): string => (x.length ? `${((x.reduce((a, b) => a + b, 0) / x.length) * 100).toFixed(2)}% / ${(Math.max(...x) * 100).toFixed(2)}%` : 'n/a');
const mean = (x: number[]): number => (x.length ? x.reduce((a, b) => a + b, 0) / x.length : NaN);

async function main(): Promise<void> {
  const pages = Number(process.argv[2] ?? process.env.OCR_BENCH_PAGES ?? 2);
  const only = process.env.OCR_BENCH_VARIANTS?.split(',');
  const corpus = corpusPages(pages, 2101);
  const tools = checkTools(['ocrmypdf', 'pdftotext']);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'motcua-ocr-bench-'));
  const pool = createOcrPool({ cacheDir: path.join(tmp, 'cache'), workers: 1 });
  const rows: Row[] = [];
  let ruleMet = true;
  try {
    // Warm-up: worker start and language data load are not a page's time.
    const warm = await scanVariant(corpus[0]!, 'clean', { fit: 'lines' });
    await pool.recognize({ image: warm.bytes, dpi: warm.dpi });
    for (const v of VARIANTS) {
      if (only && !only.includes(v.name)) continue;
      const row: Row = { variant: v.name, cer: [], seconds: [], bytes: [], steps: new Set(), ref: { cer: [], seconds: [], bytes: [] } };
      for (const page of corpus) {
        const scan = await scanVariant(page, v);
        const t0 = performance.now();
        const out = await processPage({ bytes: scan.bytes, dpi: 0, options: { color: 'gray', separators: false } }, { detectSeparator: null });
        const prepared = await enhanceForOcr({ image: out.master.bytes, dpi: out.dpi });
        const r = await pool.recognize({ image: prepared.image, dpi: prepared.dpi });
        const pdf = await buildSearchablePdf(
          [{ image: out.image.bytes, mediaType: out.image.mediaType, widthPx: out.widthPx, heightPx: out.heightPx, dpi: out.dpi, words: r.words, textWidthPx: r.width, textHeightPx: r.height }],
          { title: page.id },
        );
        row.seconds.push((performance.now() - t0) / 1000);
        row.cer.push(characterErrorRate(page.text, r.text).cer);
        row.bytes.push(pdf.bytes.byteLength);
        prepared.steps.forEach((s) => row.steps.add(s.replace(/ \(noise.*\)/, '')));
        if (!tools.skip) {
          const input = path.join(tmp, `in.${scan.mediaType === 'image/jpeg' ? 'jpg' : 'png'}`);
          const output = path.join(tmp, 'out.pdf');
          writeFileSync(input, scan.bytes);
          const t1 = performance.now();
          const run = spawnSync('ocrmypdf', ['-q', '-l', 'vie', '--output-type', 'pdfa-1', '--image-dpi', String(scan.dpi), '--deskew', input, output], {
            env: { ...process.env, OMP_THREAD_LIMIT: '1' },
            encoding: 'utf8',
          });
          const seconds = (performance.now() - t1) / 1000;
          if (run.status === 0) {
            const text = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', output, '-'], { encoding: 'utf8' }).stdout;
            row.ref.cer.push(characterErrorRate(page.text, text).cer);
            row.ref.seconds.push(seconds);
            row.ref.bytes.push(statSync(output).size);
          } else process.stdout.write(`ocrmypdf failed on ${page.id} ${v.name}: ${run.stderr.slice(0, 300)}\n`);
        }
      }
      if (Math.max(...row.cer) > v.maxCer) ruleMet = false;
      rows.push(row);
      process.stdout.write(
        `${v.name.padEnd(11)} ours CER mean/worst ${fmtPct(row.cer).padEnd(16)} ${mean(row.seconds).toFixed(1)} s/page ${Math.round(mean(row.bytes) / 1024)} KB/page` +
          ` | ocrmypdf ${tools.skip ? '(not installed)' : `${fmtPct(row.ref.cer).padEnd(16)} ${mean(row.ref.seconds).toFixed(1)} s/page ${Math.round(mean(row.ref.bytes) / 1024)} KB/page`}` +
          ` | limit ${(v.maxCer * 100).toFixed(0)}% | prep: ${[...row.steps].join(', ') || 'none'}\n`,
      );
    }
    process.stdout.write(`\n${corpus.length} full A4 pages per variant (${corpus.map((p) => `${p.font} ${p.pointSize} pt`).join(', ')}); CER rule (≤ 1% clean, ≤ 2% degraded, every page): ${ruleMet ? 'met' : 'NOT met'}\n`);
    if (tools.skip) process.stdout.write(`ocrmypdf comparison skipped: ${tools.reason}\n`);
  } finally {
    await pool.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  process.exitCode = ruleMet ? 0 : 1;
}

await main();
