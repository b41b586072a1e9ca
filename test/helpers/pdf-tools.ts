import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requireTools } from './tools';

/**
 * The tools below, checked once per test file: tests reading PDFs back skip locally without them
 * (`it.skipIf(PDF_TOOLS.skip)`, or `skip(PDF_TOOLS.skip, PDF_TOOLS.reason)` before the PDF part) and fail under CI.
 */
export const PDF_TOOLS = requireTools('pdftotext', 'pdftoppm', 'qpdf', 'zbarimg');

/** Debian's reference tools, the real peers PDFs and QR codes are checked against. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC');
}

export function qpdfCheck(file: string): string {
  return execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
}

/** Renders every page at 200 dpi and returns what zbarimg reads (one entry per symbol). */
export function readQrCodes(file: string): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-qr-'));
  try {
    execFileSync('pdftoppm', ['-r', '200', '-png', file, path.join(dir, 'p')]);
    const out: string[] = [];
    for (const png of readdirSync(dir).filter((f) => f.endsWith('.png'))) {
      try {
        out.push(...execFileSync('zbarimg', ['--raw', '-q', path.join(dir, png)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').filter(Boolean));
      } catch {
        /* zbarimg exits 4 when a page has no symbol */
      }
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
