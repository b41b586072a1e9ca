/** Translation for code outside React (core, CLI, logs): the same catalogue the renderer uses. */
import { catalogue } from './catalogue';
import { DEFAULT_LOCALE, type Locale, type MessageTree } from './types';

function lookup(tree: MessageTree, key: string): string | undefined {
  let node: string | MessageTree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function hasMessage(key: string, locale: Locale = DEFAULT_LOCALE): boolean {
  return lookup(catalogue[locale], key) !== undefined;
}

export function t(key: string, params: Record<string, unknown> = {}, locale: Locale = DEFAULT_LOCALE): string {
  return render(lookup(catalogue[locale], key) ?? lookup(catalogue[DEFAULT_LOCALE], key) ?? key, params, locale, 0);
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

const paramText = (params: Record<string, unknown>, name: string): string => {
  const v = params[name];
  return v === undefined || v === null ? '' : String(v);
};

/**
 * One pass over the template's own tokens: {{name}} is a param; $t(key) is i18next's nesting, as the renderer has it —
 * "$t(dossier.states.{{state}})" shows the state's label with the same params, not its id (an id with no label shows
 * as itself). Param values are never scanned again, so a user's text that holds "$t(…)" or "{{…}}" is shown as typed.
 * A few levels at most: a label never nests for ever.
 */
function render(template: string, params: Record<string, unknown>, locale: Locale, depth: number): string {
  return template.replace(/\$t\(([^()]*)\)|\{\{\s*(\w+)\s*\}\}/g, (_, nestedKey: string | undefined, name: string | undefined) => {
    if (name !== undefined) return paramText(params, name);
    const raw = nestedKey!;
    const key = raw.replace(PLACEHOLDER, (__, n: string) => paramText(params, n));
    const firstParam = raw.indexOf('{{');
    const id = firstParam >= 0 ? key.slice(firstParam) : key.slice(key.lastIndexOf('.') + 1);
    if (depth > 3 || !/^[\w.-]+$/.test(key)) return id;
    const nested = lookup(catalogue[locale], key) ?? lookup(catalogue[DEFAULT_LOCALE], key);
    return nested === undefined ? id : render(nested, params, locale, depth + 1);
  });
}

/** Message for an error code, falling back to INTERNAL's text for a code with no entry. */
export function errorMessage(code: string, params: Record<string, unknown> = {}, locale: Locale = DEFAULT_LOCALE): string {
  const key = `errors.${code}`;
  return hasMessage(key, locale) || hasMessage(key) ? t(key, params, locale) : t('errors.INTERNAL', params, locale);
}
