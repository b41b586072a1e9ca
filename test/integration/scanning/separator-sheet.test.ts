/**
 * The printed separator sheets against real peers: the PDF rendered by poppler (pdftoppm) the way a printer and a
 * scanner would see it, read by zbar (zbarimg) and by our own detectSeparator, straight, skewed and photocopied.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import bwipjs from 'bwip-js/node';
import { PDFDocument } from 'pdf-lib';
import sharp, { type Sharp } from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue, Procedure } from '../../../core/domain/catalogue/schema';
import { itemAfterSeparator, parseSeparatorText } from '../../../core/domain/scanning/separators';
import { findProcedure, separatorSheetHandler } from '../../../core/services/scanning/separators/handlers';
import { detectSeparator } from '../../../core/services/scanning/separators/detect';
import { separatorSheet } from '../../../core/services/scanning/separators/sheet';
import type { CallContext } from '../../../core/rpc/context';
import { call, conn, startCore, withAdmin, type TestCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { requireTools } from '../../helpers/tools';

const tools = requireTools('pdftoppm', 'pdftotext', 'zbarimg');

type Gray = { data: Uint8Array; width: number; height: number };

const sample = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../resources/catalogue/sample.json'), 'utf8')) as Catalogue;
const birth = sample.procedures.find((p) => p.code === '1.001193')!;
// A longest-possible item code with lower case and '_' (what Code 39 could not carry), and a long Vietnamese name.
const LONG_CODE = 'Ban_sao_giay_khai_sinh.cua-nguoi_yeu_cau';
const procedure: Procedure = {
  ...birth,
  checklist: [
    ...birth.checklist,
    {
      code: LONG_CODE,
      name: 'Bản sao giấy khai sinh của người yêu cầu, kèm bản chính để đối chiếu khi nộp trực tiếp tại Bộ phận Một cửa của Ủy ban nhân dân cấp xã',
      required: false,
      acceptedMarks: [2],
      copies: 1,
    },
  ],
};
const itemCodes = procedure.checklist.map((i) => i.code);
/** What each page of the procedure's PDF must read as: Patch-T, then each item, then "other documents". */
const expectedTexts = ['PATCHT', ...itemCodes.map((c) => `MOTCUA-ITEM:${c}`), 'MOTCUA-ITEM:KHAC'];

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function writePdf(name: string, dataBase64: string): string {
  const file = path.join(tmp.dir, name);
  writeFileSync(file, Buffer.from(dataBase64, 'base64'));
  return file;
}

