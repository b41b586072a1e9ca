/**
 * renderForm: a printed counter form (Circular 01/2018/TT-VPCP) as PDF bytes. The template (data) is laid
 * out with the real font metrics, then drawn with pdf-lib; fonts are embedded as subsets, which carry a
 * ToUnicode map so the Vietnamese text stays searchable and copyable.
 */
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { evaluateText, plainText, type FontKey } from './evaluate';
import { localDateTimeToDate } from './format';
import type { LaidOutDocument } from './layout';
import { formLabel, prepareForm } from './prepare';
import type { FontSet } from './resources';
import type { FormContext, RenderFormOptions } from './types';

const BLACK = rgb(0, 0, 0);

/** Draw a laid-out document with pdf-lib (fonts embedded as subsets). */
export async function toPdf(doc: LaidOutDocument, fonts: FontSet): Promise<PDFDocument> {
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
 * options.reprint prints the reprint mark across the top.
 */
export async function renderForm(formName: string, context: FormContext, options: RenderFormOptions): Promise<Uint8Array> {
  const { laidOut, fonts, ctx, template, scopes } = await prepareForm(formName, context, options);
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
