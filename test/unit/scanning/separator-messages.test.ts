import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { separators } from '../../../core/i18n/messages/separators';
import { errorMessage, hasMessage } from '../../../core/i18n/translate';
import type { MessageTree } from '../../../core/i18n/types';

const leaves = (tree: MessageTree, prefix = ''): Record<string, string> =>
  Object.fromEntries(Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v]] : Object.entries(leaves(v, `${prefix}${k}.`)))));

describe('separator messages', () => {
  it('gives both languages the same keys and placeholders', () => {
    const vi = leaves(separators.vi);
    const en = leaves(separators.en);
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
    for (const key of Object.keys(vi)) expect(placeholders(vi[key]!), key).toEqual(placeholders(en[key]!));
  });

  it('has every text the printed sheet uses, in both languages', () => {
    const source = readFileSync(path.resolve(import.meta.dirname, '../../../core/services/scanning/separators/sheet.ts'), 'utf8');
    const keys = [...source.matchAll(/\bs\('(\w+)'/g)].map((m) => `separators.sheet.${m[1]}`);
    expect(keys.length).toBeGreaterThan(8);
    for (const key of new Set(keys)) {
      expect(hasMessage(key, 'vi'), key).toBe(true);
      expect(hasMessage(key, 'en'), key).toBe(true);
    }
  });

  it('explains the sheet refusals in Vietnamese through the merged catalogue', () => {
    expect(errorMessage('CATALOGUE_PROCEDURE_CODE_NOT_FOUND', { code: '1.0001' })).toBe('Danh mục không có thủ tục mã "1.0001". Hãy tìm lại thủ tục trong danh mục rồi in tờ phân cách.');
    expect(errorMessage('CATALOGUE_PROCEDURE_CODE_AMBIGUOUS', { code: '1.0001', agencies: 'A, B' })).toContain('nhiều cơ quan (A, B)');
    expect(errorMessage('CATALOGUE_PROCEDURE_CODE_AMBIGUOUS', { code: '1.0001', agencies: 'A, B' }, 'en')).toContain('several agencies (A, B)');
  });
});
