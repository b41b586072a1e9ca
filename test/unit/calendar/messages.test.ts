import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendar } from '../../../core/i18n/messages/calendar';
import type { MessageTree } from '../../../core/i18n/types';

const sourceDir = new URL('../../../core/domain/calendar/', import.meta.url);
const thrownCodes = new Set<string>();
for (const file of readdirSync(sourceDir).filter((f) => f.endsWith('.ts'))) {
  const text = readFileSync(new URL(file, sourceDir), 'utf8');
  for (const match of text.matchAll(/AppError\(\s*'([A-Z0-9_]+)'/g)) thrownCodes.add(match[1]!);
}

describe('calendar messages', () => {
  it('finds the codes the engine throws', () => {
    expect([...thrownCodes].sort()).toEqual(
      expect.arrayContaining(['CALENDAR_BAD_DATETIME', 'CALENDAR_FILE_INVALID', 'CALENDAR_NO_WORKING_TIME', 'CALENDAR_WINDOWS_INVALID']),
    );
  });

  it.each(['vi', 'en'] as const)('has a %s message for every thrown code, and only CALENDAR_ codes', (locale) => {
    const errors = calendar[locale].errors as MessageTree;
    for (const code of thrownCodes) expect(typeof errors[code], code).toBe('string');
    for (const code of Object.keys(errors)) expect(code.startsWith('CALENDAR_')).toBe(true);
  });

  it('gives both languages the same keys and placeholders', () => {
    const leaves = (tree: MessageTree, prefix = ''): Record<string, string> =>
      Object.fromEntries(
        Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v]] : Object.entries(leaves(v, `${prefix}${k}.`)))),
      );
    const vi = leaves(calendar.vi);
    const en = leaves(calendar.en);
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
    for (const key of Object.keys(vi)) expect(placeholders(vi[key]!), key).toEqual(placeholders(en[key]!));
  });
});
