/**
 * A form laid out and ready to draw, with nothing drawn yet: the PDF renderer (render.ts) and the thermal raster
 * renderer (core/services/printing/render) both start here, so a receipt has the same lines on paper of every kind.
 * No pdf-lib here: a thermal print never loads the PDF library.
 */
import { AppError } from '../../contract/errors';
import { forms as formMessages } from '../../i18n/messages/forms';
import type { MessageTree } from '../../i18n/types';
import { computedValues, parseFormContext } from './context';
import { evaluateCondition, type FontKey, type Scopes } from './evaluate';
import { layoutForm, type FontMetrics, type LaidOutDocument } from './layout';
import { defaultResourcesDir, loadFonts, loadTemplate, type FontSet } from './resources';
import type { FormTemplate } from './template';
import type { FormContext, RenderFormOptions } from './types';

const metricsCache = new WeakMap<FontSet[FontKey], FontMetrics>();

/** Measures with the fonts' advance widths (what pdf-lib draws); one measure cache per loaded font set. */
export function metricsOf(fonts: FontSet): FontMetrics {
  const cached = metricsCache.get(fonts.regular);
  if (cached) return cached;
  const cache = new Map<string, number>();
  const measure = (text: string, font: FontKey, size: number): number => {
    const key = `${font}\u0000${text}`;
    let em = cache.get(key);
    if (em === undefined) {
      // Same sum of advance widths pdf-lib uses when it draws (it ignores GPOS offsets too).
      const f = fonts[font].font;
      em = f.layout(text).glyphs.reduce((w, g) => w + g.advanceWidth, 0) / f.unitsPerEm;
      if (cache.size > 20_000) cache.clear();
      cache.set(key, em);
    }
    return em * size;
  };
  const regular = fonts.regular.font;
  const metrics = { measure, ascent: regular.ascent / regular.unitsPerEm, descent: Math.abs(regular.descent) / regular.unitsPerEm };
  metricsCache.set(fonts.regular, metrics);
  return metrics;
}

/** Stand-ins for characters the shipped fonts lack (a dropped glyph would silently lose text). */
const STAND_INS: Record<string, string> = { '\u20AB': 'đ' };

/** Replace characters no shipped face can draw: a known stand-in, the bare letter, or '?'. */
export function fitToFonts(fonts: FontSet): <T>(value: T) => T {
  const faces = Object.values(fonts).map((f) => f.font);
  const drawable = (ch: string): boolean => faces.every((f) => f.hasGlyphForCodePoint(ch.codePointAt(0)!));
  const fixChar = (ch: string): string => {
    if (/\s/.test(ch) || drawable(ch)) return ch;
    const standIn = STAND_INS[ch];
    if (standIn !== undefined) return standIn;
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    return base && [...base].every(drawable) ? base : '?';
  };
  const fix = <T>(value: T): T => {
    if (typeof value === 'string') return [...value].map(fixChar).join('') as T;
    if (Array.isArray(value)) return value.map((v) => fix(v)) as T;
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fix(v)])) as T;
    }
    return value;
  };
  return fix;
}

export function formLabel(form: string): string {
  const names = (formMessages.vi['forms'] as MessageTree | undefined)?.['names'];
  const name = typeof names === 'object' ? names[form] : undefined;
  return typeof name === 'string' ? name : form;
}

export interface PreparedForm {
  laidOut: LaidOutDocument;
  fonts: FontSet;
  /** The context as validated, NFC and fitted to the fonts. */
  ctx: FormContext;
  template: FormTemplate;
  scopes: Scopes;
}

/**
 * Validate the context (FORMS_CONTEXT_INVALID), fit it and the template to the fonts, check the template's
 * requirements (FORMS_CONTEXT_INCOMPLETE) and lay the form out.
 */
export async function prepareForm(formName: string, context: FormContext, options: RenderFormOptions): Promise<PreparedForm> {
  const parsed = parseFormContext(context);
  const resourcesDir = options.resourcesDir ?? defaultResourcesDir();
  const fonts = await loadFonts(resourcesDir);
  const fit = fitToFonts(fonts);
  const ctx = fit(parsed);
  const template = fit(await loadTemplate(formName, { templatesDir: options.templatesDir, resourcesDir }));
  const computed = computedValues(ctx) as unknown as Record<string, unknown>;
  const scopes: Scopes = [computed, ctx as unknown as Record<string, unknown>];
  for (const required of template.requires ?? []) {
    if (!evaluateCondition(required, scopes)) {
      throw new AppError('FORMS_CONTEXT_INCOMPLETE', { form: formLabel(formName), field: required }, { field: required });
    }
  }
  const reprint = options.reprint ? { at: fit(options.reprint.at) } : undefined;
  const laidOut = layoutForm({ template, context: ctx, computed, layout: options.layout, metrics: metricsOf(fonts), reprint });
  return { laidOut, fonts, ctx, template, scopes };
}
