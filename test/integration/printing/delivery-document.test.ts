/** deliverDocument to the virtual PDF printer (a folder): printed by 'folder', not ready → unavailable, bad PDF thrown. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { errorMessage } from '../../../core/i18n/translate';
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

async function deliver(printer: DocumentPrinter, pdf: Uint8Array = PDF, timeoutMs?: number) {
  let writing = 0;
  const outcome = await deliverDocument(printer, pdf, { title: 'Giấy tiếp nhận', copies: 1, jobKey: 'job-1', onWriting: () => (writing += 1), timeoutMs });
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

  it('only the last folder is made: a missing parent is PRINTER_NOT_FOUND naming the folder, and nothing is created', async () => {
    const base = folder();
    const dir = path.join(base, 'missing', 'out');
    const printer = new PdfDirPrinter({ kind: 'pdf', dir });
    expect(await printer.state()).toEqual({ ready: false, reason: 'not_found', detail: 'parent_missing' });
    const { outcome, writing } = await deliver(printer);
    expect(outcome).toMatchObject({ outcome: 'unavailable', error: { code: 'PRINTER_NOT_FOUND' } });
    expect(writing).toBe(0);
    if (outcome.outcome !== 'unavailable') return;
    const vi = errorMessage(outcome.error.code, outcome.error.params, 'vi');
    expect(vi).toContain(dir);
    expect(vi).toContain('thư mục chứa nó không tồn tại');
    // Straight to print (a state checked earlier): refused, the parent is not made either.
    const e = await printer.print(PDF, { title: 't', copies: 1, jobKey: 'k' }).catch((err: unknown) => err);
    expect(e).toMatchObject({ failure: 'not_found', bytesWritten: 0 });
    expect(existsSync(path.join(base, 'missing'))).toBe(false);
    // Its state read before the parent went away: the write says the same.
    const stale: DocumentPrinter = { kind: 'document', address: printer.address, state: () => Promise.resolve({ ready: true, reason: null, detail: null }), print: (p, o) => printer.print(p, o) };
    const late = await deliver(stale);
    expect(late.outcome).toMatchObject({ outcome: 'unavailable', error: { code: 'PRINTER_NOT_FOUND', params: { reason: 'parent_missing' } } });
  });

  it('a hand-over that never ends is bounded: unavailable when nothing was handed over, uncertain when a spooler may have it', async () => {
    const hang = new Promise<never>(() => undefined);
    const printer = (kind: 'system' | 'pdf', state: () => Promise<Awaited<ReturnType<DocumentPrinter['state']>>>): DocumentPrinter => ({
      kind: 'document',
      address: kind === 'system' ? { kind, name: 'Văn phòng' } : { kind, dir: folder() },
      state,
      print: () => hang,
    });
    const ready = () => Promise.resolve({ ready: true, reason: null, detail: null });
    const stuckState = await deliver(printer('system', () => hang), PDF, 50);
    expect(stuckState.outcome).toMatchObject({ outcome: 'unavailable', error: { code: 'PRINTER_UNREACHABLE', params: { reason: 'hand_over_timeout' } } });
    expect(stuckState.writing).toBe(0);
    const stuckSpooler = await deliver(printer('system', ready), PDF, 50);
    expect(stuckSpooler.outcome).toMatchObject({ outcome: 'uncertain', bytesWritten: 0, error: { code: 'PRINTER_NOT_CONFIRMED' } });
    expect(stuckSpooler.writing).toBe(1);
    // A folder write is all or nothing and a resend overwrites its own file: safe to send again.
    const stuckFolder = await deliver(printer('pdf', ready), PDF, 50);
    expect(stuckFolder.outcome).toMatchObject({ outcome: 'unavailable', error: { code: 'PRINTER_UNREACHABLE' } });
    if (stuckFolder.outcome.outcome !== 'unavailable') return;
    expect(errorMessage(stuckFolder.outcome.error.code, stuckFolder.outcome.error.params, 'vi')).toContain('quá thời gian chờ');
  });

  it('a 0-byte PDF is refused with its code, not queued as unavailable', async () => {
    const err = await deliver(new PdfDirPrinter({ kind: 'pdf', dir: folder() }), new Uint8Array(0)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PRINT_BAD_PDF' });
  });
});
