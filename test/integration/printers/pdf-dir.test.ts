/** The virtual PDF printer: one durable file per job, a job sent twice is still one file, bad folders are named. */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/contract/errors';
import { errorMessage } from '../../../core/i18n/translate';
import { encodeJobKey, keyOfFile, PdfDirPrinter, titleSlug } from '../../../native/printers/pdf-dir/pdf-dir-printer';
import { parsePrinterUri } from '../../../native/printers/printer-uri';
import { PrinterLinkError } from '../../../native/printers/types';
import { tempDir } from '../../helpers/temp';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function folder(): string {
  const t = tempDir('motcua-pdfdir-');
  cleanups.push(t.cleanup);
  return t.dir;
}

const pdf = (text: string): Uint8Array => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);
let clock = Date.parse('2026-12-06T08:30:00Z');
const now = (): Date => new Date((clock += 1000));

describe('pdf: virtual printer', () => {
  it('writes each job as <time>-<jobKey>-<title>.pdf, the title folded to ASCII', async () => {
    const dir = folder();
    const printer = new PdfDirPrinter({ kind: 'pdf', dir: path.join(dir, 'out') }, { now });
    expect((await printer.state()).ready).toBe(true);
    const r = await printer.print(pdf('one'), { title: 'Giấy tiếp nhận — Đăng ký 000.00.01', copies: 1, jobKey: '6f1c2a9e-77aa-4b1e-9d1a-3c0f00000001' });
    const files = readdirSync(path.join(dir, 'out'));
    expect(files).toEqual([expect.stringMatching(/^\d{8}T\d{6}Z-6f1c2a9e-77aa-4b1e-9d1a-3c0f00000001-giay_tiep_nhan_dang_ky_000_00_01\.pdf$/)]);
    expect(r.ref).toBe(path.join(dir, 'out', files[0]!));
    expect(readFileSync(r.ref!, 'utf8')).toContain('% one');
  });

  it('the same jobKey written twice (later, new title) overwrites its one file; another key adds a file', async () => {
    const dir = folder();
    const printer = new PdfDirPrinter(parsePrinterUri(`pdf:${dir}`) as { kind: 'pdf'; dir: string }, { now });
    const first = await printer.print(pdf('first try'), { title: 'Biên lai', copies: 1, jobKey: 'job-1' });
    const again = await printer.print(pdf('second try'), { title: 'Biên lai (in lại)', copies: 2, jobKey: 'job-1' });
    expect(again.ref).toBe(first.ref);
    expect(readdirSync(dir)).toHaveLength(1);
    expect(readFileSync(again.ref!, 'utf8')).toContain('second try');
    // "job" is a prefix of "job-1" but another job: its own file.
    await printer.print(pdf('other'), { title: 'Biên lai', copies: 1, jobKey: 'job' });
    expect(readdirSync(dir).sort().map(keyOfFile)).toEqual(expect.arrayContaining(['job', 'job-1']));
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('two files of one key (two processes at once) collapse to the first name on the next write', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, '20261206T080000Z-k~2F1-a.pdf'), 'old A');
    writeFileSync(path.join(dir, '20261206T080001Z-k~2F1-b.pdf'), 'old B');
    writeFileSync(path.join(dir, 'notes.txt'), 'not ours');
    const printer = new PdfDirPrinter({ kind: 'pdf', dir }, { now });
    const r = await printer.print(pdf('new'), { title: 'x', copies: 1, jobKey: 'k/1' });
    expect(path.basename(r.ref!)).toBe('20261206T080000Z-k~2F1-a.pdf');
    expect(readdirSync(dir).sort()).toEqual(['20261206T080000Z-k~2F1-a.pdf', 'notes.txt']);
  });

  it('keys are encoded reversibly into safe names; titles without letters still name the file', () => {
    expect(encodeJobKey('a b/c')).toBe('a~20b~2Fc');
    expect(encodeJobKey('Đ')).toBe('~C4~90');
    expect(titleSlug('!!!')).toBe('print');
    expect(titleSlug('a'.repeat(100))).toBe('print'); // one word longer than 60 characters
    expect(keyOfFile('20261206T080000Z-abc-def-title.pdf')).toBe('abc-def');
    expect(keyOfFile('report-2026.pdf')).toBeNull();
  });

  it('refuses a 0-byte PDF (PRINT_BAD_PDF) and names a folder it cannot use', async () => {
    const dir = folder();
    const printer = new PdfDirPrinter({ kind: 'pdf', dir }, { now });
    const empty = await printer.print(new Uint8Array(0), { title: 't', copies: 1, jobKey: 'k' }).catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(AppError);
    expect((empty as AppError).code).toBe('PRINT_BAD_PDF');
    expect(errorMessage('PRINT_BAD_PDF', (empty as AppError).params, 'vi')).toContain('(tệp rỗng)');
    // A file where the folder should be.
    writeFileSync(path.join(dir, 'file'), 'x');
    const blocked = new PdfDirPrinter({ kind: 'pdf', dir: path.join(dir, 'file', 'sub') }, { now });
    expect(await blocked.state()).toMatchObject({ ready: false, reason: 'not_found' });
    const e = await blocked.print(pdf('x'), { title: 't', copies: 1, jobKey: 'k' }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(PrinterLinkError);
    expect((e as PrinterLinkError).bytesWritten).toBe(0);
    expect((e as PrinterLinkError).message).toContain(path.join(dir, 'file', 'sub'));
    expect(readdirSync(dir)).toEqual(['file']);
  });
});
