/**
 * The sync screens' pure parts: bytes and times as the header says them, the header line for each state, what is
 * announced (only the turns that matter), the enrolment checks and where a core error shows, and the messages (both
 * languages alike, every key the screens name present).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outboxKindSchema, outboxStateSchema, appliedChangeSchema, syncStatusSchema, type SyncStatus } from '../../../core/contract/sync';
import { catalogue } from '../../../core/i18n/catalogue';
import { useTranslators } from '../../helpers/translators';
import { uiSync } from '../../../core/i18n/messages/ui-sync';
import type { MessageTree } from '../../../core/i18n/types';
import { checkEnrol, enrolFieldOf } from '../../../renderer/src/screens/sync/enrol-check';
import { announcement, formatBytes, formatSyncTime, headerLine, heardOf, outboxRowText, type SyncView } from '../../../renderer/src/screens/sync/sync-text';

const leaves = (tree: MessageTree, prefix = ''): Record<string, string> =>
  Object.fromEntries(Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v]] : Object.entries(leaves(v, `${prefix}${k}.`)))));

const NOW = new Date('2026-12-07T03:42:00.000Z'); // 10:42 in Vietnam

function status(p: Partial<SyncStatus>): SyncView {
  return {
    kind: 'status',
    status: {
      enrolled: true,
      central: 'http://127.0.0.1:8080',
      counterId: 'Q03',
      pendingDossiers: 0,
      pendingEvents: 0,
      pendingBytes: 0,
      rejected: 0,
      oldestPendingAt: null,
      lastSuccessAt: null,
      lastAttemptAt: null,
      nextAttemptAt: null,
      activity: 'idle',
      errors: [],
      ...p,
    },
  };
}

const fail = (p: Partial<SyncStatus['errors'][number]> = {}) => ({ dossierId: null, dossierCode: null, itemId: null, kind: 'retrying' as const, at: NOW.toISOString(), code: 'SYNC_UNREACHABLE', message: 'Không kết nối được', ...p });

describe('sync UI texts', () => {
  const ts = useTranslators();

  it('says bytes in human units with the language decimal mark', () => {
    expect(formatBytes(0, 'vi')).toBe('0 B');
    expect(formatBytes(1023, 'vi')).toBe('1.023 B'); // Vietnamese groups thousands with a dot
    expect(formatBytes(3.4 * 1024 * 1024, 'vi')).toBe('3,4 MB');
    expect(formatBytes(3.4 * 1024 * 1024, 'en')).toBe('3.4 MB');
    expect(formatBytes(1536, 'vi')).toBe('1,5 KB');
    expect(formatBytes(5 * 1024 ** 3, 'en')).toBe('5 GB');
  });

  it('says a time of today (Vietnam) as HH:mm and another day with its date', () => {
    expect(formatSyncTime('2026-12-07T03:42:10.000Z', NOW)).toBe('10:42');
    // 23:30 UTC on the 6th is 06:30 on the 7th in Vietnam: still today there.
    expect(formatSyncTime('2026-12-06T23:30:00.000Z', NOW)).toBe('06:30');
    expect(formatSyncTime('2026-12-06T16:59:00.000Z', NOW)).toBe('06/12/2026 23:59');
  });

  it('builds the header line: waiting dossiers and bytes, last success, offline, errors, not enrolled', () => {
    const vi = ts.vi;
    const busy = headerLine(vi, status({ pendingDossiers: 12, pendingEvents: 30, pendingBytes: 3.4 * 1024 * 1024, lastSuccessAt: '2026-12-07T03:42:00.000Z' }), 'vi', NOW);
    expect(busy.parts.join(' · ')).toBe('12 hồ sơ · 3,4 MB chờ gửi · Đồng bộ lần cuối 10:42');
    expect(busy).toMatchObject({ errors: null, tone: 'ok' });
    const quiet = headerLine(vi, status({}), 'vi', NOW);
    expect(quiet.parts).toEqual(['đã gửi hết', 'chưa đồng bộ lần nào']);
    const offline = headerLine(vi, status({ pendingDossiers: 1, pendingEvents: 1, activity: 'offline', errors: [fail()] }), 'vi', NOW);
    expect(offline.parts).toEqual(['1 hồ sơ chờ gửi', 'mất kết nối trung tâm', 'chưa đồng bộ lần nào']);
    expect(offline).toMatchObject({ errors: '1 lỗi', tone: 'warn' });
    expect(headerLine(vi, { kind: 'not_enrolled' }, 'vi', NOW)).toMatchObject({ parts: ['quầy chưa đăng ký'], tone: 'off' });
    expect(headerLine(vi, status({ enrolled: false, activity: 'not_enrolled' }), 'vi', NOW).parts).toEqual(['quầy chưa đăng ký']);
    expect(headerLine(vi, status({ enrolled: false, activity: 'not_enrolled', pendingDossiers: 2, pendingEvents: 4, pendingBytes: 1024 }), 'vi', NOW).parts).toEqual(['quầy chưa đăng ký', '2 hồ sơ · 1 KB chờ gửi']);
    // One outage said twice (the link and the pull) counts once; the dossier's own error counts apart.
    const en = headerLine(ts.en, status({ pendingDossiers: 1, pendingEvents: 1, pendingBytes: 2048, errors: [fail(), fail(), fail({ dossierId: 'd1', itemId: 3 })] }), 'en', NOW);
    expect(en.parts[0]).toBe('1 dossier · 2 KB waiting');
    expect(en.errors).toBe('2 errors');
  });

  it('announces going offline (with the reason), refusals, coming back and everything sent — not counts moving', () => {
    const vi = ts.vi;
    const h = (p: Partial<SyncStatus>) => heardOf(status(p));
    expect(announcement(vi, null, h({ activity: 'offline' }), 'x')).toBeNull(); // the first read says nothing
    expect(announcement(vi, h({ pendingDossiers: 2 }), h({ pendingDossiers: 2, activity: 'offline' }), 'Không kết nối được')).toBe('Mất kết nối với máy chủ trung tâm: Không kết nối được');
    expect(announcement(vi, h({ activity: 'offline', pendingDossiers: 2 }), h({ pendingDossiers: 2 }), null)).toBe('Đã kết nối lại với máy chủ trung tâm.');
    expect(announcement(vi, h({ rejected: 1 }), h({ rejected: 3 }), null)).toContain('từ chối 2 mục');
    expect(announcement(vi, h({ pendingDossiers: 3 }), h({ pendingDossiers: 0 }), null)).toBe('Đã gửi hết hồ sơ lên hệ thống Một cửa trung tâm.');
    expect(announcement(vi, h({ pendingDossiers: 3 }), h({ pendingDossiers: 2 }), null)).toBeNull();
    expect(announcement(vi, h({ activity: 'offline', pendingDossiers: 1 }), h({ pendingDossiers: 0 }), null)).toBe('Đã gửi hết hồ sơ lên hệ thống Một cửa trung tâm.');
    expect(announcement(vi, h({ activity: 'offline', pendingDossiers: 0 }), h({ pendingDossiers: 0 }), null)).toBe('Đã gửi hết hồ sơ lên hệ thống Một cửa trung tâm.');
    expect(announcement(vi, h({ activity: 'offline', pendingDossiers: 1 }), h({ activity: 'offline', pendingDossiers: 0 }), null)).toBeNull();
    expect(announcement(vi, heardOf({ kind: 'not_enrolled' }), h({}), null)).toBeNull();
  });

  it('makes a refused outbox item stand out with the central server\'s reason, and offers to send it again', () => {
    const item = { id: 7, dossierId: 'd1', dossierCode: '000.27.10.H12-261207-0001', seq: 2, kind: 'fee' as const, createdAt: NOW.toISOString(), attempts: 1, nextAttemptAt: null, sentAt: null, bytes: 0 };
    const refused = outboxRowText(ts.vi, { ...item, state: 'rejected', error: { code: 'FEE_UNKNOWN', message: 'Mã phí không có trong danh mục' } }, '(chưa có mã)');
    expect(refused).toEqual({
      rejected: true,
      state: 'Bị từ chối',
      reason: 'Máy chủ trung tâm từ chối: Mã phí không có trong danh mục',
      action: 'Gửi lại',
      actionLabel: 'Gửi lại mục 2 của hồ sơ 000.27.10.H12-261207-0001 đã bị từ chối',
    });
    const waiting = outboxRowText(ts.vi, { ...item, dossierCode: null, state: 'pending', attempts: 3, error: { code: 'SYNC_NETWORK', message: 'Không kết nối được' } }, '(chưa có mã)');
    expect(waiting).toEqual({ rejected: false, state: 'Chờ gửi', reason: 'Không kết nối được', action: 'Thử lại ngay', actionLabel: 'Thử lại ngay mục 2 của hồ sơ (chưa có mã)' });
  });

  it('checks enrolment before sending, and puts a core error beside the field it is about', () => {
    expect(checkEnrol({ central: '', token: '' })).toEqual({ central: 'syncUi.enrol.noUrl', token: 'syncUi.enrol.shortToken' });
    expect(checkEnrol({ central: '127.0.0.1:8080', token: 'abcdefgh' })).toEqual({ central: 'syncUi.enrol.badUrl' });
    expect(checkEnrol({ central: 'ftp://x.vn', token: 'abcdefgh' })).toEqual({ central: 'syncUi.enrol.badUrl' });
    expect(checkEnrol({ central: ' https://motcua.tinh.gov.vn/central ', token: 'abcdefgh' })).toEqual({});
    expect(enrolFieldOf('VALIDATION', 'token')).toBe('token');
    // A token of another counter (the wire error may lose its field): beside the token.
    expect(enrolFieldOf('SYNC_ENROL_OTHER_COUNTER', undefined)).toBe('token');
    expect(enrolFieldOf('VALIDATION', 'central')).toBe('central');
    expect(enrolFieldOf('SYNC_ENROL_TOKEN_USED', undefined)).toBe('token');
    expect(enrolFieldOf('SYNC_CENTRAL_UNREACHABLE', undefined)).toBe('central');
    expect(enrolFieldOf('SYNC_ENROL_REFUSED', undefined, { code: 'ENROL_TOKEN_USED' })).toBe('token');
    expect(enrolFieldOf('SYNC_ENROL_REFUSED', undefined, { code: 'COUNTER_UNKNOWN' })).toBe('central');
  });

  const dir = new URL('../../../renderer/src/screens/sync/', import.meta.url);
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') || f.endsWith('.tsx'))
    .map((f) => readFileSync(new URL(f, dir), 'utf8'));
  const used = new Set(sources.flatMap((s) => [...s.matchAll(/['`](syncUi\.[\w.]+)['`]/g)].map((m) => m[1]!)));

  it('gives both languages the same keys and placeholders (plural forms aside)', () => {
    const base = (k: string) => k.replace(/_(one|other)$/, '');
    const vi = leaves(uiSync.vi);
    const en = leaves(uiSync.en);
    expect([...new Set(Object.keys(vi).map(base))].sort()).toEqual([...new Set(Object.keys(en).map(base))].sort());
    const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
    for (const key of Object.keys(vi)) expect(placeholders(vi[key]!), key).toEqual(placeholders((en[key] ?? en[key.replace(/_other$/, '_one')])!));
  });

  it('has every key the screens name, and one per activity, outbox kind and state, change kind and outcome', () => {
    const built = [
      ...syncStatusSchema.shape.activity.options.map((a) => `syncUi.overview.activity.${a}`),
      ...outboxKindSchema.options.map((k) => `syncUi.outbox.kinds.${k}`),
      ...outboxStateSchema.options.map((s) => `syncUi.outbox.states.${s}`),
      ...appliedChangeSchema.shape.kind.options.map((k) => `syncUi.changes.kinds.${k}`),
      ...appliedChangeSchema.shape.outcome.options.map((o) => `syncUi.changes.outcomes.${o}`),
      ...['rejected', 'retrying'].map((k) => `syncUi.overview.errorKind.${k}`),
      'settingsUi.tabs.sync',
    ];
    expect(used.size).toBeGreaterThan(40);
    for (const locale of ['vi', 'en'] as const) {
      const all = leaves(catalogue[locale]);
      const missing = [...used, ...built].filter((k) => typeof all[k] !== 'string' && typeof all[`${k}_other`] !== 'string');
      expect({ locale, missing }).toEqual({ locale, missing: [] });
    }
  });
});

describe('the header while offline', () => {
  it('keeps saying offline during a retry, and stops once a try gets through', async () => {
    const { keepOffline } = await import('../../../renderer/src/screens/sync/useSyncStatus');
    const at = (activity: SyncStatus['activity']) => status({ activity, pendingDossiers: 1, pendingEvents: 1 });
    const shown = (v: SyncView) => (v.kind === 'status' ? v.status.activity : v.kind);
    expect(shown(keepOffline(at('offline'), at('sending')))).toBe('offline');
    expect(shown(keepOffline(at('offline'), at('waiting')))).toBe('waiting');
    expect(shown(keepOffline(at('offline'), at('idle')))).toBe('idle');
    expect(shown(keepOffline(at('idle'), at('sending')))).toBe('sending');
    expect(shown(keepOffline(null, at('sending')))).toBe('sending');
  });
});
