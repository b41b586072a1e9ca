/**
 * The declarative layout language of printed forms (documented in resources/templates/README.md):
 * a zod schema for the JSON shape, then a semantic pass checking every placeholder path, formatter and
 * condition, so an agency's typo is reported with its location when the form is printed, not as a blank.
 */
import { z } from 'zod';
import { AppError } from '../../contract/errors';
import { CONTEXT_SHAPE, shapeAt, type ShapeNode, type ShapeTree } from './context';
import { checkFormatter } from './formatters';
import { parseCondition, parseText, TemplateTextError, type Placeholder } from './text';

const layouts = z.array(z.enum(['a4', '80mm'])).min(1);
const align = z.enum(['left', 'center', 'right']);

/** Props every block accepts. Lengths are millimetres and sizes points, as on A4; 80 mm scales them. */
const common = {
  comment: z.string().optional(),
  when: z.string().optional(),
  layouts: layouts.optional(),
  spaceBefore: z.number().min(0).max(60).optional(),
  size: z.number().min(6).max(28).optional(),
};

const headerBlock = z.strictObject({
  type: z.literal('header'),
  ...common,
  left: z.array(z.string()),
  right: z.array(z.string()),
  leftWidth: z.number().min(0.2).max(0.8).optional(),
});

const titleBlock = z.strictObject({
  type: z.literal('title'),
  ...common,
  text: z.string(),
  subtitle: z.array(z.string()).optional(),
});

const paragraphBlock = z.strictObject({
  type: z.literal('paragraph'),
  ...common,
  text: z.string(),
  align: align.optional(),
  indent: z.number().min(0).max(40).optional(),
  style: z.enum(['normal', 'bold', 'italic']).optional(),
});

const fieldsBlock = z.strictObject({
  type: z.literal('fields'),
  ...common,
  rows: z.array(z.strictObject({ label: z.string(), value: z.string(), when: z.string().optional() })).min(1),
  labelWidth: z.number().min(0.15).max(0.7).optional(),
  skipEmpty: z.boolean().optional(),
});

const tableBlock = z.strictObject({
  type: z.literal('table'),
  ...common,
  source: z.string(),
  columns: z
    .array(
      z.strictObject({
        header: z.string(),
        value: z.string(),
        width: z.number().positive().max(100),
        align: align.optional(),
        layouts: layouts.optional(),
      }),
    )
    .min(1),
  empty: z.string().optional(),
});

const qrBlock = z.strictObject({
  type: z.literal('qr'),
  ...common,
  content: z.string().optional(),
  qrSize: z.number().min(12).max(80).optional(),
  compactQrSize: z.number().min(12).max(70).optional(),
  caption: z.array(z.string()).optional(),
  align: align.optional(),
  /** A4 only: float at the right margin, following paragraphs and fields wrap beside it. */
  float: z.boolean().optional(),
});

const signaturesBlock = z.strictObject({
  type: z.literal('signatures'),
  ...common,
  columns: z
    .array(z.strictObject({ title: z.string(), note: z.string().optional(), name: z.string().optional() }))
    .min(1)
    .max(4),
  space: z.number().min(0).max(60).optional(),
});

const spacerBlock = z.strictObject({ type: z.literal('spacer'), ...common, height: z.number().min(0).max(100) });
const ruleBlock = z.strictObject({ type: z.literal('rule'), ...common, dashed: z.boolean().optional() });

const block = z.discriminatedUnion('type', [
  headerBlock,
  titleBlock,
  paragraphBlock,
  fieldsBlock,
  tableBlock,
  qrBlock,
  signaturesBlock,
  spacerBlock,
  ruleBlock,
]);

export const templateSchema = z.strictObject({
  $schema: z.string().optional(),
  comment: z.string().optional(),
  version: z.literal(1),
  title: z.string(),
  requires: z.array(z.string()).optional(),
  footer: z.string().optional(),
  blocks: z.array(block).min(1),
});

export type FormTemplate = z.infer<typeof templateSchema>;
export type Block = z.infer<typeof block>;
export type HeaderBlock = z.infer<typeof headerBlock>;
export type TitleBlock = z.infer<typeof titleBlock>;
export type ParagraphBlock = z.infer<typeof paragraphBlock>;
export type FieldsBlock = z.infer<typeof fieldsBlock>;
export type TableBlock = z.infer<typeof tableBlock>;
export type QrBlock = z.infer<typeof qrBlock>;
export type SignaturesBlock = z.infer<typeof signaturesBlock>;

/** QR content when a template does not say. */
export const DEFAULT_QR_CONTENT = '{{lookupTarget}}';
/** Extra names the footer may print. */
const FOOTER_SHAPE: ShapeTree = { page: true, pages: true };

function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(root)';
}

function invalid(source: string, path: string, problem: string): AppError {
  return new AppError('FORMS_TEMPLATE_INVALID', { template: source, path, problem }, { field: path });
}

