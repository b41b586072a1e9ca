/**
 * renderForm: a printed counter form (Circular 01/2018/TT-VPCP) as PDF bytes. The template (data) is laid
 * out with the real font metrics, then drawn with pdf-lib; fonts are embedded as subsets, which carry a
 * ToUnicode map so the Vietnamese text stays searchable and copyable.
 */
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { AppError } from '../../contract/errors';
import { forms as formMessages } from '../../i18n/messages/forms';
import type { MessageTree } from '../../i18n/types';
import { computedValues, parseFormContext } from './context';
import { evaluateCondition, evaluateText, plainText, type FontKey, type Scopes } from './evaluate';
import { localDateTimeToDate } from './format';
import { layoutForm, type FontMetrics, type LaidOutDocument } from './layout';
import { defaultResourcesDir, loadFonts, loadTemplate, type FontSet } from './resources';
import type { FormContext, RenderFormOptions } from './types';

const BLACK = rgb(0, 0, 0);

function metricsOf(fonts: FontSet): FontMetrics {
  const cache = new Map<string, number>();
  const measure = (text: string, font: FontKey, size: number): number => {
    const key = `${font}\u0000${text}`;
    let em = cache.get(key);
    if (em === undefined) {
      // Same sum of advance widths pdf-lib uses when it draws (it ignores GPOS offsets too).
      const f = fonts[font].font;
      em = f.layout(text).glyphs.reduce((w, g) => w + g.advanceWidth, 0) / f.unitsPerEm;
      cache.set(key, em);
    }
    return em * size;
  };
  const regular = fonts.regular.font;
  return { measure, ascent: regular.ascent / regular.unitsPerEm, descent: Math.abs(regular.descent) / regular.unitsPerEm };
}

/** Stand-ins for characters the shipped fonts lack (a dropped glyph would silently lose text). */
const STAND_INS: Record<string, string> = { '\u20AB': 'đ' };

/** Replace characters no shipped face can draw: a known stand-in, the bare letter, or '?'. */
function fitToFonts(fonts: FontSet): <T>(value: T) => T {
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

function formLabel(form: string): string {
  const names = (formMessages.vi['forms'] as MessageTree | undefined)?.['names'];
  const name = typeof names === 'object' ? names[form] : undefined;
  return typeof name === 'string' ? name : form;
}

async function toPdf(doc: LaidOutDocument, fonts: FontSet): Promise<PDFDocument> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const embedded = new Map<FontKey, PDFFont>();
  const fontFor = async (key: FontKey): Promise<PDFFont> => {
    let f = embedded.get(key);
    if (!f) {
      f = await pdf.embedFont(fonts[key].bytes, { subset: true });
      embedded.set(key, f);
    }
    return f;
  };
  for (const laid of doc.pages) {
    const page = pdf.addPage([doc.width, laid.height]);
    const h = laid.height;
    for (const op of laid.ops) {
      if (op.kind === 'text') {
        page.drawText(op.text, { x: op.x, y: h - op.y, size: op.size, font: await fontFor(op.font), color: BLACK });
      } else if (op.kind === 'line') {
        page.drawLine({
          start: { x: op.x1, y: h - op.y1 },
          end: { x: op.x2, y: h - op.y2 },
          thickness: op.width,
          color: BLACK,
          ...(op.dashed ? { dashArray: [2, 2] } : {}),
        });
      } else {
        // SVG coordinates grow downwards from (x, y): the top-left corner of the quiet zone.
        page.drawSvgPath(op.path, { x: op.x, y: h - op.y, scale: op.side / op.modules, color: BLACK, borderWidth: 0 });
      }
    }
  }
  return pdf;
}

/**
 * Render one form. `context` is validated (FORMS_CONTEXT_INVALID) and its strings NFC-normalised; the
 * template comes from options.templatesDir when it has <form>.json, else from the built-in templates.
 */
export async function renderForm(formName: string, context: FormContext, options: RenderFormOptions): Promise<Uint8Array> {
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
  const laidOut = layoutForm({ template, context: ctx, computed, layout: options.layout, metrics: metricsOf(fonts) });
  const pdf = await toPdf(laidOut, fonts);

  const title = plainText(evaluateText(template.title, scopes)).trim() || formLabel(formName);
  pdf.setTitle(title, { showInWindowTitleBar: true });
  pdf.setAuthor(ctx.agency.name);
  pdf.setSubject(`${ctx.dossier.code} — ${ctx.procedure.name}`);
  pdf.setKeywords([ctx.dossier.code, ctx.procedure.code, formName]);
  pdf.setLanguage('vi');
  pdf.setCreator('MotCua Desk');
  pdf.setProducer('MotCua Desk (pdf-lib)');
  const printed = localDateTimeToDate(ctx.printedAt);
  if (printed) {
    pdf.setCreationDate(printed);
    pdf.setModificationDate(printed);
  }
  return pdf.save({ useObjectStreams: true });
}
