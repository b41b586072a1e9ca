/** deliverDocument to the virtual PDF printer (a folder): printed by 'folder', not ready → unavailable, bad PDF thrown. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverDocument } from '../../../core/services/printing/delivery';
import { PdfDirPrinter } from '../../../native/printers/pdf-dir/pdf-dir-printer';
import { PrinterLinkError, type DocumentPrinter } from '../../../native/printers/types';
import { tempDir } from '../../helpers/temp';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
function folder(): string {
  const t = tempDir('motcua-print-');
  cleanups.push(t.cleanup);
  return t.dir;
}

async function deliver(printer: DocumentPrinter, pdf: Uint8Array = PDF) {
  let writing = 0;
  const outcome = await deliverDocument(printer, pdf, { title: 'Giấy tiếp nhận', copies: 1, jobKey: 'job-1', onWriting: () => (writing += 1) });
  return { outcome, writing };
}

describe('deliverDocument', () => {
  it('writes the PDF into the folder: printed, confirmed by the folder, the file as ref', async () => {
    const dir = path.join(folder(), 'out');
    const { outcome, writing } = await deliver(new PdfDirPrinter({ kind: 'pdf', dir }));
    expect(outcome).toMatchObject({ outcome: 'printed', confirmedBy: 'folder', bytesWritten: PDF.length });
    expect(writing).toBe(1);
    if (outcome.outcome !== 'printed') return;
    expect(outcome.ref && readFileSync(outcome.ref)).toEqual(PDF);
  });

  it('a folder that cannot exist is unavailable (PRINTER_NOT_FOUND) and nothing is handed over', async () => {
    const base = folder();
    writeFileSync(path.join(base, 'file'), 'x');
    const dir = path.join(base, 'file', 'out');
    const { outcome, writing } = await deliver(new PdfDirPrinter({ kind: 'pdf', dir }));
    expect(outcome).toMatchObject({ outcome: 'unavailable', error: { code: 'PRINTER_NOT_FOUND' } });
    expect(writing).toBe(0);
    expect(existsSync(dir)).toBe(false);
  });

  it('maps a spooler that is paused or gone, and a failure after the hand-over is uncertain', async () => {
    const fake = (state: Awaited<ReturnType<DocumentPrinter['state']>>, print: DocumentPrinter['print']): DocumentPrinter => ({
      kind: 'document',
      address: { kind: 'system', name: 'Văn phòng' },
      state: () => Promise.resolve(state),
      print,
    });
    const never: DocumentPrinter['print'] = () => Promise.reject(new Error('must not be called'));
    expect((await deliver(fake({ ready: false, reason: 'disabled', detail: 'paused' }, never))).outcome).toMatchObject({ outcome: 'unavailable', error: { code: 'PRINTER_DISABLED' } });
    expect((await deliver(fake({ ready: false, reason: 'unreachable', detail: null }, never))).outcome).toMatchObject({ outcome: 'unavailable', error: { code: 'PRINTER_UNREACHABLE' } });
    const ready = { ready: true, reason: null, detail: null };
    const spooled = await deliver(fake(ready, () => Promise.resolve({ ref: 'PDF-17' })));
    expect(spooled.outcome).toEqual({ outcome: 'printed', confirmedBy: 'spooler', bytesWritten: PDF.length, ref: 'PDF-17' });
    const lost = await deliver(fake(ready, () => Promise.reject(new PrinterLinkError('io', 0, 'lp: connection lost'))));
    expect(lost.outcome).toMatchObject({ outcome: 'uncertain', error: { code: 'PRINTER_NOT_CONFIRMED' } });
    expect(lost.writing).toBe(1);
    const gone = await deliver(fake(ready, () => Promise.reject(new PrinterLinkError('not_found', 0, 'lp: no such queue'))));
    expect(gone.outcome).toMatchObject({ outcome: 'unavailable', error: { code: 'PRINTER_NOT_FOUND' } });
  });

  it('a 0-byte PDF is refused with its code, not queued as unavailable', async () => {
    const err = await deliver(new PdfDirPrinter({ kind: 'pdf', dir: folder() }), new Uint8Array(0)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PRINT_BAD_PDF' });
  });
});
