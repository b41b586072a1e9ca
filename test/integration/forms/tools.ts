/** The Debian tools the printed-form tests read PDFs back with (poppler-utils, qpdf, zbar-tools). */
import { execFile } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { requireTools } from '../../helpers/tools';

const run = promisify(execFile);

export const TOOLS = ['pdftotext', 'pdftoppm', 'qpdf', 'zbarimg'] as const;

/** Tools not installed (their absence skips the tests locally and fails them under CI=true: test/helpers/tools.ts). */
export function missingTools(): string[] {
  return requireTools(...TOOLS).missing;
}

/** Text in content-stream order, NFC, white space collapsed (wrapped lines join with one space). */
export async function pdfText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { maxBuffer: 16 * 1024 * 1024 });
  return normaliseText(stdout);
}

export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Number of pages, from qpdf. */
export async function pageCount(file: string): Promise<number> {
  const { stdout } = await run('qpdf', ['--show-npages', file]);
  return Number(stdout.trim());
}

/** Text of one page. */
export async function pageText(file: string, page: number): Promise<string> {
  const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-']);
  return normaliseText(stdout);
}

/** `qpdf --check`: exit status 0 and its report. */
export async function qpdfCheck(file: string): Promise<{ ok: boolean; report: string }> {
  try {
    const { stdout } = await run('qpdf', ['--check', file]);
    return { ok: true, report: stdout };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, report: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

/** Rasterise every page at `dpi` and decode the QR codes found (zbarimg exits 4 when it finds none). */
export async function readQrCodes(file: string, dpi = 200): Promise<string[]> {
  const dir = path.dirname(file);
  const prefix = path.join(dir, `${path.basename(file, '.pdf')}-${dpi}`);
  await run('pdftoppm', ['-r', String(dpi), '-png', file, prefix]);
  const pngs = (await readdir(dir)).filter((f) => f.startsWith(path.basename(prefix)) && f.endsWith('.png'));
  const codes: string[] = [];
  for (const png of pngs) {
    try {
      const { stdout } = await run('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', path.join(dir, png)]);
      codes.push(...stdout.split('\n').filter((l) => l.trim() !== ''));
    } catch (e) {
      if ((e as { code?: number }).code !== 4) throw e;
    }
  }
  return codes;
}

export async function writePdf(dir: string, name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}
