/**
 * detectSeparator cost per page on the ~150 dpi grayscale copy the page pipeline hands it: an ordinary A4 text page
 * (the common case, budget 60 ms so separator detection stays a small part of a page's pipeline time), a text page
 * with a foreign QR code, our Patch-T and item sheets; 300 dpi for reference. Pages are PDFs rendered by pdftoppm.
 * Run: npx tsx test/bench/separator-detect.bench.ts  (or through `npm run bench`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { qrSvgPath } from '../../core/domain/forms/qr';
import { loadFonts } from '../../core/domain/forms/resources';
import { detectSeparator, prepareSeparatorReader } from '../../core/services/scanning/separators/detect';
import { separatorSheet } from '../../core/services/scanning/separators/sheet';
import { checkTools } from '../helpers/tools';

export const TEXT_PAGE_BUDGET_MS = 60;

type Gray = { data: Uint8Array; width: number; height: number };

/** A dense A4 page of Vietnamese text (about 45 lines), optionally with a foreign QR code in its corner. */
async function textPagePdf(withQr: boolean): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont((await loadFonts()).regular.bytes, { subset: true });
  const page = pdf.addPage([595.28, 841.89]);
  const line = 'Điều 16. Thủ tục đăng ký khai sinh: người đi đăng ký khai sinh nộp tờ khai theo mẫu quy định và giấy chứng sinh';
  for (let i = 0; i < 46; i++) page.drawText(`${i + 1}. ${line}`.slice(0, 118), { x: 50, y: 790 - i * 16, size: 9.5, font, color: rgb(0, 0, 0) });
  if (withQr) {
    const qr = QRCode.create('https://hoadondientu.gdt.gov.vn/tra-cuu?mst=0101234567&so=0000123', { errorCorrectionLevel: 'M' });
    const { size, data } = qr.modules;
    page.drawSvgPath(qrSvgPath({ size, dark: (r, c) => data[r * size + c] === 1 }), { x: 440, y: 60 + 120, scale: 120 / (size + 8), color: rgb(0, 0, 0), borderWidth: 0 });
  }
  return pdf.save();
}

async function rasterise(dir: string, name: string, pdf: Uint8Array, dpi: number): Promise<Gray[]> {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', file, path.join(dir, `${name}-${dpi}`)]);
  const pngs = readdirSync(dir).filter((f) => f.startsWith(`${name}-${dpi}-`)).sort();
  return Promise.all(
    pngs.map(async (png) => {
      const { data, info } = await sharp(path.join(dir, png)).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
      return { data: new Uint8Array(data), width: info.width, height: info.height };
    }),
  );
}

async function timeIt(page: Gray, rounds: number): Promise<{ median: number; p90: number; found: string }> {
  const found = (await detectSeparator(page))?.text ?? 'none';
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // CPU time of this thread (the reader is synchronous WebAssembly): steadier than wall time on a shared machine.
    const t = process.cpuUsage();
    await detectSeparator(page);
    const d = process.cpuUsage(t);
    times.push((d.user + d.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, p90: times[Math.floor(times.length * 0.9)]!, found };
}

async function main(): Promise<void> {
  const tools = checkTools(['pdftoppm']);
  if (tools.skip) {
    console.log(`separator detection: skipped (${tools.reason})`);
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-sep-bench-'));
  try {
    const t0 = performance.now();
    await prepareSeparatorReader();
    console.log(`reader load (once per worker thread): ${(performance.now() - t0).toFixed(0)} ms`);
    const sheets = await separatorSheet({
      procedure: {
        code: 'BENCH', name: 'Thủ tục thử', field: { code: 'HT', name: 'Hộ tịch' }, agencyCode: 'A', processing: { amount: 1, unit: 'days' },
        fees: { fee: 0, charge: 0 }, channels: ['direct'], resultReturn: ['counter'], active: true,
        checklist: [{ code: 'TP1', name: 'Tờ khai', required: true, acceptedMarks: [3], copies: 1 }],
      } as never,
    });
    const sheetPdf = new Uint8Array(Buffer.from(sheets.dataBase64, 'base64'));
    let over = false;
    for (const dpi of [150, 300]) {
      const rounds = dpi === 150 ? 20 : 6;
      const [text] = await rasterise(dir, 'text', await textPagePdf(false), dpi);
      const [foreign] = await rasterise(dir, 'foreign', await textPagePdf(true), dpi);
      const [patch, item] = await rasterise(dir, 'sheet', sheetPdf, dpi);
      for (const [name, page] of [['A4 text page, no barcode', text], ['A4 text page + foreign QR', foreign], ['Patch-T sheet', patch], ['item sheet (QR)', item]] as const) {
        const r = await timeIt(page!, rounds);
        console.log(`${dpi} dpi ${name.padEnd(28)} CPU median ${r.median.toFixed(1).padStart(6)} ms  p90 ${r.p90.toFixed(1).padStart(6)} ms  found: ${r.found}`);
        if (dpi === 150 && name.startsWith('A4 text page, no') && r.median > TEXT_PAGE_BUDGET_MS) over = true;
      }
    }
    if (over) {
      console.log(`separator detection on a text page is over its ${TEXT_PAGE_BUDGET_MS} ms budget`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
