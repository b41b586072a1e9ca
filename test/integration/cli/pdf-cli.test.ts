/**
 * `motcua pdf IMAGE... --out FILE.pdf [--json]` without OCR: images through the scan pipeline (text → G4, photo →
 * JPEG), one page each in order, a valid PDF/A-1b; bad input refused with its code and exit 2, nothing left at --out.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { motcua as runMotcua } from '../../helpers/cli';
import { preflightAvailable, preflightPdfA1b } from '../../helpers/preflight';
import { tempDir } from '../../helpers/temp';
import { requireTools } from '../../helpers/tools';
import { photoPage, renderLines } from '../pdf/pdf-fixtures';

const tools = requireTools('pdfimages', 'pdftotext', 'pdfinfo', 'qpdf', 'java');
const data = tempDir('motcua-pdf-cli-');
afterAll(() => data.cleanup());
const motcua = (args: string[]) => runMotcua(path.join(data.dir, 'data'), args);
const dir = data.dir;

beforeAll(async () => {
  writeFileSync(path.join(dir, 'text.png'), (await renderLines(undefined, 150)).png);
  writeFileSync(path.join(dir, 'photo.jpg'), await photoPage(100));
  writeFileSync(path.join(dir, 'not-image.png'), 'Đây không phải ảnh');
});

/** Files in the folder other than the inputs: a PDF, or a temporary file left behind. */
const leftovers = (): string[] => readdirSync(dir).filter((f) => !['text.png', 'photo.jpg', 'not-image.png', 'data'].includes(f));

describe.skipIf(tools.skip)('motcua pdf', () => {
  it('makes a PDF/A-1b with one page per image in the order given: G4 for text, JPEG for a photo', async () => {
    const out = path.join(dir, 'ho-so.pdf');
    const r = await motcua(['pdf', path.join(dir, 'photo.jpg'), path.join(dir, 'text.png'), '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { pageCount: number; bytes: number; pages: Array<{ mediaType: string; sha256: string }> };
    expect(json.pageCount).toBe(2);
    expect(json.pages.map((p) => p.mediaType)).toEqual(['image/jpeg', 'image/tiff']);
    expect(json.bytes).toBe(readFileSync(out).length);
    const list = execFileSync('pdfimages', ['-list', out], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).map((l) => l.trim().split(/\s+/));
    expect(list.map((row) => [row[0], row[8]])).toEqual([
      ['1', 'jpeg'],
      ['2', 'ccitt'],
    ]);
    expect(execFileSync('pdfinfo', ['-meta', out], { encoding: 'utf8' })).toContain(`<rdf:li>${json.pages[1]!.sha256}</rdf:li>`);
    // No --ocr: no text layer.
    expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).trim()).toBe('');
    expect(execFileSync('qpdf', ['--check', out], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    if (preflightAvailable()) expect(preflightPdfA1b(out).output).toMatch(/is a valid PDF\/A-1b/);
    expect(leftovers()).toEqual(['ho-so.pdf']);
  }, 120_000);

  it('refuses a file that is not an image, a missing file and a missing --out folder with exit 2; nothing written', async () => {
    const out = path.join(dir, 'ho-so.pdf');
    const before = readFileSync(out);
    const notImage = await motcua(['pdf', path.join(dir, 'text.png'), path.join(dir, 'not-image.png'), '--out', out]);
    expect(notImage.code).toBe(2);
    expect(notImage.stderr).toMatch(/CLI_PDF_INPUT_NOT_IMAGE.*not-image\.png không phải ảnh đọc được/);
    const missing = await motcua(['pdf', path.join(dir, 'khong-co.png'), '--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/CLI_PDF_INPUT_MISSING.*Không tìm thấy tệp ảnh/);
    const noFolder = await motcua(['pdf', path.join(dir, 'text.png'), '--out', path.join(dir, 'khong-co', 'x.pdf')]);
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toMatch(/CLI_PDF_OUT_FOLDER_MISSING.*Không có thư mục/);
    expect(existsSync(path.join(dir, 'khong-co'))).toBe(false);
    // The PDF already there is untouched, and no temporary file is left.
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(leftovers()).toEqual(['ho-so.pdf']);
  }, 120_000);
});
