/**
 * `motcua print` refuses bad input with exit 2, the stable code on stderr and a Vietnamese message, and prints
 * nothing on stdout: an unknown printer URI, an empty or non-PDF file, a form for a dossier that does not exist,
 * options that do not go together (two things to print, --form without --dossier, --service without --ticket …).
 * No print job is stored for any of them. The cases run the program in this process (main(), what the bin runs: same
 * exit code, stdout, stderr): the answers are the point here; print-cli.test.ts runs the real bin.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { motcuaInProcess } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

let data: ReturnType<typeof tempDir>;
let out: string;
let emptyPdf: string;
let textFile: string;
let goodPdf: string;
let cutPdf: string;
const motcua = (args: string[]) => motcuaInProcess(data.dir, args);

beforeAll(async () => {
  data = tempDir('motcua-print-bad-');
  out = path.join(data.dir, 'printed');
  mkdirSync(out);
  emptyPdf = path.join(data.dir, 'rong.pdf');
  writeFileSync(emptyPdf, '');
  textFile = path.join(data.dir, 'ghi-chu.pdf');
  writeFileSync(textFile, 'Đây là ghi chú, không phải PDF.\n');
  goodPdf = path.join(data.dir, 'to-khai.pdf');
  writeFileSync(goodPdf, '%PDF-1.4\n%%EOF\n');
  // A real PDF cut off at 60% (a download that stopped).
  const { PDFDocument } = await import('pdf-lib');
  const d = await PDFDocument.create();
  d.addPage([200, 200]).drawText('In thu');
  const whole = await d.save();
  cutPdf = path.join(data.dir, 'bi-cat.pdf');
  writeFileSync(cutPdf, whole.subarray(0, Math.floor(whole.length * 0.6)));
});
afterAll(() => data.cleanup());

describe('motcua print: bad input exits 2 with its code', () => {
  it('each case in the table', async () => {
    const pdfPrinter = `pdf:${out}`;
    const table: { args: string[]; code: string; says: RegExp }[] = [
      { args: ['--printer', 'lpt://máy-in', '--ticket', '1023'], code: 'PRINT_BAD_URI', says: /không đúng dạng/ },
      { args: ['--printer', 'escpos+tcp://127.0.0.1:99999', '--ticket', '1023'], code: 'PRINT_BAD_URI', says: /không đúng dạng/ },
      { args: ['--printer', pdfPrinter, '--pdf', emptyPdf], code: 'PRINT_BAD_PDF', says: /0 byte/ },
      { args: ['--printer', pdfPrinter, '--pdf', textFile], code: 'PRINT_BAD_PDF', says: /không phải PDF/ },
      { args: ['--printer', pdfPrinter, '--form', 'receipt', '--dossier', 'KHONG-CO-MA-NAY'], code: 'DOSSIER_NOT_FOUND', says: /KHONG-CO-MA-NAY/ },
      { args: ['--printer', pdfPrinter, '--ticket', '1023', '--pdf', goodPdf], code: 'CLI_PRINT_ONE_SOURCE', says: /đúng một thứ để in/ },
      { args: ['--printer', pdfPrinter, '--form', 'receipt'], code: 'CLI_PRINT_DOSSIER_REQUIRED', says: /cần mã hồ sơ/ },
      { args: ['--printer', pdfPrinter], code: 'CLI_PRINT_ONE_SOURCE', says: /đúng một thứ để in/ },
      { args: ['--ticket', '1023'], code: 'CLI_PRINT_NO_PRINTER', says: /Cần chỉ rõ máy in/ },
      { args: ['--printer', pdfPrinter, '--pdf', goodPdf, '--service', 'Cấp giấy phép xây dựng'], code: 'CLI_PRINT_OPTION_ONLY_WITH', says: /--service chỉ dùng cùng --ticket/ },
      { args: ['--printer', pdfPrinter, '--ticket', '1023', '--dossier', 'X'], code: 'CLI_PRINT_OPTION_ONLY_WITH', says: /--dossier chỉ dùng cùng --form/ },
      { args: ['--printer', pdfPrinter, '--ticket', '1023', '--layout', '80mm'], code: 'CLI_PRINT_OPTION_ONLY_WITH', says: /--layout chỉ dùng cùng --form/ },
      { args: ['--printer', pdfPrinter, '--form', 'receipt', '--dossier', 'X', '--layout', '58mm'], code: 'CLI_PRINT_BAD_VALUE', says: /a4 hoặc 80mm/ },
      { args: ['--printer', pdfPrinter, '--form', 'giay-khen', '--dossier', 'X'], code: 'CLI_PRINT_BAD_VALUE', says: /receipt, supplement/ },
      { args: ['--printer', pdfPrinter, '--ticket', 'Số 1'], code: 'CLI_PRINT_BAD_VALUE', says: /số thứ tự/ },
      { args: ['--printer', pdfPrinter, '--pdf', path.join(data.dir, 'khong-co.pdf')], code: 'CLI_PRINT_FILE_UNREADABLE', says: /ENOENT/ },
      { args: ['--printer', pdfPrinter, '--pdf', cutPdf], code: 'PRINT_BAD_PDF', says: /tệp bị cắt cụt hoặc hỏng/ },
      { args: ['--printer', pdfPrinter, '--ticket', '9', 'queue'], code: 'CLI_PRINT_QUEUE_OPTIONS', says: /--printer, --ticket/ },
      { args: ['--printer', pdfPrinter, '--ticket', '9', '--service', 'x'.repeat(2000)], code: 'CLI_PRINT_BAD_VALUE', says: new RegExp(`"${'x'.repeat(40)}…"`) },
      { args: ['--printer', `pdf:${textFile}`, '--ticket', '9'], code: 'PRINT_BAD_FOLDER', says: /là một tệp, không phải thư mục/ },
      { args: ['--printer', `pdf:${path.join(data.dir, 'khong-co', 'in-ra')}`, '--ticket', '9'], code: 'PRINT_BAD_FOLDER', says: /không tồn tại/ },
    ];
    const results: Awaited<ReturnType<typeof motcua>>[] = [];
    for (const c of table) results.push(await motcua(['print', ...c.args, '--json']));
    table.forEach((c, i) => {
      const r = results[i]!;
      const what = `${c.args.join(' ')} → ${r.code}: ${r.stderr}`;
      expect(r.code, what).toBe(2);
      expect(r.stdout, what).toBe('');
      expect(r.stderr, what).toMatch(new RegExp(`^Lỗi \\[${c.code}\\]: `, 'm'));
      expect(r.stderr, what).toMatch(c.says);
      // One short Vietnamese line: no library's English, no value echoed whole.
      expect(r.stderr, what).not.toMatch(/Trying to parse|Cannot read|undefined/);
      expect(r.stderr.length, what).toBeLessThan(600);
    });
    // Nothing refused was stored (a later `print queue` lists nothing).
    const q = await motcua(['print', 'queue', '--json']);
    expect(JSON.parse(q.stdout)).toEqual([]);
  }, 240_000);
});
