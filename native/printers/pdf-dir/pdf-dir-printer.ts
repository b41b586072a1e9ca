/**
 * The virtual printer (demos, training, archives): each job becomes one PDF in a folder, written durably (temp file,
 * fsync, rename, folder fsync), named `<time>-<jobKey>-<title>.pdf`. A job sent again (a retry after a crash, a
 * resend after an uncertain outcome) overwrites its own file instead of adding a second one: the folder is looked
 * up for the job's key first. The title part uses "_" between words and never "-", so the key is exactly what
 * lies between the first and the last "-" of a name, and "ab" never matches the file of "ab-c".
 */
import { constants } from 'node:fs';
import { access, mkdir, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../core/contract/errors';
import { t } from '../../../core/i18n/translate';
import { foldVietnamese } from '../../../core/domain/text/fold';
import { writeFileDurably } from '../../../core/services/documents/durable-files';
import { PrinterLinkError, type DocumentPrinter, type DocumentPrinterState } from '../types';

export type PdfDirAddress = { kind: 'pdf'; dir: string };

const TIME = /^\d{8}T\d{6}Z$/;

/** 2026-12-06T23:35:00.123Z → 20261206T233500Z (sorts by time, no characters a file system refuses). */
export function fileTime(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** The key as a file-name part: letters, digits, ".", "_" and "-" kept; anything else as ~XX (UTF-8), reversibly. */
export function encodeJobKey(key: string): string {
  if (key === '' || key.length > 200) throw new AppError('VALIDATION', { detail: 'job key must be 1–200 characters' });
  return [...Buffer.from(key, 'utf8')].map((b) => (/[A-Za-z0-9._-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `~${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** The title in ASCII words joined by "_" (Vietnamese marks dropped, đ → d), at most 60 characters. */
export function titleSlug(title: string): string {
  const words = foldVietnamese(title)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let out = '';
  for (const w of words) {
    const next = out === '' ? w : `${out}_${w}`;
    if (next.length > 60) break;
    out = next;
  }
  return out === '' ? 'print' : out;
}

/** The encoded key of a file this printer wrote, or null for any other file. */
export function keyOfFile(name: string): string | null {
  if (!name.endsWith('.pdf')) return null;
  const first = name.indexOf('-');
  const last = name.lastIndexOf('-');
  if (first < 0 || last <= first + 1 || !TIME.test(name.slice(0, first))) return null;
  return name.slice(first + 1, last);
}

export interface PdfDirOptions {
  now?: () => Date;
}

export class PdfDirPrinter implements DocumentPrinter {
  readonly kind = 'document' as const;
  private readonly now: () => Date;

  constructor(
    readonly address: PdfDirAddress,
    opts: PdfDirOptions = {},
  ) {
    this.now = opts.now ?? (() => new Date());
  }

  /**
   * Ready when the folder is writable, or missing with a writable parent (made on the first job). Only the last
   * folder is ever made: a missing parent is a mistyped address (and a recursive mkdir under /proc never ends).
   * `detail` is a reason key (printingReasons in core/i18n/messages/printing-escpos.ts), not prose.
   */
  async state(): Promise<DocumentPrinterState> {
    const dir = this.address.dir;
    const probe = async (p: string): Promise<DocumentPrinterState | 'missing'> => {
      try {
        if (!(await stat(p)).isDirectory()) return { ready: false, reason: 'not_found', detail: 'not_a_folder' };
        await access(p, constants.W_OK);
        return { ready: true, reason: null, detail: null };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return 'missing';
        // A file where a folder should be (ENOTDIR) is as good as no folder; no write permission is a paused printer.
        if (code === 'ENOTDIR') return { ready: false, reason: 'not_found', detail: 'parent_missing' };
        return { ready: false, reason: 'disabled', detail: 'not_writable' };
      }
    };
    const own = await probe(dir);
    if (own !== 'missing') return own;
    const parent = await probe(path.dirname(dir));
    if (parent === 'missing') return { ready: false, reason: 'not_found', detail: 'parent_missing' };
    if (parent.detail === 'not_a_folder') return { ready: false, reason: 'not_found', detail: 'parent_missing' };
    return parent;
  }

  async print(pdf: Uint8Array, o: { title: string; copies: number; jobKey: string }): Promise<{ ref: string | null }> {
    if (pdf.length === 0) throw new AppError('PRINT_BAD_PDF', { detail: t('printQueue.pdf.empty') });
    const dir = this.address.dir;
    const key = encodeJobKey(o.jobKey);
    try {
      // Only the last folder: a missing parent fails (ENOENT → not_found) instead of being made.
      await mkdir(dir).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'EEXIST') throw e;
      });
      const mine = (await readdir(dir)).filter((n) => keyOfFile(n) === key).sort();
      // The job's own file when it was written before (the oldest, should a race have made two), else a new one.
      const name = mine[0] ?? `${fileTime(this.now())}-${key}-${titleSlug(o.title)}.pdf`;
      const file = path.join(dir, name);
      // Copies make no sense for a file: one file per job, whatever the count.
      writeFileDurably(file, pdf);
      // Two processes sending the same job at once can each create a file; both keep the first name and drop the rest.
      const again = (await readdir(dir)).filter((n) => keyOfFile(n) === key).sort();
      for (const extra of again.slice(1)) await unlink(path.join(dir, extra)).catch(() => undefined);
      return { ref: path.join(dir, again[0] ?? name) };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // The write is all or nothing: no file can be half there, so a failure is never "maybe printed".
      const failure = code === 'ENOENT' || code === 'ENOTDIR' ? 'not_found' : 'unreachable';
      throw new PrinterLinkError(failure, 0, `pdf folder ${dir}: ${code ?? (e as Error).message}`, { cause: e });
    }
  }
}
