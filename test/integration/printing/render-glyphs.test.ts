/**
 * No dropped glyph on the roll: every Vietnamese letter with every tone mark is drawn with its marks, NFD input
 * prints as NFC, and a character no shipped font has becomes a stand-in (as in the PDFs), never a blank.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { printerProfileSchema } from '../../../core/contract/printing';
import type { LaidOutDocument, Op } from '../../../core/domain/forms/layout';
import { loadFonts } from '../../../core/domain/forms/resources';
import type { TicketData } from '../../../core/domain/printing/types';
import { renderFormThermal, renderTicketThermal } from '../../../core/services/printing/render/index';
import { drawRaster } from '../../../core/services/printing/render/raster';
import { sampleContext } from '../forms/fixtures';
import { inkRows } from './render-tools';

const resourcesDir = path.resolve(import.meta.dirname, '../../../resources');
const profile = printerProfileSchema.parse({ nativeText: false, nativeQr: false });

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
/** Each letter with its bare Latin base: every vowel with and without each tone, upper and lower case, and đ. */
const LETTERS: [string, string][] = [
  ...VOWELS.flatMap((v) => [v, ...TONES.map((t) => (v + t).normalize('NFC'))].flatMap((l) => [[l, v.normalize('NFD')[0]!] as [string, string], [l.toUpperCase(), v.normalize('NFD')[0]!.toUpperCase()] as [string, string]])),
  ['đ', 'd'] as [string, string],
  ['Đ', 'D'] as [string, string],
].filter(([l, base]) => l !== base);

const TICKET: TicketData = { number: '1023', service: 'Chứng thực', place: null, issuedAt: '08:00 07/12/2026', ahead: null, waitMinutes: null, qr: null, reprint: null };

describe('glyphs on the thermal raster', () => {
  it(`draws each of the ${LETTERS.length} Vietnamese letters with its marks (not as the bare letter, not blank)`, async () => {
    const fonts = await loadFonts(resourcesDir);
    // 8 cells of 72 dots: every cell starts on a whole dot, so equal shapes give equal dots.
    const perRow = 8;
    const cell = 20;
    const ops: Op[] = [];
    const cells = LETTERS.flatMap(([letter, base]) => [letter, base]);
    cells.forEach((text, i) => ops.push({ kind: 'text', x: (i % perRow) * cell + 4, y: Math.floor(i / perRow) * cell + 15, text, font: 'regular', size: 12 }));
    const rows = Math.ceil(cells.length / perRow);
    const doc: LaidOutDocument = { width: perRow * cell, pages: [{ height: rows * cell, ops }] };
    const dots = 576;
    const s = dots / (perRow * cell);
    const r = await drawRaster(doc, fonts, { left: 0, width: perRow * cell, dots });
    /** The dots of cell i, as a string of 0/1 (same size for every cell of a column). */
    const cellDots = (i: number): string => {
      const side = Math.round(cell * s);
      const x0 = (i % perRow) * side;
      const y0 = Math.floor(i / perRow) * side;
      const [x1, h] = [x0 + side, side];
      let out = '';
      for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x1; x++) out += r.bits[y * (dots / 8) + (x >> 3)]! & (0x80 >> (x & 7)) ? '1' : '0';
      return out;
    };
    const differ = (a: string, b: string): number => [...a].reduce((n, c, k) => n + (c === b[k] ? 0 : 1), 0);
    // The marks must change at least a dozen dots against the bare letter, and the letter must have ink of its own.
    const missing = LETTERS.filter((_, k) => {
      const letter = cellDots(2 * k);
      const base = cellDots(2 * k + 1);
      return !letter.includes('1') || differ(letter, base) < 12;
    }).map(([l]) => l);
    expect(missing).toEqual([]);
  });

  it('prints decomposed (NFD) text exactly as the composed (NFC) text', async () => {
    const service = 'Đăng ký khai sinh, kết hôn — thủ tục liên thông ở phường Bến Thành';
    const nfc = await renderTicketThermal({ ...TICKET, service: service.normalize('NFC') }, profile, resourcesDir);
    const nfd = await renderTicketThermal({ ...TICKET, service: service.normalize('NFD') }, profile, resourcesDir);
    expect(Buffer.from(nfd.preview.bits).equals(Buffer.from(nfc.preview.bits))).toBe(true);
  });

  it('a character no font has prints as its stand-in, not a blank: ticket and form', async () => {
    const render = async (service: string) => (await renderTicketThermal({ ...TICKET, service }, profile, resourcesDir)).preview;
    const [cjk, question, blank] = await Promise.all([render('Phí 漢 ₫'), render('Phí ? đ'), render('Phí    ')]);
    expect(Buffer.from(cjk.bits).equals(Buffer.from(question.bits))).toBe(true);
    expect(inkRows(cjk)).toBeGreaterThan(inkRows(blank));

    const form = async (fullName: string) =>
      (await renderFormThermal('receipt', sampleContext({ applicant: { ...sampleContext().applicant, fullName } }), profile, { resourcesDir })).preview;
    const [odd, standIn] = await Promise.all([form('Nguyễn 漢 Nhung'), form('Nguyễn ? Nhung')]);
    expect(Buffer.from(odd.bits).equals(Buffer.from(standIn.bits))).toBe(true);
  });

  it('a strip longer than one drawing window (a long handover list) loses no row at the seams', async () => {
    const fonts = await loadFonts(resourcesDir);
    const width = 200;
    const dots = 576;
    const s = dots / width;
    const height = 40_000 / s; // 40 000 rows: three windows
    const seam = 16_000 / s;
    const ops: Op[] = [
      // A vertical rule down the whole strip, and a word drawn across the first seam.
      { kind: 'line', x1: 10, y1: 0, x2: 10, y2: height, width: 2, dashed: false },
      { kind: 'text', x: 40, y: seam + 4, text: 'Giấy tờ', font: 'bold', size: 14 },
    ];
    const r = await drawRaster({ width, pages: [{ height, ops }] }, fonts, { left: 0, width, dots });
    expect(r.height).toBe(40_000);
    const column = Math.round(10 * s);
    const rowBytes = dots / 8;
    const gaps = [];
    for (let y = 0; y < r.height; y++) if (!(r.bits[y * rowBytes + (column >> 3)]! & (0x80 >> (column & 7)))) gaps.push(y);
    expect(gaps).toEqual([]);
    // The word has ink on both sides of the seam.
    expect(inkRows(r, 16_000 - 20, 16_000)).toBeGreaterThan(inkRows(r, 0, 20) + 50);
    expect(inkRows(r, 16_000, 16_000 + 8)).toBeGreaterThan(inkRows(r, 0, 8) + 10);
  });
});