/** pdftoppm renders each page to an 8-bit grayscale PNG at `dpi`; returns them in page order. */
function rasterise(pdf: string, dpi: number): string[] {
  const prefix = path.join(tmp.dir, `${path.basename(pdf, '.pdf')}-${dpi}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', pdf, prefix]);
  const base = path.basename(prefix);
  return readdirSync(tmp.dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png'))
    .sort((a, b) => Number(/-(\d+)\.png$/.exec(a)![1]) - Number(/-(\d+)\.png$/.exec(b)![1]))
    .map((f) => path.join(tmp.dir, f));
}

/** What zbarimg reads on one image, as "TYPE:text" lines (zbarimg exits 4 when it finds nothing). */
function zbar(file: string): string[] {
  try {
    return execFileSync('zbarimg', ['-q', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

async function gray(input: Sharp): Promise<Gray> {
  const { data, info } = await input.extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

const fromRaw = (g: Gray): Sharp => sharp(Buffer.from(g.data), { raw: { width: g.width, height: g.height, channels: 1 } });

/** Tilted on the glass: 2° with white paper around, as a scanner's backing would be. */
async function skewed(g: Gray, degrees: number): Promise<Gray> {
  return gray(fromRaw(g).rotate(degrees, { background: '#ffffff' }));
}

/**
 * A copy of a copy: soft focus, greyed blacks and dirty whites, grain, then the scanner's own JPEG. Noise comes from
 * a fixed seed so the test sees the same page every run.
 */
async function photocopied(g: Gray): Promise<Gray> {
  const soft = await gray(fromRaw(g).blur(1.3).linear(0.72, 38));
  let seed = 12345;
  const data = new Uint8Array(soft.data);
  for (let i = 0; i < data.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const r = seed >>> 24;
    const v = data[i]! + ((r % 61) - 30) + (r === 0 ? -120 : 0);
    data[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  const jpeg = await fromRaw({ ...soft, data }).jpeg({ quality: 45 }).toBuffer();
  return gray(sharp(jpeg));
}

describe.skipIf(tools.skip)('separator sheets read back by zbarimg and detectSeparator', () => {
  let itemsPdf = '';
  let patchPdf = '';
  const pages150: Gray[] = [];

  beforeAll(async () => {
    const withItems = await separatorSheet({ procedure });
    expect(withItems).toMatchObject({ fileName: 'to-phan-cach-1.001193.pdf', mediaType: 'application/pdf' });
    itemsPdf = writePdf(withItems.fileName, withItems.dataBase64);
    const patchOnly = await separatorSheet();
    expect(patchOnly).toMatchObject({ fileName: 'to-phan-cach-patch-t.pdf', mediaType: 'application/pdf' });
    patchPdf = writePdf(patchOnly.fileName, patchOnly.dataBase64);
    for (const png of rasterise(itemsPdf, 150)) pages150.push(await gray(sharp(png)));
  });

  it('prints a Patch-T page, one page per checklist item and one for "other documents", each read by zbarimg', () => {
    const pngs = rasterise(itemsPdf, 150);
    expect(pngs).toHaveLength(expectedTexts.length);
    expect(pngs.map(zbar)).toEqual(expectedTexts.map((text) => [`${text === 'PATCHT' ? 'CODE-39' : 'QR-Code'}:${text}`]));
    expect(rasterise(patchPdf, 150).map(zbar)).toEqual([['CODE-39:PATCHT']]);
  });

  it('says on paper what each sheet is, in Vietnamese and English, with the item names', () => {
    const text = execFileSync('pdftotext', [itemsPdf, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
    expect(text).toContain('TỜ PHÂN CÁCH');
    expect(text).toContain('SEPARATOR SHEET (PATCH-T)');
    expect(text).toContain('Thủ tục 1.001193: Đăng ký khai sinh');
    expect(text).toContain('Tờ khai đăng ký khai sinh (theo mẫu)');
    expect(text).toContain('Giấy tờ khác');
    expect(text).toContain('Other documents');
    expect(text).toContain(`mã ${LONG_CODE}`);
  });

  it('detectSeparator finds every sheet at 150 and 300 dpi, and the batch splits into the checklist', async () => {
    const at150 = await Promise.all(pages150.map((p) => detectSeparator(p)));
    expect(at150.map((m) => m?.text)).toEqual(expectedTexts);
    // 300 dpi (four times the pixels): Patch-T, a short and the longest item code, "other documents".
    const pngs300 = rasterise(itemsPdf, 300);
    for (const i of [0, 1, expectedTexts.length - 2, expectedTexts.length - 1]) {
      expect((await detectSeparator(await gray(sharp(pngs300[i]!))))?.text, `300 dpi page ${i + 1}`).toBe(expectedTexts[i]);
    }
    // The first sheet is Patch-T: from the first item it moves to the second; each item sheet names its item.
    const marks = await Promise.all(pages150.map((p) => detectSeparator(p)));
    expect(itemAfterSeparator(marks[0]!, itemCodes[0]!, itemCodes)).toBe(itemCodes[1]);
    expect(marks.slice(1).map((m) => itemAfterSeparator(m!, itemCodes[0]!, itemCodes))).toEqual([...itemCodes, 'KHAC']);
  });

  it('still finds them on a sheet fed 2° askew (either way) and on a blurred, grainy photocopy', async () => {
    for (const [name, damage] of [
      ['skewed +2°', (g: Gray) => skewed(g, 2)],
      ['skewed -2°', (g: Gray) => skewed(g, -2)],
      ['photocopy', photocopied],
      ['skewed photocopy', async (g: Gray) => photocopied(await skewed(g, 2))],
    ] as const) {
      const marks = [];
      for (const p of pages150) marks.push(await detectSeparator(await damage(p)));
      expect(marks.map((m) => m?.text), name).toEqual(expectedTexts);
    }
  });

  it('a page fed upside down or sideways is still a separator', async () => {
    for (const angle of [90, 180, 270]) {
      const turned = await Promise.all([pages150[0]!, pages150[1]!].map((p) => gray(fromRaw(p).rotate(angle))));
      const marks = await Promise.all(turned.map((p) => detectSeparator(p)));
      expect(marks.map((m) => m?.text), `${angle}°`).toEqual(expectedTexts.slice(0, 2));
    }
  });

  it('an ordinary page whose foreign QR and Code 128 zbarimg reads is not a separator; nor a blank page or garbage', async () => {
    const text = Array.from({ length: 28 }, (_, i) => `<text x="110" y="${140 + i * 34}" font-size="24" font-family="serif">Điều ${i + 1}. Hóa đơn điện tử, mã tra cứu và chữ ký số của người bán ${i}</text>`).join('');
    const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1240" height="1754"><rect width="100%" height="100%" fill="white"/>${text}</svg>`);
    const receiptQr = await bwipjs.toBuffer({ bcid: 'qrcode', text: 'https://hoadondientu.gdt.gov.vn/tra-cuu?mst=0101234567&so=0000123', scale: 6, paddingwidth: 8, paddingheight: 8, backgroundcolor: 'FFFFFF' });
    const cccdQr = await bwipjs.toBuffer({ bcid: 'qrcode', text: '001099012345|123456789|Nguyễn Văn An|01011990|Nam|Số 1 Hàng Bông, Hà Nội|01012021', scale: 5, paddingwidth: 8, paddingheight: 8, backgroundcolor: 'FFFFFF' });
    // A shipping label's Code 128 saying PATCHT: the right text in a symbology we do not print.
    const code128 = await bwipjs.toBuffer({ bcid: 'code128', text: 'PATCHT', scale: 4, height: 18, paddingwidth: 12, paddingheight: 6, backgroundcolor: 'FFFFFF' });
    const file = path.join(tmp.dir, 'ordinary.png');
    await sharp(svg)
      .composite([
        { input: receiptQr, left: 120, top: 1150 },
        { input: cccdQr, left: 720, top: 1150 },
        { input: code128, left: 300, top: 1560 },
      ])
      .grayscale()
      .png()
      .toFile(file);
    // The codes are there and readable…
    const seen = zbar(file);
    expect(seen).toContain('CODE-128:PATCHT');
    expect(seen.filter((s) => s.startsWith('QR-Code:'))).toHaveLength(2);
    // …yet none is ours.
    expect(await detectSeparator(await gray(sharp(file)))).toBeNull();

    expect(await detectSeparator({ data: new Uint8Array(1240 * 1754).fill(255), width: 1240, height: 1754 })).toBeNull();
    const garbage = new Uint8Array(1240 * 1754);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 2654435761) >>> 24;
    expect(await detectSeparator({ data: garbage, width: 1240, height: 1754 })).toBeNull();
    expect(await detectSeparator({ data: garbage.subarray(0, 999), width: 1240, height: 1754 })).toBeNull();
  });

  it('parses what zbarimg reads the same way (another reader\'s names for the symbologies)', () => {
    const [type, ...rest] = zbar(rasterise(patchPdf, 150)[0]!)[0]!.split(':');
    expect(parseSeparatorText(type!, rest.join(':'))).toEqual({ kind: 'patch-t', text: 'PATCHT' });
  });
});

