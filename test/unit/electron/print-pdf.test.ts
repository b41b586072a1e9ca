/**
 * electron/printing/print-pdf.ts cannot run here (no Electron binary); its logic is driven with stand-ins for
 * BrowserWindow and session: the window's session loads only the job's file, the print is silent on the named
 * device, an unknown device is not_found before anything is sent, a failed print is io with the bytes counted, and
 * the window and the temporary file are gone afterwards in every case.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createPdfPrinting, isPrintWindowRequestAllowed, type ElectronPrinting } from '../../../electron/printing/print-pdf';
import { PrinterLinkError } from '../../../native/printers/types';

interface Seen {
  loaded: string[];
  fileBytes: Buffer[];
  printOptions: Array<Record<string, unknown>>;
  destroyed: number;
  filter: ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | null;
  partition: string[];
}

function fakeElectron(o: { printers: string[]; printResult: [boolean, string] }): { electron: ElectronPrinting; seen: Seen } {
  const seen: Seen = { loaded: [], fileBytes: [], printOptions: [], destroyed: 0, filter: null, partition: [] };
  class FakeWindow {
    private destroyedFlag = false;
    webContents = {
      getPrintersAsync: async () => o.printers.map((name) => ({ name })),
      print: (opts: Record<string, unknown>, cb: (ok: boolean, reason: string) => void) => {
        seen.printOptions.push(opts);
        setTimeout(() => cb(...o.printResult), 1);
      },
    };
    constructor(public readonly options: Record<string, unknown>) {}
    async loadURL(url: string): Promise<void> {
      seen.loaded.push(url);
      seen.fileBytes.push(readFileSync(fileURLToPath(url)));
    }
    isDestroyed(): boolean {
      return this.destroyedFlag;
    }
    destroy(): void {
      this.destroyedFlag = true;
      seen.destroyed += 1;
    }
  }
  const session = {
    fromPartition: (name: string) => {
      seen.partition.push(name);
      return {
        webRequest: { onBeforeRequest: (f: Seen['filter']) => (seen.filter = f) },
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
      };
    },
  };
  return { electron: { BrowserWindow: FakeWindow, session } as unknown as ElectronPrinting, seen };
}

const pdf = Buffer.from('%PDF-1.4\n%test\n%%EOF\n');

describe('Electron silent PDF printing (stand-ins)', () => {
  it('loads the job from a temporary file in a private session and prints it silently on the device, then cleans up', async () => {
    const { electron, seen } = fakeElectron({ printers: ['HP_LaserJet_M404', 'Office'], printResult: [true, ''] });
    await createPdfPrinting(electron).printPdf(pdf, { deviceName: 'HP_LaserJet_M404', copies: 2 });
    expect(seen.fileBytes[0]!.equals(pdf)).toBe(true);
    expect(seen.printOptions[0]).toMatchObject({ silent: true, deviceName: 'HP_LaserJet_M404', copies: 2 });
    expect(seen.partition[0]).toMatch(/^motcua-print-/); // in memory: no "persist:"
    const url = seen.loaded[0]!;
    const allowed = (u: string): boolean => {
      let cancel = true;
      seen.filter!({ url: u }, (r) => (cancel = r.cancel));
      return !cancel;
    };
    expect(allowed(url)).toBe(true);
    expect(allowed('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html')).toBe(true);
    expect(allowed('file:///etc/passwd')).toBe(false);
    expect(allowed('https://example.com/x.js')).toBe(false);
    expect(seen.destroyed).toBe(1);
    expect(existsSync(fileURLToPath(url))).toBe(false);
  });

  it('an unknown device is not_found with nothing sent; a failed print is io with the PDF counted; both clean up', async () => {
    const a = fakeElectron({ printers: ['Office'], printResult: [true, ''] });
    const e1 = await createPdfPrinting(a.electron).printPdf(pdf, { deviceName: 'Nope' }).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(PrinterLinkError);
    expect((e1 as PrinterLinkError).failure).toBe('not_found');
    expect((e1 as PrinterLinkError).bytesWritten).toBe(0);
    expect(a.seen.printOptions).toHaveLength(0);
    expect(a.seen.destroyed).toBe(1);

    const b = fakeElectron({ printers: ['Office'], printResult: [false, 'Print job failed'] });
    const e2 = await createPdfPrinting(b.electron).printPdf(pdf, { deviceName: 'Office' }).catch((e: unknown) => e);
    expect((e2 as PrinterLinkError).failure).toBe('io');
    expect((e2 as PrinterLinkError).bytesWritten).toBe(pdf.length);
    expect((e2 as PrinterLinkError).message).toContain('Print job failed');
    expect(existsSync(fileURLToPath(b.seen.loaded[0]!))).toBe(false);
  });

  it('the DocumentPrinter over it reports state by name', async () => {
    const { electron } = fakeElectron({ printers: ['Office'], printResult: [true, ''] });
    const printing = createPdfPrinting(electron);
    expect(await printing.printer('Office').state()).toEqual({ ready: true, reason: null, detail: null });
    expect(await printing.printer('Gone').state()).toMatchObject({ ready: false, reason: 'not_found' });
    expect(isPrintWindowRequestAllowed('file:///a.pdf', 'file:///a.pdf')).toBe(true);
  });
});
