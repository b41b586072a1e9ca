/** Every code the transport raises has Vietnamese and English text; the bad-URL reason is worded, not an id. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../../core/i18n/translate';
import { syncTransport } from '../../../core/i18n/messages/sync-transport';
import type { MessageTree } from '../../../core/i18n/types';
import { REPO } from '../../helpers/temp';

const leaves = (tree: MessageTree, prefix = ''): Record<string, string> =>
  Object.fromEntries(Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v]] : Object.entries(leaves(v, `${prefix}${k}.`)))));

const FILES = ['central-client.ts', 'central-link.ts', 'central-sequence-authority.ts', 'enrolment.ts', 'http-exchange.ts', 'throttle.ts'];

describe('sync transport messages', () => {
  it('both languages have the same keys and placeholders', () => {
    const vi = leaves(syncTransport.vi);
    const en = leaves(syncTransport.en);
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
    for (const key of Object.keys(vi)) expect(placeholders(vi[key]!), key).toEqual(placeholders(en[key]!));
  });

  it('every code the transport files raise or return has a message in the merged catalogue', () => {
    const codes = new Set<string>();
    for (const f of FILES) {
      const src = readFileSync(path.join(REPO, 'core/services/sync', f), 'utf8');
      for (const m of src.matchAll(/'((?:SYNC|SEQUENCE)_[A-Z_]+)'/g)) codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThan(10);
    for (const code of codes) {
      expect(errorMessage(code, {}), code).not.toBe(errorMessage('INTERNAL'));
      expect(errorMessage(code, {}, 'en'), code).not.toBe(errorMessage('INTERNAL', {}, 'en'));
    }
  });

  it('the bad-URL reason is said in Vietnamese', () => {
    const m = errorMessage('SYNC_CENTRAL_BAD_URL', { url: 'ftp://x', reason: 'scheme' });
    expect(m).toContain('chỉ dùng http hoặc https');
    expect(m).not.toContain('scheme');
    expect(errorMessage('SYNC_CENTRAL_BAD_URL', { url: 'http://a:b@x', reason: 'credentials' }, 'en')).toContain('no user name or password');
  });
});
