/**
 * `motcua pdf IMAGE --out FILE.pdf --ocr` with the real OCR engine (one small page, one OCR call): pdftotext gives
 * the Vietnamese lines back in reading order, and each word pdftotext reports sits on that word's ink in the page
 * image as the PDF renders it.
 */
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { characterErrorRate } from '../../../core/domain/text/cer';
import { preflightAvailable, preflightPdfA1b } from '../../helpers/preflight';
import { REPO, tempDir } from '../../helpers/temp';
import { requireTools } from '../../helpers/tools';
import { LINES, renderLines } from '../pdf/pdf-fixtures';

const tools = requireTools('pdftotext', 'pdftoppm', 'qpdf', 'java');
const data = tempDir('motcua-pdf-ocr-');
afterAll(() => data.cleanup());

/** The real bin, with room for the OCR worker's start on a busy machine (the shared helper allows 60 s). */
async function motcua(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, [path.join(REPO, 'bin', 'motcua.mjs'), ...args], {
      env: { ...process.env, MOTCUA_DATA_DIR: path.join(data.dir, 'data') },
      cwd: REPO,
      timeout: 240_000,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

describe.skipIf(tools.skip)('motcua pdf --ocr', () => {
  it('is searchable: the text back in reading order, each word over its ink; still PDF/A-1b', async () => {
    const image = path.join(data.dir, 'don.png');
    writeFileSync(image, (await renderLines(LINES, 300)).png);
    const out = path.join(data.dir, 'don.pdf');
    const r = await motcua(['pdf', image, '--out', out, '--ocr', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { pages: Array<{ words: number }> }).pages[0]!.words).toBeGreaterThan(10);

    const lines = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).normalize('NFC').split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines).toHaveLength(LINES.length);
    lines.forEach((line, i) => expect(characterErrorRate(LINES[i]!, line).cer, line).toBeLessThan(0.05));

    // Render at 2 px per point and look for ink inside each word box pdftotext reports.
    const png = path.join(data.dir, 'render');
    execFileSync('pdftoppm', ['-r', '144', '-gray', '-png', '-singlefile', out, png]);
    const { data: px, info } = await sharp(`${png}.png`).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    const html = execFileSync('pdftotext', ['-bbox', out, '-'], { encoding: 'utf8' });
    const boxes = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/g)].map((m) => m.slice(1, 5).map(Number) as [number, number, number, number]);
    expect(boxes.length).toBeGreaterThan(10);
    for (const [x0, y0, x1, y1] of boxes) {
      // Ink columns in the word's band, 6 pt either side: the ink must start and end within 2 pt of the box.
      const cols: number[] = [];
      for (let x = Math.max(0, Math.floor((x0 - 6) * 2)); x < Math.min(info.width, Math.ceil((x1 + 6) * 2)); x++) {
        for (let y = Math.floor(y0 * 2); y < Math.min(info.height, Math.ceil(y1 * 2)); y++) {
          if (px[y * info.width + x]! < 128) {
            cols.push(x / 2);
            break;
          }
        }
      }
      const inside = cols.filter((x) => x >= x0 - 2 && x <= x1 + 2);
      expect(inside.length).toBeGreaterThan(0);
      expect(Math.abs(Math.min(...inside) - x0)).toBeLessThan(2);
      expect(Math.abs(Math.max(...inside) - x1)).toBeLessThan(2);
    }

    expect(execFileSync('qpdf', ['--check', out], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    if (preflightAvailable()) expect(preflightPdfA1b(out).output).toMatch(/is a valid PDF\/A-1b/);
    expect(readFileSync(out).subarray(0, 8).toString()).toBe('%PDF-1.4');
  }, 300_000);
});
