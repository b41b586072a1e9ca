/**
 * Writes the corpus to a folder: for each page and variant an image (PNG, or JPEG for the JPEG variants) and the
 * page's ground truth beside it, for other OCR tools and for scripts/cer.mjs.
 * Run: npx tsx test/ocr-corpus/write-corpus.ts OUT_DIR [pages, default 4] [first seed, default 1501]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { corpusPages, scanVariant, VARIANTS } from './generate';

async function main(): Promise<void> {
  const [out, pagesArg, seedArg] = process.argv.slice(2);
  if (!out) {
    process.stderr.write('usage: npx tsx test/ocr-corpus/write-corpus.ts OUT_DIR [pages] [seed]\n');
    process.exit(2);
  }
  mkdirSync(out, { recursive: true });
  const pages = corpusPages(Number(pagesArg ?? 4), Number(seedArg ?? 1501));
  const index: Array<Record<string, string | number>> = [];
  for (const page of pages) {
    writeFileSync(path.join(out, `${page.id}.txt`), `${page.text}\n`);
    for (const v of VARIANTS) {
      const scan = await scanVariant(page, v);
      const file = `${page.id}.${v.name}.${scan.mediaType === 'image/jpeg' ? 'jpg' : 'png'}`;
      writeFileSync(path.join(out, file), scan.bytes);
      index.push({ image: file, truth: `${page.id}.txt`, variant: v.name, dpi: scan.dpi, font: page.font, pointSize: page.pointSize, maxCer: v.maxCer });
    }
    process.stdout.write(`${page.id}: ${VARIANTS.length} images\n`);
  }
  writeFileSync(path.join(out, 'index.json'), `${JSON.stringify(index, null, 1)}\n`);
}

await main();
