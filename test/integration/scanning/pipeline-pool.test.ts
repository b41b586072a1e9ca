/**
 * The page pipeline's worker pool with real worker threads (worker-entry.mjs registers tsx, as under web mode and the
 * CLI), and the same worker as the Electron build bundles it (electron-vite, page-worker entry).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/contract/errors';
import { createPagePipeline, resolveWorkerUrl } from '../../../core/services/scanning/pipeline/page-pipeline';
import type { PagePipeline, PipelineOptions } from '../../../core/services/scanning/pipeline/types';
import { rotated, textPage } from '../../unit/scanning/pipeline-fixtures';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const GRAY: PipelineOptions = { color: 'gray' };
const CRASH = 'crash this worker, please';
const THROW = 'throw in this worker, please';
let page: Buffer;
let sideways: Buffer;

beforeAll(async () => {
  page = (await textPage({})).png;
  sideways = await rotated(page, 90);
});

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('page pipeline pool (worker threads)', () => {
  let pipeline: PagePipeline;
  afterAll(async () => pipeline?.close());

  it('processes pages on two workers, each call getting its own page’s result; codes cross the thread', async () => {
    pipeline = createPagePipeline({ workers: 2, testing: { exitOnBytes: CRASH, throwOnBytes: THROW } });
    const [a, b, c, bad] = await Promise.allSettled([
      pipeline.process({ bytes: page, dpi: 0, options: GRAY }),
      pipeline.process({ bytes: sideways, dpi: 0, options: GRAY }),
      pipeline.process({ bytes: page, dpi: 0, options: { ...GRAY, quarterTurns: 2 } }),
      pipeline.process({ bytes: Buffer.from('not an image'), dpi: 0, options: GRAY }),
    ]);
    expect(a.status === 'fulfilled' && a.value.rotation).toBe(0);
    expect(b.status === 'fulfilled' && b.value.rotation).toBe(270);
    expect(c.status === 'fulfilled' && c.value.rotation).toBe(180);
    expect(bad.status).toBe('rejected');
    expect(((bad as PromiseRejectedResult).reason as AppError).code).toBe('SCAN_PAGE_UNREADABLE');
    // The caller's bytes are copied, not taken: they stay usable (the scan service keeps the raw page).
    expect(page.byteLength).toBeGreaterThan(0);
    if (a.status === 'fulfilled') expect(a.value.image.bytes.byteLength).toBeGreaterThan(1000);
  });

  it('a worker that dies mid-page fails that page with SCAN_PAGE_FAILED; the pages after it still work', async () => {
    const crashed = pipeline.process({ bytes: Buffer.from(CRASH), dpi: 0, options: GRAY });
    const next = pipeline.process({ bytes: page, dpi: 0, options: GRAY });
    const e = await failure(crashed);
    expect(e.code).toBe('SCAN_PAGE_FAILED');
    expect(e.params.reason).toBe('exit 70');
    expect((await next).rotation).toBe(0);
    // An uncaught exception in the worker: the same, with the error named.
    const thrown = await failure(pipeline.process({ bytes: Buffer.from(THROW), dpi: 0, options: GRAY }));
    expect(thrown.params).toMatchObject({ reason: 'crash', detail: expect.stringContaining('test crash') });
    // Both workers die in turn, and are replaced each time.
    const both = await Promise.allSettled([0, 1].map(() => pipeline.process({ bytes: Buffer.from(CRASH), dpi: 0, options: GRAY })));
    expect(both.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((await pipeline.process({ bytes: sideways, dpi: 0, options: GRAY })).rotation).toBe(270);
  });

  it('close() fails the pages still waiting and refuses new ones', async () => {
    const p = createPagePipeline({ workers: 1 });
    const first = failure(p.process({ bytes: page, dpi: 0, options: GRAY }));
    const waiting = failure(p.process({ bytes: page, dpi: 0, options: GRAY }));
    await p.close();
    expect((await waiting).params.reason).toBe('closed');
    expect((await first).params.reason).toBe('closed');
    expect((await failure(p.process({ bytes: page, dpi: 0, options: GRAY }))).code).toBe('SCAN_PAGE_FAILED');
  });

  it('a page that outlasts the page timeout fails with reason "timeout" instead of hanging', async () => {
    const p = createPagePipeline({ workers: 1, pageTimeoutMs: 1 });
    try {
      const e = await failure(p.process({ bytes: page, dpi: 0, options: GRAY }));
      expect(e.code).toBe('SCAN_PAGE_FAILED');
      expect(e.params.reason).toBe('timeout');
    } finally {
      await p.close();
    }
  });
});

describe('page pipeline worker in the Electron build', () => {
  let outDir: string;
  beforeAll(() => {
    // Inside the repo, so that the bundle's external imports (sharp) resolve from node_modules as in the app.
    mkdirSync(path.join(root, '.tmp'), { recursive: true });
    outDir = mkdtempSync(path.join(root, '.tmp', 'pipeline-bundle-'));
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--outDir', outDir], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    });
    expect(r.status, r.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('is found beside the bundled core (entry or shared chunk) and processes a page', async () => {
    const main = path.join(outDir, 'main');
    const url = resolveWorkerUrl(pathToFileURL(path.join(main, 'core-host.js')).href);
    expect(fileURLToPath(url)).toBe(path.join(main, 'page-worker.js'));
    expect(resolveWorkerUrl(pathToFileURL(path.join(main, 'chunks', 'shared.js')).href).href).toBe(url.href);
    const p = createPagePipeline({ workers: 1, workerUrl: url });
    try {
      const out = await p.process({ bytes: sideways, dpi: 0, options: { ...GRAY, separators: true } });
      expect(out).toMatchObject({ rotation: 270, content: 'text', separator: null, image: { mediaType: 'image/tiff' } });
    } finally {
      await p.close();
    }
  });
});

describe('page pipeline: a 600 dpi colour A3 page', () => {
  it('is processed at full resolution (within the pixel budget), upright, as a colour JPEG', async () => {
    const width = 7016;
    const height = 9921;
    const lines = Array.from({ length: 40 }, (_, i) => `<text x="600" y="${5200 + i * 110}" font-family="DejaVu Serif" font-size="90" fill="#222">Dòng ${i + 1}: bản vẽ mặt bằng khổ A3 quét 600 dpi màu.</text>`);
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fdfcf8"/>` +
      `<rect x="600" y="600" width="5800" height="4000" fill="#3a7bd5"/><circle cx="3500" cy="2600" r="1500" fill="#e8a33d"/>${lines.join('')}</svg>`;
    const { default: sharp } = await import('sharp');
    const jpg = await sharp(Buffer.from(svg), { limitInputPixels: false }).flatten({ background: '#ffffff' }).withDensity(600).jpeg({ quality: 85 }).toBuffer();
    const p = createPagePipeline({ workers: 1 });
    try {
      const out = await p.process({ bytes: jpg, dpi: 0, options: { color: 'color' } });
      expect(out).toMatchObject({ dpi: 600, widthPx: width, heightPx: height, rotation: 0, deskewed: false, content: 'photo', image: { mediaType: 'image/jpeg' } });
      expect(await sharp(out.image.bytes).metadata()).toMatchObject({ width, height, channels: 3, density: 600 });
      expect(await sharp(out.master.bytes).metadata()).toMatchObject({ width, height, channels: 1 });
    } finally {
      await p.close();
    }
  }, 240_000);
});
