/**
 * `motcua ocr FILE... [--workers N] [--json]`: reads the text of image files with the app's OCR engine, each file
 * cleaned first as a scanned page is (prepareForOcr: upright, deskewed, cropped). Files run in parallel over the
 * pool; results come out in the order given, a file that fails keeps its place (text "", confidence null, error) and
 * the others go on; exit 1 when any failed, 2 for bad arguments. Needs no database: only the OCR cache lives in the
 * data directory.
 * `motcua ocr status [--json]`: the background OCR queue (contract method ocr.status).
 * `motcua ocr run [--workers N] [--json] [--follow]`: reads the whole queue in this process, then exits.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError, isAppError } from '../../../contract/errors';
import { errorMessage, t } from '../../../i18n/translate';
import { resolveDataDir } from '../../../platform/data-dir';
import type { OcrEngine } from '../../../services/ocr/engine/types';
import { followEvents, followWriter } from '../follow';
import { cliFailure, EXIT_FAILED, EXIT_OK, integerOption, printJson, withCore } from '../runtime';

type Run = (fn: () => Promise<number | void>) => Promise<void>;

export interface OcrFileResult {
  /** The file name as given on the command line. */
  file: string;
  text: string;
  confidence: number | null;
  ms: number;
  error?: { code: string; message: string };
}

const MAX_WORKERS = 64;

const OCR_HELP = `
Kết quả / output (--json), theo đúng thứ tự các tệp / in the order the files were given:
  [{"file":"a.png","text":"…","confidence":94.2,"ms":2150},
   {"file":"b.txt","text":"","confidence":null,"ms":3,"error":{"code":"OCR_IMAGE_UNREADABLE","message":"…"}}]
  confidence: độ tin cậy trung bình của các từ, 0–100; null khi không có chữ / mean word confidence; null when no word.
  ms: thời gian làm sạch ảnh và nhận dạng tệp đó (không tính thời gian chờ) / cleaning + OCR time (not waiting).
Mã thoát / exit codes: 0 xong / done; 1 có tệp không đọc được (các tệp khác vẫn có kết quả) / a file failed;
  2 sai tham số / bad arguments.
Tệp tên "status" hay "run": viết ./status, ./run / a file named status or run: write ./status, ./run
  (\`motcua ocr status\` shows the background queue, \`motcua ocr run\` reads it all then exits).`;

export function registerOcrCommands(program: Command, run: Run): void {
  const ocr = program
    .command('ocr')
    .description('Nhận dạng chữ (OCR tiếng Việt + Anh) trong các tệp ảnh / read the text of image files (Vietnamese + English OCR)')
    .argument('[files...]', 'tệp ảnh PNG, JPEG, TIFF, PNM / image files')
    .option('--workers <n>', `số luồng OCR (mặc định: số lõi CPU) / OCR worker threads (default: one per core), 1–${MAX_WORKERS}`)
    .option('--json', 'in JSON / print JSON')
    .addHelpText('after', OCR_HELP)
    .action((files: string[], opts: { workers?: string; json?: boolean }) => run(() => ocrFiles(files, opts)));

  ocr
    .command('status')
    .description('Hàng đợi OCR nền: trang chờ, đang đọc, lỗi, tốc độ / the background OCR queue')
    .option('--json', 'in JSON: {"waiting","running","failed","pagesPerMinute"} / print JSON')
    // `motcua ocr --json status` puts --json on the parent command.
    .action((opts: { json?: boolean }, cmd: Command) => run(() => ocrStatus(Boolean(opts.json || cmd.parent?.opts<{ json?: boolean }>().json))));

  ocr
    .command('run')
    .description('Đọc hết hàng đợi OCR nền và tạo PDF, rồi thoát (máy không chạy ứng dụng) / read the whole background queue, build the PDFs, then exit')
    .option('--workers <n>', `số luồng OCR / OCR worker threads, 1–${MAX_WORKERS}`)
    .option('--json', 'in JSON: ocr.status khi xong / print JSON: the queue when done')
    .option('--follow', 'in sự kiện ocr.progress, documents.pdfChanged từng dòng JSON / print progress events as JSON lines')
    .action((opts: { workers?: string; json?: boolean; follow?: boolean }, cmd: Command) =>
      run(() => ocrRun({ ...opts, json: Boolean(opts.json || cmd.parent?.opts<{ json?: boolean }>().json) })),
    );
}

/** Polls while the queue drains; the runner is also woken by its own work. */
const DRAIN_POLL_MS = 500;

/**
 * `motcua ocr run`: this process runs the OCR queue (like the app's core) until nothing is waiting or being read and
 * every document that can be built is, then prints the queue. Jobs another live process holds are waited for.
 */
async function ocrRun(opts: { workers?: string; json?: boolean; follow?: boolean }): Promise<number> {
  const workers = opts.workers === undefined ? undefined : integerOption('--workers', opts.workers, 1, MAX_WORKERS);
  return withCore(
    async (s) => {
      const ocr = s.core.services.ocr;
      const stop = opts.follow ? await followEvents(s.core, s.conn, ['ocr.progress', 'documents.pdfChanged'], followWriter(Boolean(opts.json))) : null;
      try {
        for (;;) {
          ocr.pagesChanged();
          const paused = ocr.runner?.pausedFor ?? null;
          if (paused) throw cliFailure(paused, errorMessage(paused, {}));
          const st = await s.call('ocr.status', {});
          if (st.waiting === 0 && st.running === 0) break;
          await new Promise((r) => setTimeout(r, DRAIN_POLL_MS));
        }
        await ocr.runner?.idle();
        await ocr.pdfs.kick();
        const st = await s.call('ocr.status', {});
        if (opts.json) printJson(st);
        else process.stdout.write(`${t('ocrEngine.cli.status', { waiting: st.waiting, running: st.running, failed: st.failed, pagesPerMinute: st.pagesPerMinute })}\n`);
        return EXIT_OK;
      } finally {
        stop?.();
      }
    },
    { ocr: { run: true, ...(workers ? { workers } : {}) } },
  );
}

