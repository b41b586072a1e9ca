/**
 * OCR accuracy, the rule: character error rate ≤ 1% on clean 300 dpi pages and ≤ 2% on every degraded page,
 * for both corpus fonts. The real path runs: prepareForOcr (the pipeline's cleaning, then enhanceForOcr), then the
 * engine's pool (one worker). To stay within the test budget each image is the top of a page (headings and the
 * first paragraphs, about 500 characters); full pages per variant are in test/bench/ocr-accuracy.bench.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { characterErrorRate } from '../../../core/domain/text/cer';
import { createOcrPool, type OcrPool } from '../../../core/services/ocr/engine/ocr-pool';
import { prepareForOcr } from '../../../core/services/ocr/engine/prepare';
import { composePage, CORPUS_FONTS, scanVariant, VARIANTS } from '../../ocr-corpus/generate';
import { tempDir } from '../../helpers/temp';

/** Lines of each page: the three headings, the address and the first paragraphs. */
const LINES = 11;

let pool: OcrPool;
let tmp: ReturnType<typeof tempDir>;

/** Per image: preparation and one OCR call on a shared, loaded machine (about 3–10 s). */
const TIMEOUT_MS = 180_000;

beforeAll(async () => {
  tmp = tempDir('motcua-ocr-accuracy-');
  pool = createOcrPool({ cacheDir: tmp.dir, workers: 1 });
  // Worker start and language data load belong to no variant.
  const warm = await scanVariant(composePage(3000, { font: CORPUS_FONTS[0], maxLines: 2 }), 'clean', { fit: 'lines' });
  await pool.recognize({ image: warm.bytes, dpi: warm.dpi });
}, TIMEOUT_MS);
afterAll(async () => {
  await pool?.close();
  tmp?.cleanup();
});

describe('OCR accuracy on the Vietnamese corpus (CER per variant, both fonts)', () => {
  it.each(VARIANTS.map((v) => [v.name, v] as const))('%s', async (_name, variant) => {
    const results: string[] = [];
    for (const [i, font] of CORPUS_FONTS.entries()) {
      // A different page per variant and font: the rule holds for text, not for one text.
      const page = composePage(3100 + i + 2 * VARIANTS.indexOf(variant), { font, pointSize: 12, maxLines: LINES });
      const scan = await scanVariant(page, variant, { fit: 'lines' });
      const prepared = await prepareForOcr({ bytes: scan.bytes });
      const r = await pool.recognize({ image: prepared.image, dpi: prepared.dpi });
      const cer = characterErrorRate(page.text, r.text);
      results.push(`${font}: ${(cer.cer * 100).toFixed(2)}% (${cer.errors}/${cer.referenceLength})`);
      expect(cer.referenceLength).toBeGreaterThan(400);
      expect.soft(cer.cer, `${variant.name} ${font}\n--- expected\n${page.text}\n--- read\n${r.text}`).toBeLessThanOrEqual(variant.maxCer);
    }
    console.log(`CER ${variant.name}: ${results.join(', ')}`);
  }, TIMEOUT_MS);
});
