/**
 * Render once, print anywhere: thermal rasters of forms and tickets read back with the reference tools — native
 * tesseract (vie) on a few cropped rows, zbarimg for the QR — and the PDFs with pdftotext (the reprint mark).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printerProfileSchema } from '../../../core/contract/printing';
import { MM, pageFrame } from '../../../core/domain/forms/layout';
import { prepareForm } from '../../../core/domain/forms/prepare';
import type { TicketData } from '../../../core/domain/printing/types';
import {
  rasterToPng,
  renderFormPdf,
  renderFormThermal,
  renderTestPage,
  renderTicketPdf,
  renderTicketThermal,
  type ThermalRender,
} from '../../../core/services/printing/render/index';
import { requireTools } from '../../helpers/tools';
import { APPLICANT_NAME, DOSSIER_CODE, sampleContext } from '../forms/fixtures';
import { inkRows, ocrRows, readRasterQr } from './render-tools';

const run = promisify(execFile);
const tools = requireTools('tesseract', 'zbarimg', 'pdftotext');
const resourcesDir = path.resolve(import.meta.dirname, '../../../resources');
const profile = (o: Record<string, unknown> = {}) => printerProfileSchema.parse(o);
const REPRINT_AT = '2026-03-05T10:02';
const context = sampleContext();
const LOOKUP = `${context.lookupUrl}?code=${encodeURIComponent(DOSSIER_CODE)}`;

const TICKET: TicketData = {
  number: 'A023',
  service: 'Đăng ký thành lập hộ kinh doanh',
  place: 'Trung tâm Phục vụ hành chính công xã Gia Lâm',
  issuedAt: '09:41 05/03/2026',
  ahead: 7,
  waitMinutes: 25,
  qr: 'https://hangdoi.example.vn/t/A023',
  reprint: null,
};

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'motcua-render-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function pdfText(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']);
  return stdout.normalize('NFC').replace(/\s+/g, ' ');
}

/** Rows of a text op of the roll layout whose text contains `needle` (its baseline, in dots). */
async function baselineRow(needle: string, paper: 80 | 58): Promise<number> {
  const layout = paper === 58 ? '58mm' : '80mm';
  const { laidOut } = await prepareForm('receipt', context, { layout, resourcesDir });
  const f = pageFrame(layout);
  const s = (paper === 58 ? 384 : 576) / (f.width - f.margin.left - f.margin.right);
  const op = laidOut.pages[0]!.ops.find((o) => o.kind === 'text' && o.text.includes(needle));
  if (!op || op.kind !== 'text') throw new Error(`no text op with ${needle}`);
  return Math.round(op.y * s);
}

/** Rows of the native band that sits between raster pieces i-1 and i+1 (pieces[i] native). */
function bandRows(r: ThermalRender, i: number): [number, number] {
  let row = 0;
  for (let k = 0; k < i; k++) {
    const p = r.pieces[k]!;
    if (p.kind === 'raster') row += p.raster.height;
    else throw new Error('bandRows: expects raster pieces before');
  }
  const after = r.pieces.slice(i + 1).reduce((h, p) => h + (p.kind === 'raster' ? p.raster.height : Number.NaN), 0);
  return [row, r.preview.height - after];
}

describe('thermal raster dimensions', () => {
  it('a form is exactly the dots per line wide: 576 on 80 mm, 384 on 58 mm; all raster, preview = the raster', async () => {
    const wide = await renderFormThermal('receipt', context, profile(), { resourcesDir });
    const narrow = await renderFormThermal('receipt', context, profile({ paperWidthMm: 58 }), { resourcesDir });
    for (const [r, dots] of [
      [wide, 576],
      [narrow, 384],
    ] as const) {
      expect(r.preview.width).toBe(dots);
      expect(r.preview.width % 8).toBe(0);
      expect(r.preview.bits.length).toBe((dots / 8) * r.preview.height);
      expect(r.pieces).toEqual([{ kind: 'raster', raster: r.preview }]);
    }
    // The narrow roll wraps more lines: a longer strip.
    expect(narrow.preview.height).toBeGreaterThan(wide.preview.height);
  });

  it('a ticket and a test page are the dots per line wide on both rolls', async () => {
    for (const paperWidthMm of [80, 58] as const) {
      const dots = paperWidthMm === 80 ? 576 : 384;
      const t = await renderTicketThermal(TICKET, profile({ paperWidthMm }), resourcesDir);
      const p = await renderTestPage(profile({ paperWidthMm }), resourcesDir, 'escpos+tcp://127.0.0.1:9100');
      for (const r of [t, p]) {
        expect(r.preview.width).toBe(dots);
        for (const piece of r.pieces) if (piece.kind === 'raster') expect(piece.raster.width).toBe(dots);
      }
    }
  });

  it('the test page ruler runs across every dot of the line, first to last', async () => {
    for (const paperWidthMm of [80, 58] as const) {
      const r = (await renderTestPage(profile({ paperWidthMm }), resourcesDir, 'pdf:/tmp/x')).preview;
      const rowBytes = r.width / 8;
      // Some row is black from dot 0 to the last dot: the ruler's base line.
      let full = false;
      for (let y = 0; y < r.height && !full; y++) full = r.bits.subarray(y * rowBytes, (y + 1) * rowBytes).every((b) => b === 0xff);
      expect(full).toBe(true);
    }
  });

  it('rasterToPng gives a PNG of the same size, black where the raster is', async () => {
    const { preview } = await renderTicketThermal(TICKET, profile(), resourcesDir);
    const png = await rasterToPng(preview);
    const { data, info } = await sharp(png).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([preview.width, preview.height]);
    let black = 0;
    for (let i = 0; i < data.length; i++) if (data[i]! < 128) black++;
    expect(black).toBe(inkRows(preview));
    expect(black).toBeGreaterThan(1000);
  });
});

