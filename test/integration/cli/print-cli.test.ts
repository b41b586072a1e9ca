/**
 * `motcua print` end to end (issue #16), as a user runs it (the real bin, a child process) on a data folder with a
 * received dossier:
 *  - a ticket to a loopback ESC/POS printer on 127.0.0.1: the bytes it captured decode (test/helpers/escpos-printer.ts,
 *    written from the ESC/POS reference, not from our encoder) to ESC @, raster images whose pixels native tesseract
 *    reads back to the service's Vietnamese name and the number (or the number as the printer's own text), the QR
 *    payload (native, or a raster zbarimg reads), and the cut;
 *  - the dossier's receipt on the 80 mm roll: its raster reads back to the dossier code and the Vietnamese heading;
 *  - the same receipt to the virtual PDF printer (pdf:<dir>) and to CUPS (system:<cups-pdf queue>, where the machine
 *    allows it), read back with pdftotext;
 *  - a PDF to the virtual PDF printer, and refused (exit 2) by a thermal printer;
 *  - a printer answering garbage to the status query: exit 3, nothing printed, PRINTER_STATUS_GARBLED;
 *  - a printer nobody answers: exit 3, the job is kept and `motcua print queue --json` lists it;
 *  - a printer that takes half the job and hangs up: exit 3 with the clerk's question, never resent.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../core/app';
import { printJobSchema, type PrintJob } from '../../../core/contract/printing';
import { motcua as runMotcua } from '../../helpers/cli';
import { call, TEST_HASH_COST } from '../../helpers/core';
import { ensureCupsQueue } from '../../helpers/cups';
import { closedPort, decodeEscpos, startEscposPrinter, type DecodedEscpos, type DecodedItem } from '../../helpers/escpos-printer';
import { NGUYEN_THI_HUYNH, personInput } from '../../helpers/people';
import { tempDir } from '../../helpers/temp';
import { requireTools } from '../../helpers/tools';
import { MARITAL, WARD } from '../scanning/scan-harness';

const run = promisify(execFile);
const TOOLS = requireTools('tesseract', 'zbarimg', 'pdftotext');
const SERVICE = 'Cấp giấy phép xây dựng';
/** A name no other test uses: the receipt that CUPS wrote is told apart by it. */
const APPLICANT = { ...NGUYEN_THI_HUYNH, fullName: 'Đoàn Thị Bích Phượng' };

let data: ReturnType<typeof tempDir>;
let code: string;
const motcua = (args: string[]) => runMotcua(data.dir, args);

beforeAll(async () => {
  data = tempDir('motcua-print-cli-');
  const core = await createCore({ dataDir: data.dir, logLevel: 'warn', authPolicy: { hashCost: TEST_HASH_COST } });
  try {
    const c = core.openConnection('cli', 'setup', { name: 'setup', role: 'admin' });
    const v = await call(core, c, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(APPLICANT) });
    code = v.code ?? '';
  } finally {
    await core.close();
  }
});
afterAll(() => data.cleanup());

function job(stdout: string): PrintJob {
  return printJobSchema.parse(JSON.parse(stdout));
}

