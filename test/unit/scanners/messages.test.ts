import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../../core/i18n/translate';
import { scan } from '../../../core/i18n/messages/scan';
import type { MessageTree } from '../../../core/i18n/types';
import { SCAN_ERROR_CODES } from '../../../native/scanners/scanner';

const leaves = (tree: MessageTree, prefix = ''): Record<string, string> =>
  Object.fromEntries(Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v]] : Object.entries(leaves(v, `${prefix}${k}.`)))));

describe('scanner messages', () => {
  it('gives both languages the same keys and placeholders', () => {
    const vi = leaves(scan.vi);
    const en = leaves(scan.en);
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
    for (const key of Object.keys(vi)) expect(placeholders(vi[key]!), key).toEqual(placeholders(en[key]!));
  });

  it('says in Vietnamese what to do for every scanner error code, through the merged catalogue', () => {
    for (const code of SCAN_ERROR_CODES) {
      expect(leaves(scan.vi)[`errors.${code}`], code).toBeTypeOf('string');
      expect(errorMessage(code, { detail: 'x' }), code).not.toBe(errorMessage('INTERNAL'));
    }
    expect(errorMessage('SCAN_JAMMED', { detail: 'sane_read: Document feeder jammed' })).toMatch(/^Kẹt giấy trong khay nạp: mở nắp, gỡ tờ giấy bị kẹt rồi bấm Tiếp tục/);
    expect(errorMessage('SCAN_FEEDER_EMPTY', { detail: '' }, 'en')).toMatch(/feeder is empty/);
  });
});
