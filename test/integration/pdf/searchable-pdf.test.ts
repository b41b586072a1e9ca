/**
 * The searchable PDF/A-1b checked with the reference tools: poppler (text back in reading order, word boxes on the
 * image's words, images kept as CCITT and JPEG, black text on white), qpdf --check, PDFBox preflight PDF/A-1b.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchablePdf } from '../../../core/services/pdf/searchable-pdf';
import { readG4Strip } from '../../../core/services/pdf/tiff-strip';
import type { PdfPageInput } from '../../../core/services/pdf/types';
import type { OcrWord } from '../../../core/services/ocr/engine/types';
import { preflightAvailable, preflightPdfA1b } from '../../helpers/preflight';
import { tempDir } from '../../helpers/temp';
import { requireTools } from '../../helpers/tools';
import { LINES, measureWords, photoPage, pipelineKeepingGeometry, renderLines, type RenderedPage } from './pdf-fixtures';

const tools = requireTools('pdftotext', 'pdftoppm', 'pdfimages', 'pdfinfo', 'pdffonts', 'qpdf', 'java');

interface BboxWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

function bboxWords(file: string, page: number): BboxWord[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  const out: BboxWord[] = [];
  for (const m of html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    const text = m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').normalize('NFC');
    out.push({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text });
  }
  return out;
}

describe.skipIf(tools.skip)('searchable PDF/A-1b (reference tools)', () => {
  const tmp = tempDir('motcua-pdf-');
  const file = path.join(tmp.dir, 'doc.pdf');
  let rendered: RenderedPage;
  let words: OcrWord[];
  let textPage: PdfPageInput;
  let photo: PdfPageInput;
  let pdf: Uint8Array;
  let pageSha: string[];

  beforeAll(async () => {
    rendered = await renderLines();
    const text = await pipelineKeepingGeometry(rendered.png, rendered.dpi);
    expect(text.image.mediaType).toBe('image/tiff');
    words = await measureWords(text.master.bytes, rendered);
    textPage = { image: text.image.bytes, mediaType: 'image/tiff', widthPx: text.widthPx, heightPx: text.heightPx, dpi: text.dpi, words, textWidthPx: text.widthPx, textHeightPx: text.heightPx };
    const shot = await pipelineKeepingGeometry(await photoPage(), 100);
    expect(shot.image.mediaType).toBe('image/jpeg');
    photo = { image: shot.image.bytes, mediaType: 'image/jpeg', widthPx: shot.widthPx, heightPx: shot.heightPx, dpi: shot.dpi };
    const built = await buildSearchablePdf([textPage, photo], {
      title: 'Đơn đề nghị cấp giấy chứng nhận',
      dossierCode: 'H29.001-261206-0001',
      procedure: 'Cấp giấy chứng nhận quyền sử dụng đất',
      itemCode: 'DON',
      itemName: 'Đơn đề nghị <bản chính> & bản sao',
    });
    expect(built.pageCount).toBe(2);
    expect(built.reencoded).toBeUndefined();
    pdf = built.bytes;
    pageSha = built.pageSha256;
    writeFileSync(file, pdf);
  }, 60_000);
  afterAll(() => tmp.cleanup());

  it('gives the Vietnamese text back in reading order, words separated', () => {
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' }).normalize('NFC');
    expect(text.split('\n').map((l) => l.trim()).filter(Boolean)).toEqual(LINES);
    // The photo page has no text layer.
    expect(execFileSync('pdftotext', ['-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' }).trim()).toBe('');
  });

  it("places each word's text over the word's ink in the image (within 1.5 pt)", () => {
    const k = 72 / rendered.dpi;
    const found = bboxWords(file, 1);
    expect(found.map((w) => w.text)).toEqual(words.map((w) => w.text));
    found.forEach((b, i) => {
      const w = words[i]!;
      expect(Math.abs(b.xMin - w.x0 * k)).toBeLessThan(1.5);
      expect(Math.abs(b.xMax - w.x1 * k)).toBeLessThan(1.5);
      // The highlight covers the ink vertically, and is not much taller than the line.
      expect(b.yMin).toBeLessThanOrEqual(w.y0 * k + 1.5);
      expect(b.yMax).toBeGreaterThanOrEqual(w.y1 * k - 1.5);
      expect(b.yMax - b.yMin).toBeLessThan(rendered.fontPx * k * 2.5);
    });
  });

  it('keeps the images as stored: the G4 strip as CCITT, the JPEG as DCT, byte for byte', () => {
    const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).map((l) => l.trim().split(/\s+/));
    expect(list.map((r) => [r[0], r[2], r[5], r[8]])).toEqual([
      ['1', 'image', 'gray', 'ccitt'],
      ['2', 'image', expect.stringMatching(/gray|rgb/), 'jpeg'],
    ]);
    const strip = readG4Strip(textPage.image);
    if (!strip.ok) throw new Error(strip.reason);
    expect(Buffer.from(pdf).indexOf(Buffer.from(strip.strip.data))).toBeGreaterThan(0);
    expect(Buffer.from(pdf).indexOf(Buffer.from(photo.image))).toBeGreaterThan(0);
  });

  it('renders the G4 page as black text on white paper', async () => {
    const out = path.join(tmp.dir, 'render');
    execFileSync('pdftoppm', ['-r', '50', '-gray', '-f', '1', '-l', '1', '-png', '-singlefile', file, out]);
    const stats = await sharp(`${out}.png`).stats();
    expect(stats.channels[0]!.mean).toBeGreaterThan(200);
    expect(stats.channels[0]!.min).toBeLessThan(100);
  });

  it('sizes each page from its pixels and dpi', () => {
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '2', file], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(sizes[0]![0]).toBeCloseTo((textPage.widthPx * 72) / textPage.dpi, 1);
    expect(sizes[0]![1]).toBeCloseTo((textPage.heightPx * 72) / textPage.dpi, 1);
    expect(sizes[1]![0]).toBeCloseTo((photo.widthPx * 72) / photo.dpi, 1);
  });

  it('writes XMP with the dossier, the item, the page count and each image SHA-256, mirrored in Info', () => {
    const meta = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
    expect(pageSha).toEqual([textPage.image, photo.image].map((b) => createHash('sha256').update(b).digest('hex')));
    for (const sha of pageSha) expect(meta).toContain(`<rdf:li>${sha}</rdf:li>`);
    expect(meta).toContain('<motcua:dossierCode>H29.001-261206-0001</motcua:dossierCode>');
    expect(meta).toContain('<motcua:pageCount>2</motcua:pageCount>');
    expect(meta).toContain('<motcua:itemName>Đơn đề nghị &lt;bản chính&gt; &amp; bản sao</motcua:itemName>');
    expect(meta).toContain('<pdfaSchema:prefix>motcua</pdfaSchema:prefix>');
    expect(meta).toContain('<pdfaid:part>1</pdfaid:part>');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+Đơn đề nghị cấp giấy chứng nhận/);
    expect(info).toMatch(/Producer:\s+MotCua Desk/);
  });

  it('draws the text with one embedded font whose glyphs map back to Unicode (ToUnicode)', () => {
    const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(rows).toHaveLength(1);
    // name type… encoding emb sub uni: Identity-H, embedded, with a ToUnicode map.
    expect(rows[0]).toMatch(/CID TrueType\s+Identity-H\s+yes\s+(yes|no)\s+yes\s/);
  });

  it('passes qpdf --check', () => {
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
  });

  it.skipIf(!preflightAvailable())('passes PDFBox preflight PDF/A-1b', () => {
    const r = preflightPdfA1b(file);
    expect(r.output).toMatch(/is a valid PDF\/A-1b/);
    expect(r.valid).toBe(true);
  }, 120_000);
});

describe.skipIf(tools.skip)('TIFF pages other than the pipeline writes', () => {
  const tmp = tempDir('motcua-pdf-tiff-');
  afterAll(() => tmp.cleanup());

  /** A mostly white 1-bit page with a black bar, rendered back by poppler as its mean and darkest gray. */
  async function renderTiff(tiff: (s: Sharp) => Sharp, name: string): Promise<{ mean: number; min: number; reencoded: unknown; list: string }> {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="100%" height="100%" fill="#fff"/><rect x="50" y="50" width="100" height="100" fill="#000"/></svg>`;
    const image = await tiff(sharp(Buffer.from(svg)).flatten({ background: '#fff' }).toColourspace('b-w').threshold(128).toColourspace('b-w')).toBuffer();
    const built = await buildSearchablePdf([{ image, mediaType: 'image/tiff', widthPx: 400, heightPx: 300, dpi: 100 }], { title: name });
    const file = path.join(tmp.dir, `${name}.pdf`);
    writeFileSync(file, built.bytes);
    execFileSync('pdftoppm', ['-r', '50', '-gray', '-png', '-singlefile', file, path.join(tmp.dir, name)]);
    const stats = await sharp(path.join(tmp.dir, `${name}.png`)).stats();
    return { mean: stats.channels[0]!.mean, min: stats.channels[0]!.min, reencoded: built.reencoded, list: execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }) };
  }

  it('a min-is-black G4 TIFF (sharp’s default) still shows black ink on white (BlackIs1)', async () => {
    const r = await renderTiff((s) => s.tiff({ compression: 'ccittfax4', bitdepth: 1, tileHeight: 300 }), 'min-is-black');
    expect(r.reencoded).toBeUndefined();
    expect(r.mean).toBeGreaterThan(200);
    expect(r.min).toBeLessThan(50);
  });

  it('a G4 TIFF in several strips is re-encoded once into one strip, and says so', async () => {
    const r = await renderTiff((s) => s.tiff({ compression: 'ccittfax4', bitdepth: 1, miniswhite: true, tileHeight: 64 }), 'strips');
    expect(r.reencoded).toEqual([{ page: 1, reason: expect.stringMatching(/strips: re-encoded as one G4 strip/) }]);
    expect(r.list).toMatch(/ccitt/);
    expect(r.mean).toBeGreaterThan(200);
    expect(r.min).toBeLessThan(50);
  });
});
