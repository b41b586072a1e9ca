/**
 * Where the OCR language data is and where tesseract.js may cache it. The data ships with the app (resources/tessdata,
 * copied from the @tesseract.js-data packages by scripts/copy-tessdata.mjs) and is never fetched at run time: a
 * missing file is OCR_DATA_MISSING, not a download. The cache (tesseract.js writes the unpacked .traineddata there)
 * lives inside the data directory: its default is the process's cwd, which a packaged app may not write.
 */
import { closeSync, mkdirSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { AppError } from '../../../contract/errors';
import { resolveResourcesDir } from '../../../platform/paths';
import { writeFileDurably } from '../../documents/durable-files';

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

/**
 * The cache folder filled for tesseract.js to read (its cacheMethod 'readOnly'), or null when it cannot be (the
 * workers then unpack the .gz themselves). tesseract.js's own cache write is fs.writeFile in place: a worker starting
 * while another writes (the pool's second thread, a replacement, a `motcua ocr` beside the app) read a torn
 * vie.traineddata, and Tesseract, failing to load its first language, silently ran on eng alone: Vietnamese read as
 * "Gidy ching nhan quyén sir dung dat", stored as done. Here each file is unpacked to a temporary name and renamed
 * (a reader sees no file or the whole file), and a file whose size is not the .gz's unpacked size (a torn write of
 * an earlier version, a cut power) is replaced.
 */
export async function fillOcrCache(cacheDir: string, data: OcrData): Promise<string | null> {
  const folder = cacheFolderFor(cacheDir, data);
  try {
    mkdirSync(folder, { recursive: true });
    for (const lang of OCR_LANGUAGES) {
      const gz = path.join(data.langPath, `${lang}.traineddata.gz`);
      const target = path.join(folder, `${lang}.traineddata`);
      const expected = unpackedSize(gz);
      if (expected < 0) return null;
      if (sizeOf(target) === expected) continue;
      const bytes = await promisify(gunzip)(readFileSync(gz));
      if (bytes.length % 2 ** 32 !== expected) return null; // not one gzip member: no size to check a cache by
      writeFileDurably(target, bytes);
    }
  } catch {
    return null; // an unwritable cache costs a gunzip per worker start, nothing else
  }
  return folder;
}

/** A gzip file's ISIZE trailer: its unpacked size modulo 2^32. */
function unpackedSize(gz: string): number {
  const fd = openSync(gz, 'r');
  try {
    const size = statSync(gz).size;
    const b = Buffer.alloc(4);
    if (size < 18 || readSync(fd, b, 0, 4, size - 4) !== 4) return -1;
    return b.readUInt32LE(0);
  } finally {
    closeSync(fd);
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size % 2 ** 32;
  } catch {
    return -1;
  }
}
