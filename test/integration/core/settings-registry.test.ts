import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallResult } from '../../../core/contract/bridge';
import { common } from '../../../core/i18n/messages/common';
import type { Connection } from '../../../core/rpc/connection';
import { CalendarService } from '../../../core/services/calendar/calendar-service';
import { CLIENT_SETTINGS } from '../../../core/services/settings/registry';
import { call, startCore, withAdmin, type TestCore } from '../../helpers/core';

let t: TestCore;
let admin: Connection;
beforeEach(async () => {
  t = await startCore({ seedSampleCatalogue: true });
  admin = await withAdmin(t.core);
});
afterEach(() => t.close());

const errorOf = (r: CallResult) => (r.ok ? { code: 'OK' } : r.error);
const WARD = '000.27.10.H12';

describe('settings.set takes only the keys of the registry', () => {
  it('refuses unknown keys and the calendar configuration, leaving due dates working', async () => {
    const due = (await call(t.core, admin, 'calendar.dueDate', { received: '2026-11-27T16:00', days: 1 })).due;
    const broken = await t.core.dispatch(admin, 'settings.set', { key: 'calendar.config', value: { defaultWindows: {} } });
    expect(errorOf(broken)).toMatchObject({ code: 'SETTINGS_KEY_OWNED', field: 'key', params: { key: 'calendar.config' } });
    expect(errorOf(await t.core.dispatch(admin, 'settings.set', { key: 'demo.anything', value: 1 }))).toMatchObject({ code: 'SETTINGS_UNKNOWN_KEY', field: 'key' });
    expect(errorOf(await t.core.dispatch(admin, 'settings.set', { key: 'constructor', value: 1 }))).toMatchObject({ code: 'SETTINGS_UNKNOWN_KEY' });
    expect((await call(t.core, admin, 'calendar.dueDate', { received: '2026-11-27T16:00', days: 1 })).due).toBe(due);
    expect(t.core.db.prepare("SELECT COUNT(*) FROM settings WHERE key = 'demo.anything'").pluck().get()).toBe(0);
  });

  it('refuses a value over 64 KB before storing anything', async () => {
    const big = 'Ủ'.repeat(40 * 1024); // 120 KB of UTF-8
    const r = await t.core.dispatch(admin, 'settings.set', { key: 'forms.place', value: big });
    expect(errorOf(r)).toMatchObject({ code: 'SETTINGS_VALUE_TOO_LARGE', field: 'value', params: { maxKb: 64 } });
    expect(await call(t.core, admin, 'settings.get', { key: 'forms.place' })).toEqual({ key: 'forms.place', value: null });
  });

  it('checks each known key by its rule, and keeps the keys the Settings screen writes', async () => {
    expect(Object.keys(CLIENT_SETTINGS).sort()).toEqual(['counter.id', 'forms.feeReceiptSeries', 'forms.lookupUrl', 'forms.place', 'ocr.flagThreshold', 'ocr.workers', 'queue.publicOrigin', 'scanning.esclUrls', 'scanning.folder', 'sync.bytesPerSecond', 'sync.statusMap']);
    const good: [string, unknown][] = [
      ['counter.id', 'Q03'],
      ['forms.lookupUrl', 'https://dichvucong.example.vn/tra-cuu/{code}'],
      ['forms.lookupUrl', null],
      ['forms.feeReceiptSeries', { '000.27.10.H12': { formNumber: '01BLP0-001', series: 'AA-25P' } }],
      ['forms.feeReceiptSeries', null],
      ['forms.place', 'Hà Nội'],
      ['forms.place', null],
      ['ocr.workers', 2],
      ['ocr.workers', null],
      ['ocr.flagThreshold', 75],
      ['sync.bytesPerSecond', 16_000],
      ['sync.bytesPerSecond', null],
      ['queue.publicOrigin', 'http://192.168.1.10:5178'],
      ['queue.publicOrigin', null],
    ];
    for (const [key, value] of good) expect(await call(t.core, admin, 'settings.set', { key, value })).toEqual({ key, value });
    const bad: [string, unknown, string][] = [
      ['counter.id', 'q 3', 'DOSSIER_BAD_COUNTER_ID'],
      ['counter.id', null, 'DOSSIER_BAD_COUNTER_ID'],
      ['forms.lookupUrl', 'javascript:alert(1)', 'SETTINGS_BAD_URL'],
      ['forms.lookupUrl', 'https://exa mple.vn', 'SETTINGS_BAD_URL'],
      ['queue.publicOrigin', 'http://192.168.1.10:5178/track', 'SETTINGS_BAD_URL'],
      ['queue.publicOrigin', 'ftp://192.168.1.10', 'SETTINGS_BAD_URL'],
      ['forms.feeReceiptSeries', 'AA-25P', 'SETTINGS_BAD_FEE_RECEIPT_SERIES'],
      ['forms.place', { name: 'x' }, 'SETTINGS_BAD_TEXT'],
      ['forms.place', 'Hà\nNội', 'SETTINGS_BAD_TEXT'],
      ['forms.place', 'x'.repeat(101), 'SETTINGS_BAD_TEXT'],
      ['ocr.workers', 0, 'SETTINGS_OCR_RANGE'],
      ['ocr.workers', 1.5, 'SETTINGS_OCR_RANGE'],
      ['ocr.flagThreshold', 101, 'SETTINGS_OCR_RANGE'],
      ['ocr.flagThreshold', '80', 'SETTINGS_OCR_RANGE'],
      ['sync.bytesPerSecond', 0, 'SETTINGS_SYNC_BAD_RATE'],
      ['sync.bytesPerSecond', -5, 'SETTINGS_SYNC_BAD_RATE'],
      ['sync.bytesPerSecond', 1.5, 'SETTINGS_SYNC_BAD_RATE'],
      ['sync.bytesPerSecond', '16000', 'SETTINGS_SYNC_BAD_RATE'],
    ];
    for (const [key, value, code] of bad) {
      expect(errorOf(await t.core.dispatch(admin, 'settings.set', { key, value })), `${key}=${JSON.stringify(value)}`).toMatchObject({ code, field: 'value' });
    }
    expect((await call(t.core, admin, 'settings.get', { key: 'counter.id' })).value).toBe('Q03');
  });

  it('has a Vietnamese and an English message for every settings error', () => {
    for (const code of ['SETTINGS_UNKNOWN_KEY', 'SETTINGS_KEY_OWNED', 'SETTINGS_VALUE_TOO_LARGE', 'SETTINGS_BAD_TEXT', 'SETTINGS_BAD_URL']) {
      expect(common.vi.errors, code).toHaveProperty(code);
      expect(common.en.errors, code).toHaveProperty(code);
    }
  });
});