/** Parse and check a template's JSON text. `source` names it in errors (e.g. 'receipt.json'). */
export function parseTemplate(jsonText: string, source: string): FormTemplate {
  let raw: unknown;
  try {
    raw = JSON.parse(jsonText);
  } catch (e) {
    throw invalid(source, '(file)', `not valid JSON: ${(e as Error).message}`);
  }
  return validateTemplate(raw, source);
}

export function validateTemplate(raw: unknown, source: string): FormTemplate {
  const result = templateSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw invalid(source, jsonPath(issue.path), issue.message);
  }
  checkSemantics(result.data, source);
  return result.data;
}

/** Scopes a string is checked against, innermost first. */
type Scopes = ShapeTree[];

function resolve(scopes: Scopes, path: string): ShapeNode | undefined {
  for (const s of scopes) {
    const node = shapeAt(s, path);
    if (node !== undefined) return node;
  }
  return undefined;
}

function checkPlaceholder(ph: Placeholder, scopes: Scopes): string | null {
  const node = resolve(scopes, ph.path);
  if (node === undefined) return `unknown placeholder "${ph.path}"`;
  for (const f of ph.formatters) {
    const problem = checkFormatter(f.name, f.arg);
    if (problem) return problem;
  }
  if (node !== true && ph.formatters[0]?.name !== 'count') {
    return Array.isArray(node)
      ? `"${ph.path}" is a list: print it with a table block, or count it with {{${ph.path} | count}}`
      : `"${ph.path}" is a group of values, not a value`;
  }
  return null;
}

function checkSemantics(t: FormTemplate, source: string): void {
  const root: Scopes = [CONTEXT_SHAPE];
  const text = (value: string | undefined, path: string, scopes: Scopes): void => {
    if (value === undefined) return;
    try {
      for (const seg of parseText(value)) {
        if (!('placeholder' in seg)) continue;
        const problem = checkPlaceholder(seg.placeholder, scopes);
        if (problem) throw invalid(source, path, problem);
      }
    } catch (e) {
      if (e instanceof TemplateTextError) throw invalid(source, path, e.message);
      throw e;
    }
  };
  const condition = (value: string | undefined, path: string, scopes: Scopes): void => {
    if (value === undefined) return;
    try {
      const c = parseCondition(value);
      if (resolve(scopes, c.path) === undefined) throw invalid(source, path, `unknown path "${c.path}" in condition`);
    } catch (e) {
      if (e instanceof TemplateTextError) throw invalid(source, path, e.message);
      throw e;
    }
  };
  const texts = (values: string[] | undefined, path: string, scopes: Scopes): void =>
    values?.forEach((v, i) => text(v, `${path}[${i}]`, scopes));

  text(t.title, 'title', root);
  text(t.footer, 'footer', [FOOTER_SHAPE, CONTEXT_SHAPE]);
  t.requires?.forEach((p, i) => {
    if (resolve(root, p) === undefined) throw invalid(source, `requires[${i}]`, `unknown path "${p}"`);
  });

  t.blocks.forEach((b, i) => {
    const at = `blocks[${i}]`;
    condition(b.when, `${at}.when`, root);
    switch (b.type) {
      case 'header':
        texts(b.left, `${at}.left`, root);
        texts(b.right, `${at}.right`, root);
        break;
      case 'title':
        text(b.text, `${at}.text`, root);
        texts(b.subtitle, `${at}.subtitle`, root);
        break;
      case 'paragraph':
        text(b.text, `${at}.text`, root);
        break;
      case 'fields':
        b.rows.forEach((r, j) => {
          text(r.label, `${at}.rows[${j}].label`, root);
          text(r.value, `${at}.rows[${j}].value`, root);
          condition(r.when, `${at}.rows[${j}].when`, root);
        });
        break;
      case 'table': {
        const node = shapeAt(CONTEXT_SHAPE, b.source);
        if (!Array.isArray(node)) throw invalid(source, `${at}.source`, `"${b.source}" is not a list of the form data`);
        const rowScopes: Scopes = [{ '#': true, ...node[0] }, CONTEXT_SHAPE];
        b.columns.forEach((c, j) => {
          text(c.header, `${at}.columns[${j}].header`, root);
          text(c.value, `${at}.columns[${j}].value`, rowScopes);
        });
        text(b.empty, `${at}.empty`, root);
        break;
      }
      case 'qr':
        text(b.content, `${at}.content`, root);
        texts(b.caption, `${at}.caption`, root);
        break;
      case 'signatures':
        b.columns.forEach((c, j) => {
          text(c.title, `${at}.columns[${j}].title`, root);
          text(c.note, `${at}.columns[${j}].note`, root);
          text(c.name, `${at}.columns[${j}].name`, root);
        });
        break;
      case 'spacer':
      case 'rule':
        break;
    }
  });
}