describe('native pieces follow the profile', () => {
  it('the number is printer text and the QR a printer QR exactly when the profile says so; the preview is always whole', async () => {
    const previews: Uint8Array[] = [];
    for (const nativeText of [true, false]) {
      for (const nativeQr of [true, false]) {
        const r = await renderTicketThermal(TICKET, profile({ nativeText, nativeQr }), resourcesDir);
        const kinds = r.pieces.map((p) => p.kind);
        expect(kinds.filter((k) => k === 'text')).toHaveLength(nativeText ? 1 : 0);
        expect(kinds.filter((k) => k === 'qr')).toHaveLength(nativeQr ? 1 : 0);
        expect(r.pieces.find((p) => p.kind === 'text')).toEqual(nativeText ? { kind: 'text', text: 'A023', magnify: expect.any(Number) } : undefined);
        const qr = r.pieces.find((p) => p.kind === 'qr');
        if (nativeQr) expect(qr).toMatchObject({ kind: 'qr', payload: TICKET.qr });
        // Number before QR, raster around them, never two rasters in a row.
        expect(kinds.indexOf('text')).toBeLessThan(nativeQr ? kinds.indexOf('qr') : Number.POSITIVE_INFINITY);
        for (let i = 1; i < kinds.length; i++) expect(kinds[i] === 'raster' && kinds[i - 1] === 'raster').toBe(false);
        // Raster pieces are the preview's rows with the native bands left out.
        const rasterRows = r.pieces.reduce((h, p) => h + (p.kind === 'raster' ? p.raster.height : 0), 0);
        if (!nativeText && !nativeQr) expect(rasterRows).toBe(r.preview.height);
        else expect(rasterRows).toBeLessThan(r.preview.height);
        previews.push(r.preview.bits);
      }
    }
    // The preview does not depend on who draws what: the screen shows what the paper gets.
    for (const p of previews) expect(Buffer.from(p).equals(Buffer.from(previews[0]!))).toBe(true);
  });

  it('no QR piece for a ticket without a QR; a test page QR is native only with nativeQr', async () => {
    const r = await renderTicketThermal({ ...TICKET, qr: null }, profile(), resourcesDir);
    expect(r.pieces.map((p) => p.kind)).toEqual(['raster', 'text', 'raster']);
    const native = await renderTestPage(profile({ nativeQr: true }), resourcesDir, 'escpos+tcp://127.0.0.1:9100');
    expect(native.pieces.map((p) => p.kind)).toEqual(['raster', 'qr', 'raster']);
    const drawn = await renderTestPage(profile({ nativeQr: false }), resourcesDir, 'escpos+tcp://127.0.0.1:9100');
    expect(drawn.pieces.map((p) => p.kind)).toEqual(['raster']);
  });
});

