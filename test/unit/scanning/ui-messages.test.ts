/**
 * The scanning panel's messages (core/i18n/messages/ui-scanning.ts): both languages with the same keys and
 * placeholders, and every key the panel names (written out, or built from a device status, source, colour or
 * scanner kind) present in the merged catalogue.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scanJobStatusSchema } from '../../../core/contract/events';
import { colorModeSchema, scanDeviceSchema, sourceKindSchema } from '../../../core/contract/scans';
import { catalogue } from '../../../core/i18n/catalogue';
import { uiScanning } from '../../../core/i18n/messages/ui-scanning';
import type { MessageTree } from '../../../core/i18n/types';
import { CONTINUABLE } from '../../../renderer/src/screens/scanning/useScanJob';

const leaves = (tree: MessageTree, prefix = ''): Record<string, string> =>
  Object.fromEntries(Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v]] : Object.entries(leaves(v, `${prefix}${k}.`)))));

const dir = new URL('../../../renderer/src/screens/scanning/', import.meta.url);
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') || f.endsWith('.tsx'))
  .map((f) => readFileSync(new URL(f, dir), 'utf8'));
const usedKeys = new Set(sources.flatMap((s) => [...s.matchAll(/\bt\(\s*'(scanningUi\.[\w.]+)'/g)].map((m) => m[1]!)));

describe('scanning panel messages', () => {
  it('owns only the top-level key "scanningUi"', () => {
    expect(Object.keys(uiScanning.vi)).toEqual(['scanningUi']);
    expect(Object.keys(uiScanning.en)).toEqual(['scanningUi']);
  });

  it('gives both languages the same keys and placeholders', () => {
    const vi = leaves(uiScanning.vi);
    const en = leaves(uiScanning.en);
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
    for (const key of Object.keys(vi)) expect(placeholders(vi[key]!), key).toEqual(placeholders(en[key]!));
  });

  it('has every key the panel names, and one for every status, source, colour and scanner kind it shows', () => {
    const built = [
      ...[...CONTINUABLE].map((s) => `scanningUi.scan.problems.${s}`),
      ...sourceKindSchema.options.map((s) => `scanningUi.device.sources.${s}`),
      ...colorModeSchema.options.map((c) => `scanningUi.device.colors.${c}`),
      ...scanDeviceSchema.shape.kind.options.map((k) => `scanningUi.device.kinds.${k}`),
      'scanningUi.items.count_one',
      'scanningUi.items.count_other',
    ];
    expect(usedKeys.size).toBeGreaterThan(40);
    for (const locale of ['vi', 'en'] as const) {
      const all = leaves(catalogue[locale]);
      // A key used with { count } resolves to its plural forms (_one, _other).
      const missing = [...usedKeys, ...built].filter((k) => typeof all[k] !== 'string' && typeof all[`${k}_other`] !== 'string');
      expect({ locale, missing }).toEqual({ locale, missing: [] });
    }
    // Every status that stops a batch the clerk can continue is one the contract knows.
    for (const s of CONTINUABLE) expect(scanJobStatusSchema.options).toContain(s);
  });
});