/** The engine (tesseract.js, sharp) loads only when files are read, so every other command starts without it. */
async function loadEngine() {
  const [image, pool, data, prepare] = await Promise.all([
    import('../../../services/ocr/engine/ocr-image'),
    import('../../../services/ocr/engine/ocr-pool'),
    import('../../../services/ocr/engine/ocr-data'),
    import('../../../services/ocr/engine/prepare'),
  ]);
  return { inspectImage: image.inspectImage, createOcrPool: pool.createOcrPool, defaultOcrWorkers: pool.defaultOcrWorkers, ocrCacheDir: data.ocrCacheDir, prepareForOcr: prepare.prepareForOcr };
}
type Engine = Awaited<ReturnType<typeof loadEngine>>;

export async function ocrFiles(files: string[], opts: { workers?: string; json?: boolean }): Promise<number> {
  if (files.length === 0) throw cliFailure('CLI_BAD_ARGUMENT', 'Cần ít nhất một tệp ảnh / at least one image file is needed: motcua ocr FILE...');
  const asked = opts.workers !== undefined ? integerOption('--workers', opts.workers, 1, MAX_WORKERS) : undefined;
  const { createOcrPool, defaultOcrWorkers, ocrCacheDir, ...engine } = await loadEngine();
  const workers = asked ?? Math.min(defaultOcrWorkers(), files.length);
  // Normal priority: someone is waiting for this command; low priority is for the app's background queue.
  const pool = createOcrPool({ cacheDir: ocrCacheDir(resolveDataDir()), workers, lowPriority: false });
  const results: Array<OcrFileResult | undefined> = new Array<OcrFileResult | undefined>(files.length);
  let printed = 0;
  // Human output comes out file by file as soon as every file before it is done.
  const flush = (): void => {
    while (!opts.json && printed < files.length && results[printed]) {
      printHuman(results[printed]!, files.length > 1);
      printed++;
    }
  };
  try {
    // One more file being cleaned than there are workers, so no worker waits for the next image.
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < files.length) {
        const i = next++;
        results[i] = await ocrOneFile(engine, pool, files[i]!);
        flush();
      }
    };
    await Promise.all(Array.from({ length: Math.min(files.length, workers + 1) }, lane));
  } finally {
    await pool.close();
  }
  const all = results as OcrFileResult[];
  if (opts.json) printJson(all);
  const failed = all.filter((r) => r.error).length;
  if (failed && !opts.json && files.length > 1) process.stderr.write(`${t('ocrEngine.cli.summary', { failed, total: files.length })}\n`);
  return failed ? EXIT_FAILED : EXIT_OK;
}

async function ocrOneFile({ inspectImage, prepareForOcr }: Pick<Engine, 'inspectImage' | 'prepareForOcr'>, pool: OcrEngine, file: string): Promise<OcrFileResult> {
  const t0 = performance.now();
  let workMs = 0;
  try {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (e) {
      throw new AppError('OCR_FILE_UNREADABLE', { file, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
    }
    // The engine's own checks first, so a file that is no image fails with the same code as in the queue.
    await inspectImage(bytes);
    const prepared = await prepareForOcr({ bytes }).catch((e: unknown) => {
      throw asOcrError(e);
    });
    workMs = performance.now() - t0;
    const r = await pool.recognize({ image: prepared.image, dpi: prepared.dpi });
    return { file, text: r.text, confidence: r.confidence, ms: Math.round(workMs + r.ms) };
  } catch (e) {
    const err = isAppError(e) ? e : new AppError('OCR_WORKER_FAILED', { reason: 'error', detail: e instanceof Error ? e.message.slice(0, 200) : String(e) });
    return { file, text: '', confidence: null, ms: Math.round(workMs || performance.now() - t0), error: { code: err.code, message: errorMessage(err.code, err.params) } };
  }
}

/** The scan pipeline's refusals of a file, in the engine's codes (same meaning, the OCR's wording). */
function asOcrError(e: unknown): unknown {
  if (!isAppError(e)) return e;
  if (e.code === 'SCAN_PAGE_EMPTY') return new AppError('OCR_IMAGE_UNREADABLE', { detail: 'empty' }, { cause: e });
  if (e.code === 'SCAN_PAGE_UNREADABLE') return new AppError('OCR_IMAGE_UNREADABLE', { detail: String(e.params.detail ?? '') }, { cause: e });
  if (e.code === 'SCAN_PAGE_TOO_LARGE') return new AppError('OCR_IMAGE_TOO_LARGE', e.params, { cause: e });
  return e;
}

function printHuman(r: OcrFileResult, header: boolean): void {
  if (header) process.stdout.write(`==> ${r.file} <==\n`);
  if (r.error) process.stderr.write(`${t('ocrEngine.cli.failed', { file: r.file, code: r.error.code, message: r.error.message })}\n`);
  else process.stdout.write(r.text.length ? `${r.text}\n` : '');
  if (header) process.stdout.write('\n');
}

async function ocrStatus(json: boolean): Promise<void> {
  const s = await withCore((session) => session.call('ocr.status', {}));
  const out = { waiting: s.waiting, running: s.running, failed: s.failed, pagesPerMinute: s.pagesPerMinute };
  if (json) printJson(out);
  else process.stdout.write(`${t('ocrEngine.cli.status', out)}\n`);
}