describe('separatorSheetHandler against the real catalogue (SQLite)', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await startCore();
  });
  afterAll(async () => {
    await t?.close();
  });
  const ctx = {} as CallContext;

  it('prints the Patch-T sheet alone, or the sheets of a procedure found by its code', async () => {
    const handler = separatorSheetHandler(t.core.services.catalogue, { resourcesDir: t.core.resourcesDir });
    const patch = await handler({}, ctx);
    expect(patch.fileName).toBe('to-phan-cach-patch-t.pdf');
    expect(Buffer.from(patch.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const sheets = await handler({ procedureCode: birth.code }, ctx);
    expect(sheets.fileName).toBe(`to-phan-cach-${birth.code}.pdf`);
    // Patch-T, each checklist item, "other documents".
    expect((await PDFDocument.load(Buffer.from(sheets.dataBase64, 'base64'))).getPageCount()).toBe(birth.checklist.length + 2);
  });

  it('answers scans.separatorSheet through the dispatcher (contract, access, output check)', async () => {
    const admin = await withAdmin(t.core);
    const out = await call(t.core, admin, 'scans.separatorSheet', { procedureCode: birth.code });
    expect(out).toMatchObject({ fileName: `to-phan-cach-${birth.code}.pdf`, mediaType: 'application/pdf' });
    const r = await t.core.dispatch(admin, 'scans.separatorSheet', { procedureCode: 'KHONG.CO' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CATALOGUE_PROCEDURE_CODE_NOT_FOUND', field: 'procedureCode' } });
    expect(r.ok ? '' : r.error.message).toContain('Danh mục không có thủ tục mã "KHONG.CO"');
    // Nobody logged in: refused before any work.
    expect(await t.core.dispatch(conn(t.core), 'scans.separatorSheet', {})).toMatchObject({ ok: false });
  });

  it('refuses an unknown code, and a code two agencies share unless the agency is named', async () => {
    const catalogue = t.core.services.catalogue;
    expect(() => findProcedure(catalogue, 'KHONG.CO')).toThrow(expect.objectContaining({ code: 'CATALOGUE_PROCEDURE_CODE_NOT_FOUND', field: 'procedureCode' }));
    const [second] = catalogue.agencies().filter((a) => a.code !== birth.agencyCode);
    expect(second).toBeDefined();
    const copy: Procedure = { ...birth, agencyCode: second!.code };
    catalogue.store({ kind: 'system', name: 'test', role: 'admin' }, { ...catalogue.snapshot(), procedures: [...catalogue.snapshot().procedures, copy] }, 'replace');
    expect(() => findProcedure(catalogue, birth.code)).toThrow(expect.objectContaining({ code: 'CATALOGUE_PROCEDURE_CODE_AMBIGUOUS', field: 'agencyCode' }));
    expect(findProcedure(catalogue, birth.code, second!.code).agencyCode).toBe(second!.code);
    expect(findProcedure(catalogue, birth.code, birth.agencyCode).agencyCode).toBe(birth.agencyCode);
    expect(() => findProcedure(catalogue, birth.code, 'KHONG.CO.CQ')).toThrow(expect.objectContaining({ code: 'CATALOGUE_PROCEDURE_CODE_NOT_FOUND' }));
    // Through the handler, the same refusal reaches the caller.
    await expect(separatorSheetHandler(catalogue)({ procedureCode: birth.code }, ctx)).rejects.toMatchObject({ code: 'CATALOGUE_PROCEDURE_CODE_AMBIGUOUS' });
  });
});
