/** Checking the FormContext the service passes, and the map of paths a template may print. */
import { z } from 'zod';
import { AppError } from '../../contract/errors';
import { parseLocalDateTime } from './format';
import type { FormContext } from './types';

const localDateTime = z
  .string()
  .refine((v) => parseLocalDateTime(v) !== null, { message: "expected a local time 'YYYY-MM-DDTHH:mm'" });
const text = z.string().trim().min(1);
const vnd = z.int().nonnegative();

const person = z.object({
  fullName: text,
  idNumber: z.string(),
  address: z.string(),
  phone: z.string().optional(),
  email: z.string().optional(),
  kind: z.enum(['citizen', 'organisation']),
});

export const formContextSchema: z.ZodType<FormContext> = z.object({
  agency: z.object({
    code: text,
    name: text,
    parentName: z.string().optional(),
    address: z.string().optional(),
    phone: z.string().optional(),
    place: z.string().optional(),
  }),
  dossier: z.object({
    code: text,
    id: z.uuid(),
    lookupPin: text,
    receivedAt: localDateTime,
    dueAt: localDateTime.nullable(),
    newDueAt: localDateTime.optional(),
    resultReturn: z.enum(['counter', 'post']),
    returnAddress: z.string().optional(),
    channel: z.enum(['direct', 'online', 'postal']),
    processingTime: z.string().optional(),
  }),
  procedure: z.object({ code: text, name: text, field: z.string().optional() }),
  applicant: person,
  submitter: person.optional(),
  checklist: z.array(
    z.object({
      name: text,
      mark: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
      markLabel: z.string(),
      copies: z.int().nonnegative(),
      received: z.boolean(),
      note: z.string().optional(),
    }),
  ),
  fees: z.object({
    fee: vnd,
    charge: vnd,
    postage: vnd,
    paid: vnd,
    due: vnd,
    receiptNumber: z.string().max(60).optional(),
    receiptFormNumber: z.string().max(20).optional(),
    receiptSeries: z.string().max(20).optional(),
  }),
  officer: z.object({ name: text, title: z.string().optional() }),
  supplement: z
    .object({ items: z.array(z.object({ name: text, reason: text })).min(1), note: z.string().optional() })
    .optional(),
  refusal: z.object({ reason: text }).optional(),
  apology: z.object({ reason: text, newDueAt: localDateTime }).optional(),
  handover: z
    .object({
      dossiers: z
        .array(
          z.object({ code: text, procedureName: text, applicantName: text, pages: z.int().nonnegative().optional() }),
        )
        .min(1),
      from: text,
      to: text,
    })
    .optional(),
  lookupUrl: z.url({ protocol: /^https?$/ }).optional(),
  printedAt: localDateTime,
});

/** Validate (and NFC-normalise every string: PDF glyph layout cannot compose NFD diacritics). */
export function parseFormContext(input: unknown): FormContext {
  const result = formContextSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue ? issue.path.map(String).join('.') : '';
    const summary = issue ? `${field || '(root)'}: ${issue.message}` : 'invalid';
    throw new AppError('FORMS_CONTEXT_INVALID', { summary }, { field, details: result.error.issues });
  }
  return normaliseStrings(result.data);
}

function normaliseStrings<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((v) => normaliseStrings(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normaliseStrings(v)])) as T;
  }
  return value;
}

/** `{code}` in a lookup address, also as a URL parser escapes it. */
const CODE_SLOT = /\{code\}|%7Bcode%7D/i;

/** The lookup address to print: `{code}` filled in as in the QR; '' without a lookup page. */
export function lookupPage(context: FormContext): string {
  if (!context.lookupUrl) return '';
  const code = encodeURIComponent(context.dossier.code);
  return context.lookupUrl.replace(new RegExp(CODE_SLOT.source, 'gi'), () => code);
}

/**
 * What the QR holds when a lookup page is configured: the address with `{code}` replaced by the URL-encoded
 * dossier code (`…/tra-cuu/{code}`), or else with `?code=<code>` added; without a page, the bare code.
 */
export function lookupTarget(context: FormContext): string {
  if (!context.lookupUrl) return context.dossier.code;
  if (CODE_SLOT.test(context.lookupUrl)) return lookupPage(context);
  const url = new URL(context.lookupUrl);
  url.searchParams.set('code', context.dossier.code);
  return url.toString();
}

/**
 * The printable paths of FormContext, as a tree the template checker walks. The mapped type makes the
 * compiler reject this constant when FormContext gains or loses a field.
 */
type Shape<T> = {
  [K in keyof T]-?: NonNullable<T[K]> extends (infer U)[]
    ? [Shape<U>]
    : NonNullable<T[K]> extends object
      ? Shape<NonNullable<T[K]>>
      : true;
};
export type ShapeNode = true | [ShapeTree] | ShapeTree;
export interface ShapeTree {
  [key: string]: ShapeNode;
}

const personShape: Shape<FormContext['applicant']> = {
  fullName: true,
  idNumber: true,
  address: true,
  phone: true,
  email: true,
  kind: true,
};

const contextShape: Shape<FormContext> = {
  agency: { code: true, name: true, parentName: true, address: true, phone: true, place: true },
  dossier: {
    code: true,
    id: true,
    lookupPin: true,
    receivedAt: true,
    dueAt: true,
    newDueAt: true,
    resultReturn: true,
    returnAddress: true,
    channel: true,
    processingTime: true,
  },
  procedure: { code: true, name: true, field: true },
  applicant: personShape,
  submitter: personShape,
  checklist: [{ name: true, mark: true, markLabel: true, copies: true, received: true, note: true }],
  fees: { fee: true, charge: true, postage: true, paid: true, due: true, receiptNumber: true, receiptFormNumber: true, receiptSeries: true },
  officer: { name: true, title: true },
  supplement: { items: [{ name: true, reason: true }], note: true },
  refusal: { reason: true },
  apology: { reason: true, newDueAt: true },
  handover: { dossiers: [{ code: true, procedureName: true, applicantName: true, pages: true }], from: true, to: true },
  lookupUrl: true,
  printedAt: true,
};

/** Values computed for every form, beside the context (see resources/templates/README.md). */
export interface ComputedValues {
  /** What the QR holds. */
  lookupTarget: string;
  /** The lookup address to print, `{code}` filled in ('' without one). */
  lookupPage: string;
  /** The person at the counter: the submitter when there is one, else the applicant. */
  submitterName: string;
  /** fee + charge + postage (VND). */
  feeTotal: number;
}

export function computedValues(context: FormContext): ComputedValues {
  const { fee, charge, postage } = context.fees;
  return {
    lookupTarget: lookupTarget(context),
    lookupPage: lookupPage(context),
    submitterName: (context.submitter ?? context.applicant).fullName,
    feeTotal: fee + charge + postage,
  };
}

export const COMPUTED_SHAPE: Shape<ComputedValues> = { lookupTarget: true, lookupPage: true, submitterName: true, feeTotal: true };

export const CONTEXT_SHAPE: ShapeTree = { ...(contextShape as unknown as ShapeTree), ...(COMPUTED_SHAPE as ShapeTree) };

/** The node a dotted path names in a shape tree, or undefined. */
export function shapeAt(tree: ShapeTree, path: string): ShapeNode | undefined {
  let node: ShapeNode | undefined = tree;
  for (const part of path.split('.')) {
    if (node === undefined || node === true || Array.isArray(node)) return undefined;
    node = Object.prototype.hasOwnProperty.call(node, part) ? node[part] : undefined;
  }
  return node;
}