describe('calendar settings go through the calendar', () => {
  it('refuses working windows that leave no working time at all', async () => {
    for (const windows of [{}, { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] }]) {
      for (const agencyCode of [undefined, WARD]) {
        const r = await t.core.dispatch(admin, 'calendar.setWindows', { ...(agencyCode ? { agencyCode } : {}), windows });
        expect(errorOf(r), JSON.stringify({ agencyCode, windows })).toMatchObject({ code: 'CALENDAR_NO_WORKING_TIME', field: 'windows' });
      }
    }
    const saturdayOnly = await call(t.core, admin, 'calendar.setWindows', { agencyCode: WARD, windows: { 6: [['08:00', '11:30']] } });
    expect(saturdayOnly.agencyWindows[WARD]).toEqual({ 6: [['08:00', '11:30']] });
    expect((await call(t.core, admin, 'calendar.dueDate', { received: '2026-11-27T16:00', hours: 1, agencyCode: WARD })).due).toBe('2026-11-28T09:00');
  });

  it('with the catalogue, refuses due dates and windows for an agency that is not in it', async () => {
    const { settings, catalogue } = t.core.services;
    const calendar = new CalendarService(settings, (code) => catalogue.hasAgency(code));
    expect(calendar.due({ received: '2026-11-27T16:00', days: 1, agencyCode: WARD })).toBe('2026-11-30T16:00');
    expect(() => calendar.due({ received: '2026-11-27T16:00', days: 1, agencyCode: 'KHONG.CO' })).toThrow(
      expect.objectContaining({ code: 'CATALOGUE_AGENCY_NOT_FOUND', field: 'agencyCode' }),
    );
    const actor = { kind: 'system', name: 'test', role: 'admin' } as const;
    expect(() => calendar.setWindows(actor, 'KHONG.CO', { 1: [['08:00', '17:00']] })).toThrow(expect.objectContaining({ code: 'CATALOGUE_AGENCY_NOT_FOUND' }));
    expect(calendar.setWindows(actor, 'KHONG.CO', null).agencyWindows).toEqual({}); // removing a stale entry stays possible
  });
});
