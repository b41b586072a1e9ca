/**
 * A4 through CUPS for real: cupsd (started by test/helpers/cups.ts when needed) with a cups-pdf queue; a PDF sent to
 * system:<queue> comes out of cups-pdf and pdftotext reads its Vietnamese text back. An unknown queue says
 * not_found, a paused one disabled, and the destination listing shows the queue.
 */
import { readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCupsPrinters } from '../../../native/printers/system/cups-discovery';
import { SystemPrinter } from '../../../native/printers/system/system-printer';
import { parsePrinterUri } from '../../../native/printers/printer-uri';
import { PrinterLinkError } from '../../../native/printers/types';
import { cupsAdmin, ensureCupsQueue, findCupsPdf, removeCupsQueue, type CupsSetup } from '../../helpers/cups';
import { pdfText } from '../../helpers/pdf-tools';
import { requireTools } from '../../helpers/tools';
import { REPO } from '../../helpers/temp';

const pdfTools = requireTools('pdftotext');
const queue = `motcua-test-${process.pid}`;
const paused = `${queue}-paused`;
const setup: CupsSetup = await ensureCupsQueue(queue);

async function vietnamesePdf(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(path.join(REPO, 'resources/fonts/DejaVuSerifCondensed.ttf')), { subset: true });
  const page = doc.addPage([595, 842]);
  lines.forEach((text, i) => page.drawText(text, { x: 60, y: 760 - i * 30, size: 16, font }));
  return doc.save();
}

describe.skipIf(setup.skip || pdfTools.skip)(`system printers through CUPS${setup.skip ? ` — skipped: ${setup.reason}` : ''}`, () => {
  const written: string[] = [];
  beforeAll(async () => {
    const extra = await ensureCupsQueue(paused);
    expect(extra.skip).toBe(false);
  });
  afterAll(() => {
    removeCupsQueue(queue);
    removeCupsQueue(paused);
    for (const f of written) rmSync(f, { force: true });
  });

  it('prints a PDF to system:<queue>: lp takes it, cups-pdf writes it, pdftotext reads the text back', async () => {
    const printer = new SystemPrinter(parsePrinterUri(`system:${queue}`) as { kind: 'system'; name: string });
    expect(await printer.state()).toEqual({ ready: true, reason: null, detail: null });
    const token = `motcua${randomBytes(4).toString('hex')}`;
    const pdf = await vietnamesePdf(['Giấy tiếp nhận hồ sơ và hẹn trả kết quả', 'Mã hồ sơ: 000.00.01.H01-261206-0001']);
    const { ref } = await printer.print(pdf, { title: `${token} Giay tiep nhan`, copies: 1, jobKey: 'job-1' });
    expect(ref).toMatch(new RegExp(`^${queue}-\\d+$`));
    const file = await findCupsPdf(setup.outDir, token);
    written.push(file);
    const text = pdfText(file);
    expect(text).toContain('Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    expect(text).toContain('000.00.01.H01-261206-0001');
  });

  it('an unknown queue: state not_found, and a job is refused as not_found with nothing sent', async () => {
    const printer = new SystemPrinter({ kind: 'system', name: `no-such-queue-${process.pid}` });
    expect(await printer.state()).toMatchObject({ ready: false, reason: 'not_found' });
    const e = await printer.print(await vietnamesePdf(['x']), { title: 't', copies: 1, jobKey: 'k' }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(PrinterLinkError);
    expect((e as PrinterLinkError).failure).toBe('not_found');
    expect((e as PrinterLinkError).bytesWritten).toBe(0);
  });

  it('a paused or rejecting queue: state disabled with the reason; a rejecting one refuses the job as unreachable', async () => {
    const printer = new SystemPrinter({ kind: 'system', name: paused });
    cupsAdmin('cupsdisable', paused);
    expect(await printer.state()).toMatchObject({ ready: false, reason: 'disabled', detail: 'paused' });
    cupsAdmin('cupsenable', paused);
    cupsAdmin('cupsreject', paused);
    expect(await printer.state()).toMatchObject({ ready: false, reason: 'disabled', detail: 'rejecting' });
    const e = await printer.print(await vietnamesePdf(['x']), { title: 't', copies: 1, jobKey: 'k' }).catch((err: unknown) => err);
    expect((e as PrinterLinkError).failure).toBe('unreachable');
    cupsAdmin('cupsaccept', paused);
    expect((await printer.state()).ready).toBe(true);
  });

  it('lists the CUPS queues as system: printers with their device', async () => {
    const found = await listCupsPrinters({ timeoutMs: 5000 });
    expect(found).toContainEqual({ uri: `system:${queue}`, name: queue, transport: 'system', detail: 'cups-pdf:/' });
  });
});
