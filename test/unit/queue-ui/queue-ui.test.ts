/**
 * The clerk's queue UI rules that need no browser: request ids kept for a retry after a network error only, the
 * service group form's conversions (windows as typed), and the messages (both languages, every key the code names).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openingHoursSchema } from '../../../core/contract/queue';
import { catalogue } from '../../../core/i18n/catalogue';
import { uiQueue } from '../../../core/i18n/messages/ui-queue';
import type { MessageTree } from '../../../core/i18n/types';
import { draftToGroup, emptyGroupDraft, groupToDraft } from '../../../renderer/src/screens/settings/queue/group-draft';
import { newRequestId } from '../../../renderer/src/bridge/request-id';
import { createRequestIds, withRequestId } from '../../../renderer/src/screens/queue/request-ids';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const lost = Object.assign(new Error('lost'), { code: 'UI_CONNECTION_LOST' });
const refused = Object.assign(new Error('no'), { code: 'QUEUE_COUNTER_NO_GROUPS' });

describe('request ids of queue calls', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the same id again after a network error, a new one after an answer or a refusal', async () => {
    const ids = createRequestIds();
    const sent: string[] = [];
    const call = (outcome: 'lost' | 'ok' | 'refused') => (id: string) => {
      sent.push(id);
      return outcome === 'ok' ? Promise.resolve(id) : Promise.reject(outcome === 'lost' ? lost : refused);
    };
    await expect(withRequestId(ids, 'next:3', call('lost'))).rejects.toBe(lost);
    await expect(withRequestId(ids, 'next:3', call('lost'))).rejects.toBe(lost);
    await withRequestId(ids, 'next:3', call('ok'));
    expect(new Set(sent).size).toBe(1); // one call, tried three times
    await withRequestId(ids, 'next:3', call('ok'));
    expect(sent[3]).not.toBe(sent[2]); // answered: the next call is a new one
    await expect(withRequestId(ids, 'next:3', call('refused'))).rejects.toBe(refused);
    await withRequestId(ids, 'next:3', call('ok'));
    expect(sent[5]).not.toBe(sent[4]); // a refusal proves nothing was done
  });

  it('drops the kept id when the clerk does something else', async () => {
    const ids = createRequestIds();
    let first = '';
    await expect(withRequestId(ids, 'next:3', (id) => ((first = id), Promise.reject(lost)))).rejects.toBe(lost);
    expect(ids.unanswered()).toBe('next:3');
    await withRequestId(ids, 'number:3:A012', (id) => Promise.resolve(expect(id).not.toBe(first)));
    await withRequestId(ids, 'next:3', (id) => Promise.resolve(expect(id).not.toBe(first)));
  });

  it('makes v4 UUIDs without crypto.randomUUID (plain http on the LAN is not a secure context)', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (b: Uint8Array) => real.getRandomValues(b) });
    const made = new Set(Array.from({ length: 50 }, () => newRequestId()));
    expect(made.size).toBe(50);
    for (const id of made) expect(id).toMatch(UUID_V4);
  });
});

describe('service group form', () => {
  it('turns windows typed per weekday into opening hours, and back', () => {
    const d = { ...emptyGroupDraft(), code: 'dat-dai', name: ' Đất đai ', prefix: 'b', hoursMode: 'windows' as const, dailyCap: ' 120 ' };
    d.windows = { ...d.windows, '1': '7:30-11:30, 13:30 - 17:00', '6': '07:30–11:30' };
    const out = draftToGroup(d);
    if (!('group' in out)) throw new Error(JSON.stringify(out));
    expect(out.group).toMatchObject({ code: 'DAT-DAI', name: 'Đất đai', prefix: 'B', dailyCap: 120, agencyCode: null });
    expect(out.group.hours).toEqual({ mode: 'windows', windows: { '1': [['07:30', '11:30'], ['13:30', '17:00']], '6': [['07:30', '11:30']] }, openOnHolidays: false });
    expect(openingHoursSchema.parse(out.group.hours)).toEqual(out.group.hours);
    expect(groupToDraft(out.group).windows['1']).toBe('07:30-11:30, 13:30-17:00');
  });

  it('names the field it can tell is wrong before asking the core', () => {
    const base = { ...emptyGroupDraft(), code: 'A', name: 'A' };
    expect(draftToGroup({ ...base, hoursMode: 'windows', windows: { ...base.windows, '2': '7h30 đến 11h' } })).toEqual({ problem: { field: 'windows.2', message: 'windowsFormat' } });
    expect(draftToGroup({ ...base, startNumber: '1a' })).toEqual({ problem: { field: 'startNumber', message: 'wholeNumber' } });
    expect(draftToGroup({ ...base, dailyCap: '' })).toMatchObject({ group: { dailyCap: null } });
  });
});

const leaves = (tree: MessageTree, prefix = ''): Record<string, string> =>
  Object.fromEntries(Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v]] : Object.entries(leaves(v, `${prefix}${k}.`)))));

describe('queue UI messages', () => {
  const dirs = ['../../../renderer/src/screens/queue/', '../../../renderer/src/screens/settings/queue/'].map((d) => new URL(d, import.meta.url));
  const sources = dirs.flatMap((dir) => readdirSync(dir).filter((f) => /\.tsx?$/.test(f)).map((f) => readFileSync(new URL(f, dir), 'utf8')));

  it('owns only "queueUi", with the same keys and placeholders in both languages', () => {
    expect(Object.keys(uiQueue.vi)).toEqual(['queueUi']);
    const vi = leaves(uiQueue.vi);
    const en = leaves(uiQueue.en);
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(vi)) expect(placeholders(vi[key]!), key).toEqual(placeholders(en[key]!));
  });

  it('has every key the screens name in full', () => {
    const used = new Set(sources.flatMap((s) => [...s.matchAll(/\bt\(\s*'((?:queueUi|ui|settingsUi)\.[\w.]+)'/g)].map((m) => m[1]!)));
    expect(used.size).toBeGreaterThan(80);
    for (const locale of ['vi', 'en'] as const) {
      const all = leaves(catalogue[locale]);
      expect({ locale, missing: [...used].filter((k) => typeof all[k] !== 'string') }).toEqual({ locale, missing: [] });
    }
  });
});