describe.skipIf(tools.skip)('rasters read back (tesseract vie, zbarimg)', () => {
  it('a receipt on 80 mm: OCR of a few rows gives the dossier code and the Vietnamese applicant name; the QR scans', async () => {
    const r = await renderFormThermal('receipt', context, profile(), { resourcesDir });
    const from = (await baselineRow(DOSSIER_CODE, 80)) - 40;
    const to = (await baselineRow(APPLICANT_NAME, 80)) + 16;
    expect(to - from).toBeLessThan(400);
    const text = await ocrRows(dir, 'receipt-80', r.preview, from, to);
    expect(text).toContain(DOSSIER_CODE);
    expect(text).toContain(APPLICANT_NAME.normalize('NFC'));
    expect(await readRasterQr(dir, 'receipt-80-qr', r.preview)).toEqual([LOOKUP]);
  });

  it('a receipt on 58 mm: the code and the name still read back, the QR still scans', async () => {
    const r = await renderFormThermal('receipt', context, profile({ paperWidthMm: 58 }), { resourcesDir });
    const from = (await baselineRow(DOSSIER_CODE, 58)) - 40;
    const to = (await baselineRow('Tiếp nhận hồ sơ của', 58)) + 50;
    const text = await ocrRows(dir, 'receipt-58', r.preview, from, to);
    expect(text).toContain(DOSSIER_CODE);
    expect(text).toContain('Nguyễn Thị');
    expect(await readRasterQr(dir, 'receipt-58-qr', r.preview)).toEqual([LOOKUP]);
  });

  it('a ticket: the number band OCRs to the number, the rows under it to the service; the drawn QR scans to the payload', async () => {
    const r = await renderTicketThermal(TICKET, profile({ nativeText: true, nativeQr: false }), resourcesDir);
    const i = r.pieces.findIndex((p) => p.kind === 'text');
    const [top, bottom] = bandRows(r, i);
    const number = await ocrRows(dir, 'ticket-number', r.preview, top, bottom, { scale: 0.5, psm: 7 });
    expect(number.replace(/\s/g, '')).toBe('A023');
    const service = await ocrRows(dir, 'ticket-service', r.preview, bottom, bottom + 70);
    expect(service).toContain('Đăng ký thành lập hộ kinh doanh');
    expect(await readRasterQr(dir, 'ticket-qr', r.preview)).toEqual([TICKET.qr]);
    // The raster sent to the printer without the native QR carries the drawn QR.
    const only = r.pieces.filter((p) => p.kind === 'raster').at(-1)!;
    expect(only.kind === 'raster' && (await readRasterQr(dir, 'ticket-qr-piece', only.raster))).toEqual([TICKET.qr]);
  });

  it('the reprint mark reads at the top of a reprinted receipt and ticket raster, and only there', async () => {
    const form = await renderFormThermal('receipt', context, profile(), { resourcesDir, reprint: { at: REPRINT_AT } });
    const first = await renderFormThermal('receipt', context, profile(), { resourcesDir });
    const top = await ocrRows(dir, 'reprint-form', form.preview, 0, 100);
    expect(top).toContain('BẢN IN LẠI');
    expect(top).toContain('10:02 05/03/2026');
    expect(top).toContain('REPRINT');
    expect(await ocrRows(dir, 'first-form', first.preview, 0, 100)).not.toContain('IN LẠI');
    const ticket = await renderTicketThermal({ ...TICKET, reprint: { at: '2026-03-05T03:02:00Z' } }, profile(), resourcesDir);
    const ticketTop = await ocrRows(dir, 'reprint-ticket', ticket.preview, 0, 100);
    // An instant is printed in Vietnam time (UTC+7).
    expect(ticketTop).toContain('BẢN IN LẠI — 10:02 05/03/2026');
  });

  it('the reprint mark is in the PDFs: A4 (every page, same page count), 80 mm, and the ticket PDF', async () => {
    const a4 = await pdfText('reprint-a4.pdf', await renderFormPdf('receipt', context, 'a4', { resourcesDir, reprint: { at: REPRINT_AT } }));
    expect(a4).toContain('BẢN IN LẠI — 10:02 05/03/2026');
    expect(a4).toContain('REPRINT');
    expect(a4).toContain(DOSSIER_CODE);
    const plain = await pdfText('first-a4.pdf', await renderFormPdf('receipt', context, 'a4', { resourcesDir }));
    expect(plain).not.toContain('BẢN IN LẠI');
    expect(plain).not.toContain('REPRINT');
    const roll = await pdfText('reprint-80.pdf', await renderFormPdf('receipt', context, '80mm', { resourcesDir, reprint: { at: REPRINT_AT } }));
    expect(roll).toContain('BẢN IN LẠI — 10:02 05/03/2026');
    const ticket = await pdfText('ticket.pdf', await renderTicketPdf({ ...TICKET, reprint: { at: REPRINT_AT } }, resourcesDir));
    expect(ticket).toContain('BẢN IN LẠI — 10:02 05/03/2026');
    expect(ticket).toContain('A023');
    expect(ticket).toContain('Số người đang chờ trước bạn: 7');
    expect(ticket).toContain('Thời gian chờ dự kiến: khoảng 25 phút');
    expect(ticket).toContain('Quét mã để theo dõi lượt của bạn');
  });

  it('the test page: the tone-mark line reads back, its QR scans', async () => {
    const r = await renderTestPage(profile({ nativeQr: false }), resourcesDir, 'escpos+tcp://127.0.0.1:9100');
    const text = await ocrRows(dir, 'test-page', r.preview, 0, Math.round(28 * MM * (576 / (72 * MM))));
    expect(text).toContain('Tiếng Việt');
    expect(text).toContain('Những đứa trẻ vượt qua cánh đồng lúa');
    expect(await readRasterQr(dir, 'test-page-qr', r.preview)).toEqual(['MOTCUA-TEST 80MM']);
  });
});
