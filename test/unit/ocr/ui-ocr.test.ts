/**
 * The OCR and search screens' pure parts: their messages (core/i18n/messages/ui-ocr.ts: both languages alike, every
 * key the screens name present), the snippet cut into highlighted parts from the core's offsets, the badge a page
 * shows for each OCR state, and the address a search hit opens.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PageOcr } from '../../../core/contract/ocr';
import { catalogue } from '../../../core/i18n/catalogue';
import { uiOcr } from '../../../core/i18n/messages/ui-ocr';
import type { MessageTree } from '../../../core/i18n/types';
import { ocrBadge } from '../../../renderer/src/screens/scanning/ocr-page';
import { dossierPageHref } from '../../../renderer/src/screens/search/commands';
import { snippetParts } from '../../../renderer/src/screens/search/highlight';

const leaves = (tree: MessageTree, prefix = ''): Record<string, string> =>
  Object.fromEntries(Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v]] : Object.entries(leaves(v, `${prefix}${k}.`)))));

const read = (rel: string) => {
  const dir = new URL(`../../../renderer/src/${rel}`, import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') || f.endsWith('.tsx'))
    .map((f) => readFileSync(new URL(f, dir), 'utf8'));
};
const sources = [...read('screens/search/'), ...read('screens/scanning/'), ...read('screens/dossiers/'), ...read('shortcuts/')];
const usedKeys = new Set(sources.flatMap((s) => [...s.matchAll(/\bt\(\s*'(ocrUi\.[\w.]+)'/g)].map((m) => m[1]!)));

const vi = catalogue.vi as MessageTree;
const t = (key: string, opts: Record<string, unknown> = {}) => {
  const text = leaves(vi)[key];
  if (text === undefined) throw new Error(`no message ${key}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(opts[k]));
};

function page(over: Partial<PageOcr>): PageOcr {
  return { pageId: 'p1', dossierId: 'd1', itemCode: 'TP1', position: 1, state: 'done', confidence: 91.6, wordCount: 12, flagged: false, review: null, tries: 1, error: null, ...over };
}

describe('OCR screens: messages', () => {
  it('owns only the top-level key "ocrUi", with the same keys and placeholders in both languages', () => {
    expect(Object.keys(uiOcr.vi)).toEqual(['ocrUi']);
    expect(Object.keys(uiOcr.en)).toEqual(['ocrUi']);
    const a = leaves(uiOcr.vi);
    const b = leaves(uiOcr.en);
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
    for (const key of Object.keys(a)) expect(placeholders(a[key]!), key).toEqual(placeholders(b[key]!));
  });

  it('has every key the screens name', () => {
    expect(usedKeys.size).toBeGreaterThan(40);
    for (const locale of ['vi', 'en'] as const) {
      const all = leaves(catalogue[locale]);
      const missing = [...usedKeys].filter((k) => typeof all[k] !== 'string');
      expect({ locale, missing }).toEqual({ locale, missing: [] });
    }
  });
});

describe('search snippet highlights', () => {
  const text = 'Giấy chứng nhận quyền sử dụng đất';

  it('marks the ranges given and keeps every character once', () => {
    const parts = snippetParts(text, [
      [16, 21],
      [30, 33],
    ]);
    expect(parts).toEqual([
      { text: 'Giấy chứng nhận ', mark: false },
      { text: 'quyền', mark: true },
      { text: ' sử dụng ', mark: false },
      { text: 'đất', mark: true },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  it('sorts, merges overlapping ranges and clips those outside the text', () => {
    const parts = snippetParts(text, [
      [30, 99],
      [16, 21],
      [18, 24],
      [-5, 0],
      [10, 10],
    ]);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['quyền sử', 'đất']);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(snippetParts('', [[0, 3]])).toEqual([]);
    expect(snippetParts(text, [])).toEqual([{ text, mark: false }]);
  });
});

describe('OCR badge of a page', () => {
  it('says each state in Vietnamese, with the confidence and the reason', () => {
    expect(ocrBadge(t, undefined)).toBeNull();
    expect(ocrBadge(t, page({ state: 'none' }))).toBeNull();
    expect(ocrBadge(t, page({ state: 'waiting', confidence: null }))).toEqual({ kind: 'waiting', text: 'Chờ đọc chữ' });
    expect(ocrBadge(t, page({ state: 'running', confidence: null }))).toEqual({ kind: 'running', text: 'Đang đọc chữ…' });
    expect(ocrBadge(t, page({}))).toEqual({ kind: 'done', text: 'Đã đọc chữ 92%' });
    expect(ocrBadge(t, page({ confidence: null, wordCount: 0 }))).toEqual({ kind: 'done', text: 'Đã đọc: không có chữ' });
    expect(ocrBadge(t, page({ confidence: 41.2, flagged: true }))).toEqual({ kind: 'flagged', text: 'Cần xem lại (41%)' });
    expect(ocrBadge(t, page({ confidence: null, flagged: true }))?.kind).toBe('flagged');
    expect(ocrBadge(t, page({ confidence: 41.2, review: 'accepted' }))).toEqual({ kind: 'accepted', text: 'Đã chấp nhận (41%)' });
    expect(ocrBadge(t, page({ confidence: 41.2, review: 'rescan' }))).toEqual({ kind: 'rescan', text: 'Chờ quét lại' });
    expect(ocrBadge(t, page({ state: 'failed', confidence: null, error: { code: 'OCR_IMAGE_UNREADABLE', message: 'Ảnh hỏng' } }))).toEqual({
      kind: 'failed',
      text: 'Lỗi đọc chữ: Ảnh hỏng',
    });
  });
});

describe('search hit address', () => {
  it('opens the dossier record at the item and page, every part escaped', () => {
    expect(dossierPageHref({ dossierId: 'd 1', itemCode: 'TP&1', pageId: 'p/1' })).toBe('/dossiers?id=d+1&item=TP%261&page=p%2F1');
  });
});