/** Lower case, NFC, white space collapsed: what OCR and pdftotext are compared on. */
function plain(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Native tesseract on one PNG (a crop), Vietnamese, one block of text. */
async function ocr(png: Buffer, name: string, psm = 6): Promise<string> {
  const file = path.join(data.dir, `${name}.png`);
  writeFileSync(file, png);
  const { stdout } = await run('tesseract', [file, 'stdout', '-l', 'vie', '--psm', String(psm)], { env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
  return plain(stdout);
}

async function zbar(png: Buffer, name: string): Promise<string[]> {
  const file = path.join(data.dir, `${name}.png`);
  writeFileSync(file, png);
  try {
    const { stdout } = await run('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', file]);
    return stdout.split('\n').filter((l) => l.trim() !== '');
  } catch {
    return []; // zbarimg exits 4 when it finds no symbol
  }
}

type RasterItem = Extract<DecodedItem, { kind: 'raster' }>;
const rasters = (d: DecodedEscpos): RasterItem[] => d.items.filter((i): i is RasterItem => i.kind === 'raster');

/**
 * A raster padded with white (tesseract and zbar want a quiet zone) and scaled: 2× for the body text at thermal dots,
 * ½ for a ticket number drawn as raster (tesseract misreads glyphs 120 dots tall; at 60 it reads them).
 */
async function forReading(r: RasterItem, o: { top?: number; height?: number; scale?: number } = {}): Promise<Buffer> {
  const top = o.top ?? 0;
  const height = Math.min(o.height ?? r.height, r.height - top);
  const scale = o.scale ?? 2;
  return sharp(r.png)
    .extract({ left: 0, top, width: r.width, height })
    .extend({ top: 24, bottom: 24, left: 24, right: 24, background: '#ffffff' })
    .resize({ width: Math.round((r.width + 48) * scale), kernel: scale >= 1 ? 'nearest' : 'lanczos3' })
    .png()
    .toBuffer();
}

/**
 * The text of a PDF that was not in `dir` before and holds `marker`, once its size stops changing (cups-pdf writes it
 * after lp returns; other tests may print to the same folder meanwhile, and cups-pdf cuts Vietnamese titles short).
 */
async function newPdfText(dir: string, before: ReadonlySet<string>, marker: string, timeoutMs = 30_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  const sizes = new Map<string, number>();
  while (Date.now() < until) {
    for (const name of existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.pdf') && !before.has(n)) : []) {
      const size = statSync(path.join(dir, name)).size;
      if (size > 0 && sizes.get(name) === size) {
        const text = plain((await run('pdftotext', ['-raw', '-enc', 'UTF-8', path.join(dir, name), '-'])).stdout);
        if (text.includes(plain(marker))) return text;
        before = new Set([...before, name]);
      }
      sizes.set(name, size);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no new PDF with "${marker}" in ${dir} within ${timeoutMs} ms`);
}

/**
 * A decoded ticket: ESC @, one job cut at its end, nothing malformed, rasters `width` dots wide whose pixels OCR back to
 * the service (and the number when it is not the printer's own text), the QR payload (the printer's own, or read from
 * the raster by zbarimg) carrying the number.
 */
async function checkTicket(d: DecodedEscpos, number: string, width: number): Promise<DecodedEscpos> {
  expect(d.errors).toEqual([]);
  expect(d.truncated).toBe(false);
  expect(d.initialised).toBe(true);
  expect(d.completeJobs).toBe(1);
  expect(d.items.at(-1)).toMatchObject({ kind: 'cut' });
  const images = rasters(d);
  expect(images.length).toBeGreaterThan(0);
  expect(Math.max(...images.map((i) => i.width))).toBe(width);
  // Everything Vietnamese is raster: one OCR per raster item (a few bands, each a crop of the ticket).
  const text = (await Promise.all(images.map((i, k) => forReading(i).then((png) => ocr(png, `ticket-${number}-${k}`))))).join(' ');
  expect(text).toContain(plain(SERVICE));
  const numberAsText = d.items.find((i): i is Extract<DecodedItem, { kind: 'text' }> => i.kind === 'text' && i.text.includes(number));
  if (numberAsText) expect(numberAsText.magnify).toBeGreaterThan(1);
  else {
    const large = (await Promise.all(images.map((i, k) => forReading(i, { scale: 0.5 }).then((png) => ocr(png, `ticket-number-${number}-${k}`, 3))))).join(' ');
    expect(large.replace(/\s/g, '')).toContain(number);
  }
  const nativeQr = d.items.find((i): i is Extract<DecodedItem, { kind: 'qr' }> => i.kind === 'qr');
  const payloads = nativeQr ? [nativeQr.payload] : (await Promise.all(images.map((i, k) => forReading(i, { scale: 3 }).then((png) => zbar(png, `ticket-qr-${number}-${k}`))))).flat();
  expect(payloads).toEqual([number]);
  return d;
}

describe.skipIf(TOOLS.skip)('motcua print', () => {
  it('a ticket to an ESC/POS printer: ESC @, the service and number read back, the QR, the cut; exit 0', async () => {
    const printer = await startEscposPrinter({ status: 'online' });
    const r = await motcua(['print', '--printer', printer.uri, '--ticket', '1023', '--service', SERVICE, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(job(r.stdout)).toMatchObject({ kind: 'ticket', state: 'printed', ticketNumber: '1023', reprint: false });
    await printer.settle();
    // The default profile: the number and the QR are the printer's own; the Vietnamese is raster.
    const d = await checkTicket(await decodeEscpos(printer.printed()), '1023', 576);
    expect(d.items.some((i) => i.kind === 'text')).toBe(true);
    expect(d.items.some((i) => i.kind === 'qr')).toBe(true);
  }, 120_000);

  it("a ticket to a counter's 58 mm printer set up without native text or QR: all raster, read back by tesseract and zbarimg", async () => {
    const printer = await startEscposPrinter({ status: 'online' });
    // The counter's settings, as Settings → Printers stores them: the CLI's print to that URI takes its profile.
    const core = await createCore({ dataDir: data.dir, logLevel: 'warn', authPolicy: { hashCost: TEST_HASH_COST } });
    try {
      const c = core.openConnection('cli', 'setup', { name: 'setup', role: 'admin' });
      const profile = { paperWidthMm: 58 as const, nativeText: false, nativeQr: false };
      await call(core, c, 'printing.configure', { receipt: null, ticket: { uri: printer.uri, profile }, a4: null, receiptCopies: 1 });
    } finally {
      await core.close();
    }
    const r = await motcua(['print', '--printer', printer.uri, '--ticket', '1024', '--service', SERVICE]);
    expect(r.code, r.stderr).toBe(0);
    await printer.settle();
    const d = await checkTicket(await decodeEscpos(printer.printed()), '1024', 384);
    expect(d.items.filter((i) => i.kind === 'text' || i.kind === 'qr')).toEqual([]);
  }, 120_000);

  it('the receipt on the 80 mm roll reads back to the dossier code and its Vietnamese heading', async () => {
    const printer = await startEscposPrinter({ status: 'online' });
    const r = await motcua(['print', '--printer', printer.uri, '--form', 'receipt', '--dossier', code, '--layout', '80mm']);
    expect(r.code, r.stderr).toBe(0);
    // One Vietnamese line on stdout, naming the job.
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toMatch(/^Đã in: /);
    await printer.settle();
    const d = await decodeEscpos(printer.printed());
    expect(d.errors).toEqual([]);
    expect(d.initialised).toBe(true);
    expect(d.completeJobs).toBe(1);
    const images = rasters(d);
    expect(images.length).toBeGreaterThan(0);
    expect(Math.max(...images.map((i) => i.width))).toBe(576);
    // The heading and the code are in the top part of the receipt: one OCR of that crop.
    const first = images[0]!;
    const text = await ocr(await forReading(first, { height: 900 }), 'receipt-top');
    expect(text).toContain('giấy tiếp nhận hồ sơ');
    expect(text.replace(/\s/g, '')).toContain(plain(code).replace(/\s/g, ''));
  }, 120_000);

  it('the receipt to the virtual PDF printer (pdf:<dir>) reads back with pdftotext', async () => {
    const out = path.join(data.dir, 'may-in-pdf');
    mkdirSync(out, { recursive: true });
    const r = await motcua(['print', '--printer', `pdf:${out}`, '--form', 'receipt', '--dossier', code, '--layout', '80mm', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(job(r.stdout)).toMatchObject({ kind: 'form', form: 'receipt', dossierCode: code, state: 'printed' });
    const pdfs = readdirSync(out).filter((f) => f.endsWith('.pdf'));
    expect(pdfs).toHaveLength(1);
    const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', path.join(out, pdfs[0]!), '-']);
    const text = plain(stdout);
    expect(text).toContain('giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    expect(text).toContain(plain(code));
    expect(text).toContain(plain(APPLICANT.fullName));
  }, 120_000);

  it('the receipt through CUPS to a cups-pdf queue (system:<queue>) reads back with pdftotext', async (ctx) => {
    const cups = await ensureCupsQueue();
    if (cups.skip) ctx.skip();
    // The PDFs cups-pdf writes go to one folder per user: the new one with this test's applicant is ours.
    const before = new Set(existsSync(cups.outDir) ? readdirSync(cups.outDir) : []);
    const r = await motcua(['print', '--printer', `system:${cups.queue}`, '--form', 'receipt', '--dossier', code, '--layout', 'a4', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(job(r.stdout)).toMatchObject({ kind: 'form', form: 'receipt', state: 'printed', printerUri: `system:${cups.queue}` });
    const text = await newPdfText(cups.outDir, before, APPLICANT.fullName);
    expect(text).toContain('giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    expect(text).toContain(plain(code));
  }, 120_000);

  it('a PDF to the virtual PDF printer: the same document in the folder; to a thermal printer: exit 2, nothing sent', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]).drawText('To khai MOTCUA-PDF-2026', { x: 50, y: 780, size: 18, font: await doc.embedFont(StandardFonts.Helvetica) });
    const file = path.join(data.dir, 'to-khai.pdf');
    writeFileSync(file, await doc.save());
    const out = path.join(data.dir, 'may-in-pdf-2');
    mkdirSync(out, { recursive: true });
    const r = await motcua(['print', '--printer', `pdf:${out}`, '--pdf', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(job(r.stdout)).toMatchObject({ kind: 'pdf', state: 'printed', title: 'to-khai.pdf' });
    const pdfs = readdirSync(out).filter((f) => f.endsWith('.pdf'));
    expect(pdfs).toHaveLength(1);
    const { stdout } = await run('pdftotext', ['-raw', path.join(out, pdfs[0]!), '-']);
    expect(stdout).toContain('To khai MOTCUA-PDF-2026');

    const printer = await startEscposPrinter({ status: 'online' });
    const thermal = await motcua(['print', '--printer', printer.uri, '--pdf', file, '--json']);
    expect(thermal.code, thermal.stderr).toBe(2);
    expect(thermal.stdout).toBe('');
    expect(thermal.stderr).toMatch(/^Lỗi \[PRINT_NOT_FOR_PRINTER\]: /m);
    expect(printer.connections).toHaveLength(0);
  }, 120_000);

  it('a printer that answers garbage to a status query: exit 3, nothing printed, the reason with its code', async () => {
    const printer = await startEscposPrinter({ status: 'garbage' });
    const r = await motcua(['print', '--printer', printer.uri, '--ticket', 'B007', '--json']);
    expect(r.code, r.stderr).toBe(3);
    const j = job(r.stdout);
    expect(j).toMatchObject({ state: 'queued', ticketNumber: 'B007', error: { code: 'PRINTER_STATUS_GARBLED' } });
    expect(r.stderr).toContain(j.error!.message);
    await printer.settle();
    expect(printer.connections.some((c) => c.received.includes(Buffer.from([0x1b, 0x40])))).toBe(false);
  }, 120_000);

  it('a printer nobody answers: exit 3, the job is kept, `print queue --json` lists it', async () => {
    const uri = `escpos+tcp://127.0.0.1:${await closedPort()}`;
    const r = await motcua(['print', '--printer', uri, '--ticket', 'A024', '--json']);
    expect(r.code, r.stderr).toBe(3);
    const j = job(r.stdout);
    expect(j).toMatchObject({ kind: 'ticket', state: 'queued', ticketNumber: 'A024' });
    expect(j.error).not.toBeNull();
    expect(r.stderr).toMatch(new RegExp(`^Lỗi \\[${j.error!.code}\\]: Chưa in lệnh in số ${j.seq} \\(Phiếu số A024\\) trên máy in .*: .*motcua print queue\\.$`, 'm'));
    const q = await motcua(['print', 'queue', '--json']);
    expect(q.code, q.stderr).toBe(0);
    const waiting = (JSON.parse(q.stdout) as unknown[]).map((x) => printJobSchema.parse(x));
    expect(waiting.map((w) => w.id)).toContain(j.id);
    expect(waiting.find((w) => w.id === j.id)).toMatchObject({ state: 'queued', printerUri: j.printerUri });
    // The human form says the same in Vietnamese.
    const human = await motcua(['print', 'queue']);
    expect(human.stdout).toMatch(new RegExp(`#${j.seq}\\tđang chờ\\t`));
  }, 120_000);

  it('two motcua print processes on one printer at once: each waits for the line and exits 0; two complete jobs printed', async () => {
    const printer = await startEscposPrinter({ status: 'online' });
    const [receipt, ticket] = await Promise.all([
      motcua(['print', '--printer', printer.uri, '--form', 'receipt', '--dossier', code, '--layout', '80mm']),
      motcua(['print', '--printer', printer.uri, '--ticket', '302']),
    ]);
    expect([receipt.code, ticket.code], receipt.stderr + ticket.stderr).toEqual([0, 0]);
    expect(ticket.stdout).toMatch(/^Đã in: Phiếu số 302/);
    await printer.settle();
    let complete = 0;
    for (const conn of printer.connections) complete += (await decodeEscpos(conn.printed)).completeJobs;
    expect(complete).toBe(2);
    const q = await motcua(['print', 'queue', '--json']);
    expect((JSON.parse(q.stdout) as { ticketNumber: string | null }[]).filter((w) => w.ticketNumber === '302')).toEqual([]);
  }, 120_000);

  it('a printer that takes part of the job and hangs up: exit 3, the clerk is asked, nothing sent twice', async () => {
    const printer = await startEscposPrinter({ status: 'online', closeAfterJobBytes: 200 });
    const r = await motcua(['print', '--printer', printer.uri, '--ticket', '1025', '--service', SERVICE]);
    expect(r.code, r.stdout + r.stderr).toBe(3);
    expect(r.stderr).toMatch(/^Lỗi \[PRINTER_[A-Z_]+\]: Chưa rõ lệnh in số \d+ \(Phiếu số 1025\) đã in hay chưa/);
    expect(r.stderr).toMatch(/không tự gửi lại/);
    await printer.settle();
    // One connection carried the job; it was not sent again on a guess.
    const withJob = printer.connections.filter((c) => c.received.includes(Buffer.from([0x1b, 0x40])));
    expect(withJob).toHaveLength(1);
    const q = await motcua(['print', 'queue', '--json']);
    const waiting = (JSON.parse(q.stdout) as { ticketNumber: string | null; state: string }[]).filter((w) => w.ticketNumber === '1025');
    expect(waiting).toEqual([expect.objectContaining({ state: 'uncertain' })]);
  }, 120_000);
});
