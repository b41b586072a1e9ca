import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../core/i18n/catalogue';
import { uiReception } from '../../../core/i18n/messages/ui-reception';
import type { MessageTree } from '../../../core/i18n/types';

const leaves = (tree: MessageTree, prefix = ''): Record<string, string> =>
  Object.fromEntries(Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v]] : Object.entries(leaves(v, `${prefix}${k}.`)))));

const screenDir = new URL('../../../renderer/src/screens/reception/', import.meta.url);
const sources = [
  ...readdirSync(screenDir)
    .filter((f) => f.endsWith('.ts') || f.endsWith('.tsx'))
    .map((f) => readFileSync(new URL(f, screenDir), 'utf8')),
  readFileSync(new URL('../../../renderer/src/shortcuts/registry.ts', import.meta.url), 'utf8'),
];
/** Keys written out in full in the code: t('reception.x.y'). */
const usedKeys = new Set(sources.flatMap((s) => [...s.matchAll(/\bt\(\s*'((?:reception|forms|dossier|cccd|ui)\.[\w.]+)'/g)].map((m) => m[1]!)));

describe('reception messages', () => {
  it('owns only the top-level key "reception"', () => {
    expect(Object.keys(uiReception.vi)).toEqual(['reception']);
    expect(Object.keys(uiReception.en)).toEqual(['reception']);
  });

  it('gives both languages the same keys and placeholders', () => {
    const vi = leaves(uiReception.vi);
    const en = leaves(uiReception.en);
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
    for (const key of Object.keys(vi)) expect(placeholders(vi[key]!), key).toEqual(placeholders(en[key]!));
  });

  it('has every key the screen names, in the merged catalogue, in both languages', () => {
    expect(usedKeys.size).toBeGreaterThan(50);
    for (const locale of ['vi', 'en'] as const) {
      const all = leaves(catalogue[locale]);
      const missing = [...usedKeys].filter((k) => typeof all[k] !== 'string');
      expect({ locale, missing }).toEqual({ locale, missing: [] });
    }
  });

  it('has every mark, check result and form label the screen builds from codes', () => {
    const all = leaves(catalogue.vi);
    for (const m of [1, 2, 3, 4]) expect(all[`forms.mark.${m}`]).toBeTruthy();
    for (const c of [0, 1, 2]) expect(all[`reception.checklist.checks.${c}`]).toBeTruthy();
    for (const f of ['receipt', 'supplement', 'refusal', 'bien-lai']) expect(all[`forms.names.${f}`]).toBeTruthy();
    for (const s of ['applicant', 'procedure', 'checklist', 'documents', 'review']) expect(all[`reception.steps.${s}`]).toBeTruthy();
    for (const s of ['received', 'supplement_requested', 'refused']) expect(all[`reception.done.${s}`]).toBeTruthy();
  });
});

describe('one word for each copy type, everywhere (#13: "Bản chính" at reception was "Bản gốc" on the dossier page)', () => {
  it('names copy types with the legal terms of administrative procedure forms, the same in every tree', () => {
    for (const locale of ['vi', 'en'] as const) {
      const tree = catalogue[locale] as unknown as { forms: { mark: Record<string, string> }; catalogue: { marks: Record<string, string> } };
      expect(tree.catalogue.marks).toEqual(tree.forms.mark);
    }
    expect((catalogue.vi as unknown as { forms: { mark: Record<string, string> } }).forms.mark).toEqual({ '1': 'Bản chụp', '2': 'Bản sao chứng thực', '3': 'Bản chính', '4': 'Bản dịch' });
    const vi = JSON.stringify(catalogue.vi);
    expect(vi).not.toMatch(/[Bb]ản gốc|giấy tờ gốc/);
  });
});
