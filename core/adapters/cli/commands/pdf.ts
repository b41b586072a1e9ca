/**
 * `motcua pdf IMAGE... --out FILE.pdf [--ocr] [--json]`: a PDF/A-1b of the images, one page each in the order given.
 * Each image goes through the scan pipeline first, as a scanned page would (text pages become G4, photos JPEG), and
 * with --ocr its grayscale master is read by the OCR engine for the invisible text layer. Every input is checked
 * before anything is written, and the PDF is written whole or not at all (durable-files.ts writeFileDurably).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError, isAppError } from '../../../contract/errors';
import { t, errorMessage } from '../../../i18n/translate';
import type { OcrEngine, OcrResult } from '../../../services/ocr/engine/types';
import type { PdfPageInput } from '../../../services/pdf/types';
import { writeFileDurably } from '../../../services/documents/durable-files';
import type { PipelineOutput } from '../../../services/scanning/pipeline/types';
import { resolveDataDir } from '../../../platform/data-dir';
import { printJson } from '../runtime';

type Run = (fn: () => Promise<number | void>) => Promise<void>;

interface PdfOptions {
  out: string;
  ocr?: boolean;
  json?: boolean;
}

export interface PdfCommandDeps {
  /** The OCR engine for --ocr; default: the tesseract.js pool with one worker per core. */
  engine?: () => OcrEngine | Promise<OcrEngine>;
}

export function registerPdfCommand(program: Command, run: Run, deps: PdfCommandDeps = {}): void {
  program
    .command('pdf')
    .description('Tạo PDF/A-1b từ ảnh, mỗi ảnh một trang / make a PDF/A-1b of images, one page each')
    .argument('<images...>', 'tệp ảnh PNG, JPEG, TIFF, PNM theo thứ tự trang / image files in page order')
    .requiredOption('--out <file>', 'tệp PDF ghi ra / output PDF file')
    .option('--ocr', 'nhận dạng chữ để tìm kiếm được / add a searchable text layer')
    .option('--json', 'in JSON / print JSON')
    .action((images: string[], opts: PdfOptions) => run(() => makePdf(images, opts, deps)));
}

async function makePdf(images: string[], opts: PdfOptions, deps: PdfCommandDeps): Promise<number> {
  const out = path.resolve(opts.out);
  await checkOutFolder(out);
  const processed: Array<{ file: string; page: PipelineOutput }> = [];
  for (const file of images) processed.push({ file, page: await processImage(file) });

  // Pages are read in parallel (one worker per core, never more than pages) and laid out in the order given.
  const engine = opts.ocr ? await (deps.engine ?? (() => defaultEngine(processed.length)))() : null;
  let read: Array<OcrResult | null>;
  try {
    read = engine ? await Promise.all(processed.map(({ file, page }, i) => recognize(engine, page, i + 1, file))) : processed.map(() => null);
  } finally {
    await engine?.close();
  }
  const pages: PdfPageInput[] = processed.map(({ page }, i) => {
    const r = read[i];
    return {
      image: page.image.bytes,
      mediaType: page.image.mediaType,
      widthPx: page.widthPx,
      heightPx: page.heightPx,
      dpi: page.dpi,
      ...(r ? { words: r.words, textWidthPx: r.width, textHeightPx: r.height } : {}),
    };
  });

  const title = path.basename(out, path.extname(out));
  // The scan pipeline, the OCR engine and the PDF writer (sharp, tesseract.js, pdf-lib, fontkit) load where they are
  // used, so every other command starts without them.
  const { buildSearchablePdf } = await import('../../../services/pdf/searchable-pdf');
  const built = await buildSearchablePdf(pages, { title });
  for (const r of built.reencoded ?? []) process.stderr.write(t('pdf.cli.reencoded', r) + '\n');
  try {
    writeFileDurably(out, built.bytes);
  } catch (e) {
    throw new AppError('CLI_PDF_OUT_UNWRITABLE', { file: opts.out, detail: (e as Error).message });
  }

  if (opts.json) {
    printJson({
      out: opts.out,
      pageCount: built.pageCount,
      bytes: built.bytes.length,
      ocr: !!opts.ocr,
      pages: processed.map(({ file, page }, i) => ({
        file,
        mediaType: page.image.mediaType,
        widthPx: page.widthPx,
        heightPx: page.heightPx,
        dpi: page.dpi,
        sha256: built.pageSha256[i],
        ...(opts.ocr ? { words: read[i]?.words.length ?? 0, confidence: read[i]?.confidence ?? null } : {}),
      })),
    });
  } else {
    const searchable = opts.ocr ? t('pdf.cli.searchable') : '';
    process.stdout.write(t('pdf.cli.written', { file: opts.out, pages: built.pageCount, bytes: built.bytes.length, searchable }) + '\n');
  }
  return 0;
}

