/**
 * system: printers on Windows go through pdf-to-printer (SumatraPDF), which cannot run here: a stand-in with its API
 * checks what the printer hands it (a temporary PDF file, the printer's name, copies, silent), that the file is gone
 * afterwards, and how failures are counted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SystemPrinter, type WindowsPrinting } from '../../../native/printers/system/system-printer';
import { PrinterLinkError } from '../../../native/printers/types';

function windows(o: { printers: string[]; fail?: string }) {
  const calls: Array<{ file: string; bytes: Buffer; options: { printer: string; copies: number; silent: boolean } }> = [];
  const api: WindowsPrinting = {
    getPrinters: async () => o.printers.map((name) => ({ name })),
    print: async (file, options) => {
      calls.push({ file, bytes: readFileSync(file), options });
      if (o.fail) throw new Error(o.fail);
    },
  };
  return { api, calls };
}

const pdf = Buffer.from('%PDF-1.7\n%x\n%%EOF\n');

describe('system: printers on Windows (pdf-to-printer stand-in)', () => {
  it('prints the PDF from a temporary file on the named printer, silently, with the copies, then removes the file', async () => {
    const w = windows({ printers: ['HP LaserJet M404 (Quầy 2)'] });
    const printer = new SystemPrinter({ kind: 'system', name: 'HP LaserJet M404 (Quầy 2)' }, { platform: 'win32', loadWindows: async () => w.api });
    expect(await printer.state()).toEqual({ ready: true, reason: null, detail: null });
    expect(await printer.print(pdf, { title: 'Giấy tiếp nhận: 000/01?', copies: 2, jobKey: 'k' })).toEqual({ ref: null });
    expect(w.calls[0]!.options).toEqual({ printer: 'HP LaserJet M404 (Quầy 2)', copies: 2, silent: true });
    expect(w.calls[0]!.bytes.equals(pdf)).toBe(true);
    expect(w.calls[0]!.file).toMatch(/Giấy tiếp nhận_ 000_01_\.pdf$/);
    expect(existsSync(w.calls[0]!.file)).toBe(false);
  });

  it('an unknown printer is not_found before anything is sent; a failed print counts the PDF (it may be spooled)', async () => {
    const none = windows({ printers: ['Other'] });
    const missing = new SystemPrinter({ kind: 'system', name: 'Gone' }, { platform: 'win32', loadWindows: async () => none.api });
    expect(await missing.state()).toMatchObject({ ready: false, reason: 'not_found' });
    const e1 = await missing.print(pdf, { title: 't', copies: 1, jobKey: 'k' }).catch((e: unknown) => e);
    expect((e1 as PrinterLinkError).failure).toBe('not_found');
    expect((e1 as PrinterLinkError).bytesWritten).toBe(0);
    expect(none.calls).toHaveLength(0);

    const failing = windows({ printers: ['Office'], fail: 'SumatraPDF exited with 1' });
    const e2 = await new SystemPrinter({ kind: 'system', name: 'Office' }, { platform: 'win32', loadWindows: async () => failing.api })
      .print(pdf, { title: 't', copies: 1, jobKey: 'k' })
      .catch((e: unknown) => e);
    expect(e2).toBeInstanceOf(PrinterLinkError);
    expect((e2 as PrinterLinkError).failure).toBe('io');
    expect((e2 as PrinterLinkError).bytesWritten).toBe(pdf.length);
    expect(existsSync(failing.calls[0]!.file)).toBe(false);
  });

  it('without pdf-to-printer: unsupported, nothing sent', async () => {
    const printer = new SystemPrinter({ kind: 'system', name: 'Office' }, { platform: 'win32', loadWindows: () => Promise.reject(new Error('Cannot find module')) });
    const e = await printer.print(pdf, { title: 't', copies: 1, jobKey: 'k' }).catch((err: unknown) => err);
    expect((e as PrinterLinkError).failure).toBe('unsupported');
    expect((e as PrinterLinkError).bytesWritten).toBe(0);
  });
});
