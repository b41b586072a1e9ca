/** Filling template strings from the form data: placeholder lookup, formatters, conditions, styles. */
import { applyFormatter, NO_BREAK, toText } from './formatters';
import { parseCondition, parseText, type Placeholder, type TextStyle } from './text';

export type FontKey = 'regular' | 'bold' | 'italic';

/** A run of text in one font. */
export interface Span {
  text: string;
  font: FontKey;
  /** A space the wrapper must not break at (it joins the words either side); printed as a plain space. */
  keep?: boolean;
}

/** Objects a path is looked up in, innermost first (a table row before the whole context). */
export type Scopes = readonly Record<string, unknown>[];

export function lookup(scopes: Scopes, path: string): unknown {
  const [head = '', ...rest] = path.split('.');
  const scope = scopes.find((s) => Object.prototype.hasOwnProperty.call(s, head));
  let value: unknown = scope?.[head];
  for (const part of rest) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

export function evaluatePlaceholder(ph: Placeholder, scopes: Scopes): string {
  let value = lookup(scopes, ph.path);
  for (const f of ph.formatters) value = applyFormatter(f.name, f.arg, value);
  return toText(value).normalize('NFC');
}

function fontOf(style: TextStyle): FontKey {
  // No bold-italic face is shipped; bold reads better on a form than italic.
  if (style.bold) return 'bold';
  return style.italic ? 'italic' : 'regular';
}

/** Fill a template string. `base` is the block's style; `**`/`__` in the template toggle from it. */
export function evaluateText(src: string, scopes: Scopes, base: TextStyle = { bold: false, italic: false }): Span[] {
  const spans: Span[] = [];
  for (const seg of parseText(src.normalize('NFC'))) {
    const font = fontOf({ bold: base.bold !== seg.bold, italic: base.italic !== seg.italic });
    const text = 'placeholder' in seg ? evaluatePlaceholder(seg.placeholder, scopes) : seg.text;
    text.split(NO_BREAK).forEach((part, i) => {
      if (i > 0) spans.push({ text: ' ', font, keep: true });
      if (!part) return;
      const last = spans[spans.length - 1];
      if (last && last.font === font && !last.keep) last.text += part;
      else spans.push({ text: part, font });
    });
  }
  return spans;
}

export function plainText(spans: readonly Span[]): string {
  return spans.map((s) => s.text).join('');
}

function truthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return value !== 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Evaluate a block's `when` (absent means always). */
export function evaluateCondition(src: string | undefined, scopes: Scopes): boolean {
  if (src === undefined) return true;
  const c = parseCondition(src);
  const value = lookup(scopes, c.path);
  const holds = c.equals === undefined ? truthy(value) : toText(value) === c.equals;
  return c.negate ? !holds : holds;
}