async function checkOutFolder(out: string): Promise<void> {
  const dir = path.dirname(out);
  const folder = await stat(dir).catch(() => null);
  if (!folder?.isDirectory()) throw new AppError('CLI_PDF_OUT_FOLDER_MISSING', { dir });
  const target = await stat(out).catch(() => null);
  if (target?.isDirectory()) throw new AppError('CLI_PDF_OUT_UNWRITABLE', { file: out, detail: 'EISDIR' });
}

/** The scan pipeline's processing for a file, gray like a gray scan, with no separator sheets to look for. */
async function processImage(file: string): Promise<PipelineOutput> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AppError('CLI_PDF_INPUT_MISSING', { file });
    throw new AppError('CLI_PDF_INPUT_NOT_IMAGE', { file, detail: code ?? (e as Error).message });
  }
  const { processPage } = await import('../../../services/scanning/pipeline/process-page');
  try {
    return await processPage({ bytes, dpi: 0, options: { color: 'gray', separators: false } }, { detectSeparator: null });
  } catch (e) {
    if (isAppError(e) && e.code === 'SCAN_PAGE_TOO_LARGE') throw new AppError('CLI_PDF_INPUT_TOO_LARGE', { file, detail: errorMessage(e.code, e.params) });
    if (isAppError(e) && (e.code === 'SCAN_PAGE_UNREADABLE' || e.code === 'SCAN_PAGE_EMPTY')) {
      throw new AppError('CLI_PDF_INPUT_NOT_IMAGE', { file, detail: String(e.params.detail ?? e.code) });
    }
    throw e;
  }
}

/**
 * Reads a page's master. A page the engine finds unfit for reading (too small to hold text …) stays in the PDF
 * without a text layer, said on stderr; any other engine failure stops the command (nothing is written).
 */
async function recognize(engine: OcrEngine, page: PipelineOutput, n: number, file: string): Promise<OcrResult | null> {
  const [{ enhanceForOcr }, { OCR_INPUT_ERROR_CODES }] = await Promise.all([import('../../../services/ocr/engine/prepare'), import('../../../services/ocr/engine/ocr-pool')]);
  try {
    // The same preparation as `motcua ocr` and the queue (small text enlarged, noise filtered); the words' boxes refer
    // to the prepared image, whose size the result carries and the text layer scales by.
    const prepared = await enhanceForOcr({ image: page.master.bytes, dpi: page.dpi }).catch(() => ({ image: page.master.bytes, dpi: page.dpi }));
    return await engine.recognize({ image: prepared.image, dpi: prepared.dpi });
  } catch (e) {
    if (isAppError(e) && (OCR_INPUT_ERROR_CODES as readonly string[]).includes(e.code)) {
      process.stderr.write(t('pdf.cli.ocrSkipped', { page: n, file, message: errorMessage(e.code, e.params) }) + '\n');
      return null;
    }
    throw e;
  }
}

async function defaultEngine(pages: number): Promise<OcrEngine> {
  const [{ createOcrPool, defaultOcrWorkers }, { ocrCacheDir }] = await Promise.all([import('../../../services/ocr/engine/ocr-pool'), import('../../../services/ocr/engine/ocr-data')]);
  return createOcrPool({ cacheDir: ocrCacheDir(resolveDataDir()), workers: Math.max(1, Math.min(pages, defaultOcrWorkers())), lowPriority: false });
}
