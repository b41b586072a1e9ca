/**
 * Whether a pdf: printer's folder can be used (issue #16): the folder itself, or a new folder in one that exists.
 * A file in its place, or a missing parent, is a mistake in the address (a typo), not a printer that is away:
 * refused at once (PRINT_BAD_FOLDER, input), never retried. Read by the CLI before anything is stored, by
 * printing.print before the job is stored, and by the runner before a stored job is sent (the folder may have
 * changed since).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../contract/errors';
import { t } from '../../i18n/translate';

/** Why the folder cannot be used, in Vietnamese (a key of printQueue.folder), or null when it can. */
export function pdfFolderProblem(dir: string): { key: 'notFolder' | 'noParent'; path: string } | null {
  const kind = (p: string): 'dir' | 'other' | 'none' => {
    try {
      return statSync(p).isDirectory() ? 'dir' : 'other';
    } catch (e) {
      // ENOTDIR: a file on the way is as good as no folder there.
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return 'none';
      throw e;
    }
  };
  const self = kind(dir);
  if (self === 'dir') return null;
  if (self === 'other') return { key: 'notFolder', path: dir };
  const parent = path.dirname(dir);
  const up = kind(parent);
  if (up === 'dir') return null;
  return { key: up === 'other' ? 'notFolder' : 'noParent', path: parent };
}

/** PRINT_BAD_FOLDER for a folder that cannot be used. */
export function checkPdfFolder(uri: string, dir: string): void {
  const problem = pdfFolderProblem(dir);
  if (problem) throw new AppError('PRINT_BAD_FOLDER', { uri, detail: t(`printQueue.folder.${problem.key}`, { path: problem.path }) }, { field: 'printer' });
}
