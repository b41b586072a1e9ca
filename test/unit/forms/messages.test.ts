import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { forms } from '../../../core/i18n/messages/forms';
import type { MessageTree } from '../../../core/i18n/types';

const formsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../core/domain/forms');

function keys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

describe('forms messages', () => {
  it('has a Vietnamese and an English text for every error code the forms code throws', () => {
    const codes = new Set<string>();
    for (const file of readdirSync(formsDir)) {
      for (const m of readFileSync(path.join(formsDir, file), 'utf8').matchAll(/AppError\(\s*'([A-Z_]+)'/g)) codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThanOrEqual(5);
    const errorsVi = forms.vi['errors'] as MessageTree;
    const errorsEn = forms.en['errors'] as MessageTree;
    for (const code of codes) {
      expect(code.startsWith('FORMS_')).toBe(true);
      expect(typeof errorsVi[code]).toBe('string');
      expect(typeof errorsEn[code]).toBe('string');
    }
  });

  it('has the same keys in both languages, and the mark and return labels', () => {
    expect(keys(forms.vi).sort()).toEqual(keys(forms.en).sort());
    const vi = forms.vi['forms'] as Record<string, MessageTree>;
    expect(vi['mark']).toEqual({ '1': 'Bản chụp', '2': 'Bản sao chứng thực', '3': 'Bản chính', '4': 'Bản dịch' });
    expect(Object.keys(vi['returnMethod']!)).toEqual(['counter', 'post']);
  });
});
