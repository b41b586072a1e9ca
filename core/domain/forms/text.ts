/**
 * The text language of templates: literal text with `**bold**` / `__italic__` toggles and placeholders
 * `{{path | formatter:arg | …}}`. Markup is read from the template only, so a value containing `**` prints as is.
 */

export interface FormatterCall {
  name: string;
  arg: string | undefined;
}

export interface Placeholder {
  /** Dotted path into the scope ('applicant.fullName'), or '#' for the row number inside a table. */
  path: string;
  formatters: FormatterCall[];
}

export interface TextStyle {
  bold: boolean;
  italic: boolean;
}

export type Segment = (TextStyle & { text: string }) | (TextStyle & { placeholder: Placeholder });

/** A template string that does not parse; `message` says why (English, shown inside FORMS_TEMPLATE_INVALID). */
export class TemplateTextError extends Error {}

const PATH = /^(#|[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*)$/;
const NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/** Split on `|` outside single quotes. */
function splitPipes(body: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of body) {
    if (ch === "'") quoted = !quoted;
    if (ch === '|' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (quoted) throw new TemplateTextError(`unclosed quote in {{${body}}}`);
  parts.push(current);
  return parts;
}

function parseFormatter(src: string, body: string): FormatterCall {
  const trimmed = src.trim();
  const colon = trimmed.indexOf(':');
  const name = (colon < 0 ? trimmed : trimmed.slice(0, colon)).trim();
  if (!NAME.test(name)) throw new TemplateTextError(`bad formatter "${trimmed}" in {{${body}}}`);
  if (colon < 0) return { name, arg: undefined };
  const rawArg = trimmed.slice(colon + 1).trim();
  // A quoted argument keeps its spaces (suffix:', '); a bare one is trimmed.
  const arg = rawArg.length >= 2 && rawArg.startsWith("'") && rawArg.endsWith("'") ? rawArg.slice(1, -1) : rawArg;
  return { name, arg };
}

export function parsePlaceholder(body: string): Placeholder {
  const [pathPart, ...formatterParts] = splitPipes(body);
  const path = (pathPart ?? '').trim();
  if (!PATH.test(path)) throw new TemplateTextError(`bad placeholder path "${path}" in {{${body}}}`);
  return { path, formatters: formatterParts.map((f) => parseFormatter(f, body)) };
}

/** Parse a template string into styled literal and placeholder segments. */
export function parseText(src: string): Segment[] {
  const segments: Segment[] = [];
  const style: TextStyle = { bold: false, italic: false };
  let literal = '';
  const flush = (): void => {
    if (literal) segments.push({ ...style, text: literal });
    literal = '';
  };
  let i = 0;
  while (i < src.length) {
    if (src.startsWith('{{', i)) {
      const end = findClose(src, i + 2);
      if (end < 0) throw new TemplateTextError(`unclosed {{ in "${src}"`);
      flush();
      segments.push({ ...style, placeholder: parsePlaceholder(src.slice(i + 2, end)) });
      i = end + 2;
    } else if (src.startsWith('**', i)) {
      flush();
      style.bold = !style.bold;
      i += 2;
    } else if (src.startsWith('__', i)) {
      flush();
      style.italic = !style.italic;
      i += 2;
    } else {
      literal += src[i];
      i += 1;
    }
  }
  flush();
  return segments;
}

/** Index of the `}}` closing a placeholder, skipping quoted formatter arguments. */
function findClose(src: string, from: number): number {
  let quoted = false;
  for (let i = from; i < src.length; i++) {
    if (src[i] === "'") quoted = !quoted;
    else if (!quoted && src.startsWith('}}', i)) return i;
  }
  return -1;
}

/** Every placeholder of a template string (for validation). */
export function placeholdersOf(src: string): Placeholder[] {
  return parseText(src).flatMap((s) => ('placeholder' in s ? [s.placeholder] : []));
}

/** A block's `when`: 'path' (present and not empty/zero/false), '!path', 'path == value', 'path != value'. */
export interface Condition {
  path: string;
  negate: boolean;
  /** Compare the value's text with this, instead of testing presence. */
  equals: string | undefined;
}

export function parseCondition(src: string): Condition {
  const cmp = /^\s*([^\s=!]+)\s*(==|!=)\s*(.*?)\s*$/.exec(src);
  if (cmp) {
    const [, path = '', op, value = ''] = cmp;
    if (!PATH.test(path) || path === '#') throw new TemplateTextError(`bad path "${path}" in condition "${src}"`);
    return { path, negate: op === '!=', equals: value.replace(/^'(.*)'$/, '$1') };
  }
  const m = /^\s*(!?)\s*(\S+)\s*$/.exec(src);
  const path = m?.[2] ?? '';
  if (!m || !PATH.test(path) || path === '#') throw new TemplateTextError(`bad condition "${src}"`);
  return { path, negate: m[1] === '!', equals: undefined };
}
