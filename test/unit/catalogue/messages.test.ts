import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { catalogue as messages } from '../../../core/i18n/messages/catalogue';
import type { MessageTree } from '../../../core/i18n/types';

const srcDir = fileURLToPath(new URL('../../../core/domain/catalogue/', import.meta.url));

/** Every CATALOGUE_* code written in the catalogue sources. */
function codesInSource(): Set<string> {
  const out = new Set<string>();
  for (const f of readdirSync(srcDir)) {
    const text = readFileSync(path.join(srcDir, f), 'utf8');
    for (const m of text.matchAll(/'(CATALOGUE_[A-Z_]+)'/g)) out.add(m[1]!);
  }
  return out;
}

function leaves(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`)));
}

describe('catalogue messages', () => {
  it('has a Vietnamese and an English message for every code the sources use', () => {
    const codes = codesInSource();
    expect(codes.size).toBeGreaterThan(20);
    for (const locale of ['vi', 'en'] as const) {
      const errors = messages[locale].errors as MessageTree;
      const missing = [...codes].filter((c) => typeof errors[c] !== 'string');
      expect(missing, locale).toEqual([]);
    }
  });

  it('has the same keys in both languages, all prefixed CATALOGUE_ for errors', () => {
    expect(leaves(messages.en).sort()).toEqual(leaves(messages.vi).sort());
    for (const k of leaves(messages.vi)) if (k.startsWith('errors.')) expect(k).toMatch(/^errors\.CATALOGUE_[A-Z_]+$/);
  });

  it('uses only parameters the issues provide', () => {
    const allowed = new Set(['value', 'column', 'max', 'format', 'count', 'sheet', 'row', 'code', 'agencyCode', 'procedureCode', 'firstRow', 'expected', 'message', 'query', 'agencies', 'procedures']);
    for (const k of leaves(messages.vi)) {
      const text = k.split('.').reduce<string | MessageTree>((n, p) => (n as MessageTree)[p]!, messages.vi) as string;
      for (const m of text.matchAll(/\{\{(\w+)\}\}/g)) expect(allowed, `${k}: ${m[1]}`).toContain(m[1]);
    }
  });
});
