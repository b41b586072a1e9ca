/**
 * The OCR engine on real tesseract.js workers (one at a time, small images: the machine's cores are shared).
 * Vietnamese read right with boxes where the words were drawn; bad input; a worker that crashes or times out is
 * replaced and the next page goes on; recycling; missing language data; low priority.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../../../core/contract/errors';
import { cacheFolderFor, locateOcrData } from '../../../../core/services/ocr/engine/ocr-data';
import { createOcrPool, type OcrPool } from '../../../../core/services/ocr/engine/ocr-pool';
import { plainImage, renderLines, renderWords, type DrawnWord } from '../../../unit/ocr/engine/render';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'motcua-ocr-engine-'));
const cacheDir = path.join(tmp, 'cache');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return isAppError(e) ? e.code : `not an AppError: ${String(e)}`;
  }
  return 'no error';
}

const LINES = ['Cộng hòa xã hội chủ nghĩa Việt Nam', 'Độc lập - Tự do - Hạnh phúc', 'Giấy chứng nhận quyền sử dụng đất'];

describe('OCR engine (one worker)', () => {
  let pool: OcrPool;
  beforeAll(() => {
    pool = createOcrPool({ cacheDir, workers: 1 });
  });
  afterAll(() => pool.close());

  it('reads Vietnamese lines right, NFC, with a mean confidence and the engine named', async () => {
    const r = await pool.recognize({ image: await renderLines(LINES) });
    expect(r.text).toBe(LINES.join('\n'));
    expect(r.text).toBe(r.text.normalize('NFC'));
    expect(r.confidence).toBeGreaterThan(80);
    expect(r.words.map((w) => w.text).join(' ')).toBe(LINES.join(' '));
    expect(r).toMatchObject({ width: 1400, height: 220, dpi: 300, engine: expect.stringMatching(/^tesseract\.js 7\.\S+ vie\+eng 4\.0\.0_best_int$/) });
    // The cache is inside the folder given (never the process's cwd).
    expect(readdirSync(cacheDir, { recursive: true }).map(String)).toEqual(expect.arrayContaining([expect.stringMatching(/vie\.traineddata$/)]));
  });

  it('gives each word a box where it was drawn, its baseline on the drawn baseline, line numbers in order', async () => {
    const drawn: DrawnWord[] = [
      { text: 'Nguyễn', x: 60, y: 80 },
      { text: 'Phường', x: 520, y: 80 },
      { text: 'Hồng', x: 900, y: 80 },
      { text: 'Đường', x: 60, y: 260 },
      { text: 'Thành', x: 520, y: 260 },
      { text: 'Lợi', x: 900, y: 260 },
    ];
    const r = await pool.recognize({ image: await renderWords(drawn, { width: 1200, height: 320 }) });
    // Widely spaced words may be read as columns (Tesseract's layout): matched by text, not by position in the list.
    expect(r.words.map((w) => w.text).sort()).toEqual(drawn.map((d) => d.text).sort());
    for (const d of drawn) {
      const w = r.words.find((x) => x.text === d.text)!;
      expect(Math.abs(w.x0 - d.x), `${d.text} x0`).toBeLessThanOrEqual(8);
      expect(Math.abs(w.baseline - d.y), `${d.text} baseline`).toBeLessThanOrEqual(3);
      expect(w.y0).toBeLessThan(d.y - 15); // the box holds the letters above the baseline
      expect(w.y1).toBeGreaterThanOrEqual(w.baseline);
      expect(w.x1 - w.x0).toBeGreaterThan(20);
    }
    const [a, b] = [r.words.find((x) => x.text === 'Nguyễn')!, r.words.find((x) => x.text === 'Đường')!];
    expect(a.block === b.block && a.par === b.par && a.line === b.line).toBe(false);
  });

  it('a page with no text: empty text, confidence null, no error', async () => {
    const r = await pool.recognize({ image: await plainImage(800, 1000) });
    expect(r).toMatchObject({ text: '', confidence: null, words: [] });
  });

  it('bad input is refused without costing the worker: not an image, 1×1, cut short', async () => {
    const before = pool.stats().started;
    expect(await codeOf(pool.recognize({ image: Buffer.from('%PDF-1.4 not an image') }))).toBe('OCR_IMAGE_UNREADABLE');
    expect(await codeOf(pool.recognize({ image: await plainImage(1, 1) }))).toBe('OCR_IMAGE_TOO_SMALL');
    const png = await renderLines([LINES[0]!]);
    // A good header, cut short: refused when decoded, still before the worker.
    expect(await codeOf(pool.recognize({ image: png.subarray(0, png.length - 200) }))).toBe('OCR_IMAGE_UNREADABLE');
    expect((await pool.recognize({ image: await renderLines([LINES[1]!]) })).text).toBe(LINES[1]);
    expect(pool.stats().started).toBe(before);
  });

  it.runIf(process.platform === 'linux')('runs its threads at the lowest priority (nice 19), their CPU time readable for the time limit', async () => {
    await pool.recognize({ image: await renderLines([LINES[0]!]) });
    expect(pool.stats().nice).toEqual([19]);
    expect(pool.stats().cpuMs[0]).toBeGreaterThan(0);
    const niceOfThreads = readdirSync('/proc/self/task').map((tid) => Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]));
    expect(niceOfThreads).toContain(19);
    expect(niceOfThreads).toContain(0); // the core's own thread is left alone
  });

  it('a page timing out fails with OCR_TIMEOUT; the worker is replaced and the next page is read', async () => {
    const before = pool.stats().started;
    const image = await renderLines([LINES[0]!]);
    expect(await codeOf(pool.recognize({ image }, { timeoutMs: 1 }))).toBe('OCR_TIMEOUT');
    expect((await pool.recognize({ image })).text).toBe(LINES[0]);
    expect(pool.stats().started).toBe(before + 1);
  });

  it('a page cancelled while read fails with OCR_ABORTED and the pool goes on', async () => {
    const image = await renderLines([LINES[2]!]);
    const ac = new AbortController();
    const running = pool.recognize({ image }, { signal: ac.signal });
    // Aborted once the worker has it (after the decode, while the worker is busy).
    while (pool.stats().busy === 0) await new Promise((r) => setTimeout(r, 5));
    ac.abort();
    expect(await codeOf(running)).toBe('OCR_ABORTED');
    expect((await pool.recognize({ image })).text).toBe(LINES[2]);
  });

  it('reads a 20,000-pixel-tall strip in bands, words placed in the whole strip', async () => {
    const strip = createOcrPool({ cacheDir, workers: 1, bandMaxPixels: 500 * 6000 });
    try {
      const drawn: DrawnWord[] = [
        { text: 'Trang một', x: 40, y: 120 },
        { text: 'Trang hai', x: 40, y: 7000 },
        { text: 'Trang ba', x: 40, y: 13500 },
        { text: 'Trang bốn', x: 40, y: 19900 },
      ];
      const r = await strip.recognize({ image: await renderWords(drawn, { width: 500, height: 20_000 }) });
      // (A lone short word is not taken for text by Tesseract's page layout: two words a line.)
      expect(r.text).toBe(drawn.map((d) => d.text).join('\n\n'));
      for (const [i, d] of drawn.entries()) expect(Math.abs(r.words[2 * i + 1]!.baseline - d.y)).toBeLessThanOrEqual(3);
      expect(new Set(r.words.map((w) => w.block)).size).toBe(4); // one block per band, numbered in order
      expect(r.height).toBe(20_000);
    } finally {
      await strip.close();
    }
  });
});

describe('OCR engine failures', () => {
  it.each(['exit', 'throw'] as const)('a worker that dies (%s) fails its page with OCR_WORKER_FAILED; the next page is read', async (how) => {
    const pool = createOcrPool({ cacheDir, workers: 1, testing: { crashOnSize: { width: 40, height: 40, how } } });
    try {
      const crash = pool.recognize({ image: await plainImage(40, 40) });
      const next = pool.recognize({ image: await renderLines([LINES[1]!]) }); // waits behind the crashing page
      expect(await codeOf(crash)).toBe('OCR_WORKER_FAILED');
      expect((await next).text).toBe(LINES[1]);
      expect(pool.stats()).toMatchObject({ started: 2, alive: 1 });
    } finally {
      await pool.close();
    }
  });

  it('recycles a worker after the set number of pages', async () => {
    const pool = createOcrPool({ cacheDir, workers: 1, recycleAfterPages: 1 });
    try {
      const image = await plainImage(100, 100);
      await pool.recognize({ image });
      await pool.recognize({ image });
      expect(pool.stats()).toMatchObject({ started: 2, pagesDone: 2 });
    } finally {
      await pool.close();
    }
  });

  it('a torn vie.traineddata in the cache (a thread read it while another wrote it) is replaced, never read: Vietnamese, not eng alone', async () => {
    // Tesseract failing to load vie ran on eng alone without a word: "Gidy ching nhan quyén sir dung dat", done.
    const dir = path.join(tmp, 'torn-cache');
    const data = locateOcrData();
    const folder = cacheFolderFor(dir, data);
    mkdirSync(folder, { recursive: true });
    const vie = gunzipSync(readFileSync(path.join(data.langPath, 'vie.traineddata.gz')));
    writeFileSync(path.join(folder, 'vie.traineddata'), vie.subarray(0, vie.length >> 1));
    const pool = createOcrPool({ cacheDir: dir, workers: 1 });
    try {
      expect((await pool.recognize({ image: await renderLines([LINES[2]!]) })).text).toBe(LINES[2]);
      expect(readFileSync(path.join(folder, 'vie.traineddata')).equals(vie)).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('missing language data: OCR_DATA_MISSING at once, nothing fetched, no worker started', async () => {
    const pool = createOcrPool({ cacheDir, workers: 1, resourcesDir: path.join(tmp, 'no-resources') });
    try {
      const err = await pool.recognize({ image: await plainImage(100, 100) }).catch((e: unknown) => e);
      expect(isAppError(err) && err.code).toBe('OCR_DATA_MISSING');
      expect(isAppError(err) && String(err.params.file)).toMatch(/traineddata\.gz$/);
      expect(pool.stats().started).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('damaged language data: OCR_DATA_MISSING (reinstall), not a page failure', async () => {
    const resources = path.join(tmp, 'bad-resources');
    mkdirSync(path.join(resources, 'tessdata'), { recursive: true });
    for (const lang of ['vie', 'eng']) writeFileSync(path.join(resources, 'tessdata', `${lang}.traineddata.gz`), 'not language data');
    const pool = createOcrPool({ cacheDir: null, workers: 1, resourcesDir: resources });
    try {
      expect(await codeOf(pool.recognize({ image: await plainImage(100, 100) }))).toBe('OCR_DATA_MISSING');
    } finally {
      await pool.close();
    }
  });

  it('a closed pool refuses pages with OCR_CLOSED', async () => {
    const pool = createOcrPool({ cacheDir, workers: 1 });
    await pool.close();
    expect(await codeOf(pool.recognize({ image: await plainImage(100, 100) }))).toBe('OCR_CLOSED');
  });
});
