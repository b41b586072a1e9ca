/**
 * Reading the form resources from disk: the shipped fonts and templates, and an agency's template overrides.
 * Packaged apps keep resources/ elsewhere, hence the resourcesDir option; by default they are found
 * relative to this source file in the repository.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import { AppError } from '../../contract/errors';
import type { FontKey } from './evaluate';
import { parseTemplate, type FormTemplate } from './template';

type FontkitFont = ReturnType<typeof fontkit.create>;

export function defaultResourcesDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../resources');
}

/** DejaVu Serif Condensed: free licence, full Vietnamese coverage, about as dense as the Times of official forms. */
export const FONT_FILES: Record<FontKey, string> = {
  regular: 'fonts/DejaVuSerifCondensed.ttf',
  bold: 'fonts/DejaVuSerifCondensed-Bold.ttf',
  italic: 'fonts/DejaVuSerifCondensed-Italic.ttf',
};

export interface LoadedFont {
  bytes: Uint8Array;
  font: FontkitFont;
}
export type FontSet = Record<FontKey, LoadedFont>;

const fontCache = new Map<string, Promise<LoadedFont>>();

async function loadFont(file: string): Promise<LoadedFont> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    throw new AppError('FORMS_RESOURCES_MISSING', { path: file }, { cause: e });
  }
  return { bytes, font: fontkit.create(bytes) };
}

export async function loadFonts(resourcesDir: string = defaultResourcesDir()): Promise<FontSet> {
  const entries = await Promise.all(
    (Object.keys(FONT_FILES) as FontKey[]).map(async (key) => {
      const file = path.resolve(resourcesDir, FONT_FILES[key]);
      let pending = fontCache.get(file);
      if (!pending) {
        pending = loadFont(file);
        fontCache.set(file, pending);
        // A missing file may be installed later: do not cache the failure.
        pending.catch(() => fontCache.delete(file));
      }
      return [key, await pending] as const;
    }),
  );
  return Object.fromEntries(entries) as FontSet;
}

const FORM_NAME = /^[a-z][a-z0-9-]{0,63}$/;

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * The template of a form: <templatesDir>/<form>.json when the agency has one, else the built-in
 * <resourcesDir>/templates/<form>.json. Read on every print so an edited template applies at once.
 */
export async function loadTemplate(
  form: string,
  options: { templatesDir?: string | undefined; resourcesDir?: string | undefined } = {},
): Promise<FormTemplate> {
  if (!FORM_NAME.test(form)) throw new AppError('FORMS_UNKNOWN_FORM', { form });
  const candidates = [
    ...(options.templatesDir ? [path.resolve(options.templatesDir, `${form}.json`)] : []),
    path.resolve(options.resourcesDir ?? defaultResourcesDir(), 'templates', `${form}.json`),
  ];
  for (const file of candidates) {
    if (!(await isFile(file))) continue;
    return parseTemplate(await readFile(file, 'utf8'), file);
  }
  throw new AppError('FORMS_UNKNOWN_FORM', { form });
}
