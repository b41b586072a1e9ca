/** The motcua pdf messages: both languages alike, every CLI_PDF_ code reachable through the merged catalogue and exit 2. */
import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../../core/adapters/cli/runtime';
import { pdf } from '../../../core/i18n/messages/pdf';
import { errorMessage } from '../../../core/i18n/translate';
import type { MessageTree } from '../../../core/i18n/types';

const leaves = (tree: MessageTree, prefix = ''): Record<string, string> =>
  Object.fromEntries(Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v]] : Object.entries(leaves(v, `${prefix}${k}.`)))));

describe('pdf messages', () => {
  it('gives both languages the same keys and placeholders', () => {
    const vi = leaves(pdf.vi);
    const en = leaves(pdf.en);
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
    for (const key of Object.keys(vi)) expect(placeholders(vi[key]!), key).toEqual(placeholders(en[key]!));
  });

  it('says each bad-input error in Vietnamese first, and the CLI exits 2 for it', () => {
    const codes = Object.keys(leaves(pdf.vi)).filter((k) => k.startsWith('errors.')).map((k) => k.slice('errors.'.length));
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) {
      expect(errorMessage(code, { file: 'a.png', dir: 'x', detail: 'd' })).toBe(leaves(pdf.vi)[`errors.${code}`]!.replace(/\{\{(\w+)\}\}/g, (_, k: string) => ({ file: 'a.png', dir: 'x', detail: 'd' })[k]!));
      expect(exitCodeFor(code), code).toBe(2);
    }
  });
});
