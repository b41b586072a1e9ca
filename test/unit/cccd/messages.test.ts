import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MANGLING_REASONS } from '../../../core/domain/cccd/mangling';
import { CCCD_WARNINGS } from '../../../core/domain/cccd/parse';
import { cccd } from '../../../core/i18n/messages/cccd';
import type { MessageTree } from '../../../core/i18n/types';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Every CCCD_* code the feature's sources mention. */
function codesInSources(): Set<string> {
  const codes = new Set<string>();
  for (const dir of ['core/domain/cccd', 'native/hid']) {
    for (const file of readdirSync(join(root, dir))) {
      if (!file.endsWith('.ts')) continue;
      for (const m of readFileSync(join(root, dir, file), 'utf8').matchAll(/'(CCCD_[A-Z0-9_]+)'/g)) codes.add(m[1] ?? '');
    }
  }
  return codes;
}

function leaves(tree: MessageTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(`${prefix}${k}`, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const vi = leaves(cccd.vi);
const en = leaves(cccd.en);
const placeholders = (s: string): string[] => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

describe('cccd messages', () => {
  it('has a Vietnamese and an English text for every code the sources use', () => {
    const codes = codesInSources();
    expect(codes.size).toBeGreaterThan(10);
    for (const code of codes) {
      const key = code.startsWith('CCCD_WARN_') ? `cccd.warnings.${code}` : `errors.${code}`;
      expect(vi.get(key), key).toBeTruthy();
      expect(en.get(key), key).toBeTruthy();
    }
    for (const w of CCCD_WARNINGS) expect(vi.has(`cccd.warnings.${w}`), w).toBe(true);
    for (const r of MANGLING_REASONS) expect(vi.has(`cccd.mangledReason.${r}`), r).toBe(true);
  });

  it('has the same keys and placeholders in both languages', () => {
    expect([...vi.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of vi) expect(placeholders(text), key).toEqual(placeholders(en.get(key) ?? ''));
  });

  it('tells the clerk to switch the scanner to HID POS when text is mangled', () => {
    expect(vi.get('errors.CCCD_MANGLED')).toMatch(/HID POS/);
    expect(vi.get('errors.CCCD_MANGLED')).toMatch(/COM/);
    expect(en.get('errors.CCCD_MANGLED')).toMatch(/HID POS/);
  });
});
