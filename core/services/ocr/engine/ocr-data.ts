/**
 * Where the OCR language data is and where tesseract.js may cache it. The data ships with the app (resources/tessdata,
 * copied from the @tesseract.js-data packages by scripts/copy-tessdata.mjs) and is never fetched at run time: a
 * missing file is OCR_DATA_MISSING, not a download. The cache (tesseract.js writes the unpacked .traineddata there)
 * lives inside the data directory: its default is the process's cwd, which a packaged app may not write.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../contract/errors';
import { resolveResourcesDir } from '../../../platform/paths';

/** vie first: Tesseract tries the first language first; eng covers Latin words and abbreviations in the same text. */
export const OCR_LANGUAGES = ['vie', 'eng'] as const;
export const OCR_DATA_VARIANT = '4.0.0_best_int';

export interface OcrData {
  /** The one folder holding <lang>.traineddata.gz for every language (tesseract.js's langPath). */
  langPath: string;
  /** Size of each file: the cache folder is named by them, so new data never reads an old cache. */
  sizes: number[];
}

/** Checks the language files; throws OCR_DATA_MISSING naming the folder when one is absent or empty. */
export function locateOcrData(resourcesDir?: string): OcrData {
  const langPath = path.join(resolveResourcesDir(resourcesDir), 'tessdata');
  const sizes: number[] = [];
  for (const lang of OCR_LANGUAGES) {
    const file = path.join(langPath, `${lang}.traineddata.gz`);
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      size = 0;
    }
    if (size === 0) throw new AppError('OCR_DATA_MISSING', { file: `${lang}.traineddata.gz`, dir: langPath });
    sizes.push(size);
  }
  return { langPath, sizes };
}

/** The cache folder for tesseract.js inside the data directory. */
export function ocrCacheDir(dataDir: string): string {
  return path.join(dataDir, 'cache', 'ocr');
}

/** A subfolder per data set (tesseract.js's cache file name says neither variant nor version). */
export function cacheFolderFor(cacheDir: string, data: OcrData): string {
  return path.join(cacheDir, `${OCR_DATA_VARIANT}-${data.sizes.join('-')}`);
}
