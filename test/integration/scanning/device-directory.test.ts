/**
 * The device directory over the real settings service: what Settings configures (eSCL URLs, the folder scanner) is
 * listed as configured, backends' devices as listed, mDNS answers as discovered; one entry per URI; the list is
 * reused until refreshed or until the scanner settings change; the registry scans only the folder enabled in Settings.
 * Scanner settings go through settings.set with their rules; scan profiles only through the directory's store.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallResult } from '../../../core/contract/bridge';
import type { ScanProfile } from '../../../core/contract/scans';
import { errorMessage } from '../../../core/i18n/translate';
import type { Connection } from '../../../core/rpc/connection';
import type { CallContext } from '../../../core/rpc/context';
import type { Actor } from '../../../core/services/actor';
import { DeviceDirectory } from '../../../core/services/scanning/device-directory';
import { scansDirectoryHandlers } from '../../../core/services/scanning/directory-handlers';
import { MAX_SCAN_PROFILES } from '../../../core/services/scanning/scan-profiles';
import type { DiscoveredEscl } from '../../../native/scanners/escl/discovery';
import { call, conn, startCore, withAdmin, type TestCore } from '../../helpers/core';
import { makePng, startEsclServer, type EsclServer } from '../../helpers/escl-server';

let t: TestCore;
let admin: Connection;
let escl: EsclServer;
let other: EsclServer;
const errorOf = (r: CallResult) => (r.ok ? { code: 'OK' } : r.error);
const clerk: Actor = { kind: 'user', userId: 7, username: 'clerk1', role: 'clerk' };

beforeAll(async () => {
  escl = await startEsclServer({ pages: [] });
  other = await startEsclServer({ pages: [makePng(40, 60, 300)] });
});
afterAll(async () => {
  await escl.close();
  await other.close();
});
beforeEach(async () => {
  t = await startCore({ seedSampleCatalogue: false });
  admin = await withAdmin(t.core);
});
afterEach(() => t.close());

/** A scanimage stand-in that lists one SANE device (so "listed" is tested without real hardware). */
function fakeScanimage(): string {
  const file = path.join(t.dir, 'fake-scanimage.sh');
  writeFileSync(file, '#!/bin/sh\nprintf "%s\\n" "fujitsu:fi-7160:1234|FUJITSU|fi-7160|ADF scanner"\n');
  chmodSync(file, 0o755);
  return file;
}

function directory(discovered: DiscoveredEscl[] = [], opts: { cacheMs?: number; now?: () => number } = {}): { dir: DeviceDirectory; discoveries: () => number } {
  let n = 0;
  const dir = new DeviceDirectory({
    settings: t.core.services.settings,
    logger: t.core.logger,
    registry: { sane: { program: fakeScanimage() } },
    discover: async () => {
      n += 1;
      return discovered;
    },
    ...opts,
  });
  return { dir, discoveries: () => n };
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await call(t.core, admin, 'settings.set', { key, value });
}

describe('DeviceDirectory.list', () => {
  it('lists backends, discovered and configured scanners with their origin, one entry per URI', async () => {
    const inbox = path.join(t.dir, 'inbox');
    mkdirSync(inbox);
    // The same scanner typed with a trailing slash and a default port, and announced by mDNS: one entry, configured.
    const typed = `${escl.url.replace('http://', 'HTTP://')}/`;
    await setSetting('scanning.esclUrls', [typed]);
    await setSetting('scanning.folder', { enabled: true, dir: inbox });
    const { dir } = directory([
      { uri: `escl:${escl.url}`, name: 'Announced name' },
      { uri: `escl:${other.url}`, name: 'Office MFP' },
    ]);
    expect(await dir.list()).toEqual([
      { uri: `escl:${escl.url}`, name: 'MotCua Test eSCL', kind: 'escl', origin: 'configured' },
      { uri: `folder:${inbox}`, name: 'inbox', kind: 'folder', origin: 'configured' },
      { uri: 'sane:fujitsu:fi-7160:1234', name: 'FUJITSU fi-7160', kind: 'sane', origin: 'listed' },
      { uri: `escl:${other.url}`, name: 'Office MFP', kind: 'escl', origin: 'discovered' },
    ]);
  });

  it('lists the folder scanner only while it is enabled in Settings', async () => {
    const inbox = path.join(t.dir, 'inbox');
    const { dir } = directory();
    const folders = async () => (await dir.list()).filter((d) => d.kind === 'folder');
    expect(await folders()).toEqual([]);
    await setSetting('scanning.folder', { enabled: false, dir: inbox });
    expect(await folders()).toEqual([]);
    await setSetting('scanning.folder', { enabled: true, dir: inbox });
    expect(await folders()).toEqual([{ uri: `folder:${inbox}`, name: 'inbox', kind: 'folder', origin: 'configured' }]);
    await setSetting('scanning.folder', null);
    expect(await folders()).toEqual([]);
  });

  it('keeps a configured scanner that does not answer, named by its URL', async () => {
    const gone = 'http://127.0.0.1:9/eSCL';
    await setSetting('scanning.esclUrls', [gone]);
    const { dir } = directory();
    expect((await dir.list()).filter((d) => d.kind === 'escl')).toEqual([{ uri: `escl:${gone}`, name: gone, kind: 'escl', origin: 'configured' }]);
  });

  it('reuses the list until refresh is asked, the cache time passes, or the scanner settings change', async () => {
    let clock = 0;
    const { dir, discoveries } = directory([{ uri: `escl:${other.url}`, name: 'Office MFP' }], { cacheMs: 10_000, now: () => clock });
    await dir.list();
    await dir.list();
    expect(discoveries()).toBe(1);
    await dir.list({ refresh: true });
    expect(discoveries()).toBe(2);
    clock += 10_001;
    await dir.list();
    expect(discoveries()).toBe(3);
    await setSetting('scanning.esclUrls', [escl.url]);
    expect((await dir.list()).map((d) => d.origin)).toContain('configured');
    expect(discoveries()).toBe(4);
    // Two callers at once share one listing (one mDNS window).
    await Promise.all([dir.list({ refresh: true }), dir.list()]);
    expect(discoveries()).toBe(5);
  });
});

describe('DeviceDirectory.registry and capabilities', () => {
  it('scans the folder enabled in Settings, and no other folder', async () => {
    const inbox = path.join(t.dir, 'inbox');
    const elsewhere = path.join(t.dir, 'elsewhere');
    for (const d of [inbox, elsewhere]) {
      mkdirSync(d);
      writeFileSync(path.join(d, 'p1.png'), makePng(20, 30, 200));
    }
    const { dir } = directory();
    await expect(dir.capabilities(`folder:${inbox}`)).rejects.toMatchObject({ code: 'SCAN_FOLDER_NOT_ENABLED' });
    await setSetting('scanning.folder', { enabled: true, dir: inbox });
    const pages = [];
    for await (const p of dir.registry.scan(`folder:${inbox}`, { source: 'adf' }, new AbortController().signal)) pages.push(p.widthPx);
    expect(pages).toEqual([20]);
    await expect(dir.capabilities(`folder:${elsewhere}`)).rejects.toMatchObject({ code: 'SCAN_FOLDER_NOT_ENABLED' });
    const refused = async () => {
      for await (const _ of dir.registry.scan(`folder:${elsewhere}`, { source: 'adf' }, new AbortController().signal)) void _;
    };
    await expect(refused()).rejects.toMatchObject({ code: 'SCAN_FOLDER_NOT_ENABLED' });
    expect(errorMessage('SCAN_FOLDER_NOT_ENABLED', { dir: elsewhere })).toMatch(/chưa được bật làm máy quét thư mục/);
  });

  it('reads a scanner\'s capabilities through the handlers', async () => {
    const h = scansDirectoryHandlers(directory().dir);
    const ctx = { actor: clerk } as CallContext;
    expect(await h.capabilities({ device: `escl:${escl.url}` }, ctx)).toMatchObject({ sources: ['flatbed', 'adf', 'adf-duplex'], resolutions: [150, 300, 600] });
    await expect(Promise.resolve().then(() => h.capabilities({ device: 'nope' }, ctx))).rejects.toMatchObject({ code: 'SCAN_BAD_DEVICE_URI' });
  });
});

describe('scanner settings', () => {
  it('takes eSCL URLs ending in /eSCL and a full folder path; refuses anything else in Vietnamese', async () => {
    for (const v of [[], null, ['http://192.168.1.20:8080/eSCL', 'https://scanner.local/eSCL/', 'http://[fd00::5]/Scan/escl']]) await setSetting('scanning.esclUrls', v);
    for (const v of [null, { enabled: false, dir: '' }, { enabled: true, dir: t.dir }]) await setSetting('scanning.folder', v);
    const bad: [string, unknown, string][] = [
      ['scanning.esclUrls', 'http://192.168.1.20/eSCL', 'SETTINGS_BAD_ESCL_URLS'],
      ['scanning.esclUrls', ['ftp://192.168.1.20/eSCL'], 'SETTINGS_BAD_ESCL_URLS'],
      ['scanning.esclUrls', ['http://192.168.1.20/'], 'SETTINGS_BAD_ESCL_URLS'],
      ['scanning.esclUrls', ['http://user:pw@192.168.1.20/eSCL'], 'SETTINGS_BAD_ESCL_URLS'],
      ['scanning.esclUrls', ['http://192.168.1.20/eSCL?x=1'], 'SETTINGS_BAD_ESCL_URLS'],
      ['scanning.esclUrls', ['http://192.168.1.20/eSCL\n'], 'SETTINGS_BAD_ESCL_URLS'],
      ['scanning.esclUrls', [42], 'SETTINGS_BAD_ESCL_URLS'],
      ['scanning.esclUrls', Array.from({ length: 33 }, (_, i) => `http://10.0.0.${i}/eSCL`), 'SETTINGS_BAD_ESCL_URLS'],
      ['scanning.folder', { enabled: true, dir: 'relative/inbox' }, 'SETTINGS_BAD_SCAN_FOLDER'],
      ['scanning.folder', { enabled: true, dir: '' }, 'SETTINGS_BAD_SCAN_FOLDER'],
      ['scanning.folder', { enabled: 'yes', dir: t.dir }, 'SETTINGS_BAD_SCAN_FOLDER'],
      ['scanning.folder', { enabled: true, dir: t.dir, extra: 1 }, 'SETTINGS_BAD_SCAN_FOLDER'],
      ['scanning.folder', { enabled: true, dir: `${t.dir}\nx` }, 'SETTINGS_BAD_SCAN_FOLDER'],
      ['scanning.folder', t.dir, 'SETTINGS_BAD_SCAN_FOLDER'],
      ['scanning.profiles', { default: null, procedures: {} }, 'SETTINGS_KEY_OWNED'],
    ];
    for (const [key, value, code] of bad) {
      const e = errorOf(await t.core.dispatch(admin, 'settings.set', { key, value }));
      expect(e, `${key}=${JSON.stringify(value)}`).toMatchObject({ code });
      expect((e as { message: string }).message, code).not.toMatch(/^[A-Z_]+$/);
    }
    expect(errorOf(await t.core.dispatch(admin, 'settings.set', { key: 'scanning.esclUrls', value: ['ftp://x/eSCL'] }))).toMatchObject({
      message: expect.stringMatching(/^Địa chỉ máy quét eSCL "ftp:\/\/x\/eSCL" không hợp lệ/),
    });
  });
});

describe('scan profiles', () => {
  const profile = (device: string, over: Partial<ScanProfile> = {}): ScanProfile => ({ device, source: 'adf-duplex', dpi: 300, color: 'gray', ...over });

  it('remembers the counter\'s default and per-procedure profiles, and forgets them on request', async () => {
    const h = scansDirectoryHandlers(directory().dir);
    const ctx = { actor: clerk } as CallContext;
    expect(await h.profiles({}, ctx)).toEqual({ default: null, procedures: [] });
    await h.saveProfile({ procedureCode: null, profile: profile(`escl:${escl.url}/`) }, ctx);
    await h.saveProfile({ procedureCode: '1.001234', profile: profile('sane:fujitsu:fi-7160:1234', { source: 'flatbed', dpi: 600, color: 'color' }) }, ctx);
    await h.saveProfile({ procedureCode: '__proto__', profile: profile('folder:/srv/scan') }, ctx);
    // Kept in the database: a new directory (another start) reads the same.
    const again = scansDirectoryHandlers(directory().dir);
    const saved = await again.profiles({}, ctx);
    expect(saved.default).toEqual(profile(`escl:${escl.url}`));
    expect(saved.procedures).toEqual([
      { procedureCode: '1.001234', device: 'sane:fujitsu:fi-7160:1234', source: 'flatbed', dpi: 600, color: 'color' },
      { procedureCode: '__proto__', ...profile('folder:/srv/scan') },
    ]);
    // Saving a procedure again replaces its profile.
    await again.saveProfile({ procedureCode: '1.001234', profile: profile('sane:test:0') }, ctx);
    expect((await again.profiles({}, ctx)).procedures.map((p) => [p.procedureCode, p.device])).toEqual([
      ['__proto__', 'folder:/srv/scan'],
      ['1.001234', 'sane:test:0'],
    ]);
    const forgotten = await again.saveProfile({ procedureCode: '1.001234', profile: null }, ctx);
    expect(forgotten.procedures.map((p) => p.procedureCode)).toEqual(['__proto__']);
    expect(forgotten.default).toEqual(profile(`escl:${escl.url}`));
    // Audited with the clerk who saved it.
    const row = t.core.db.prepare("SELECT updated_by FROM settings WHERE key = 'scanning.profiles'").pluck().get();
    expect(row).toBe('user:clerk1#7');
  });

  it('lets a clerk save and read profiles through scans.*, while settings.set cannot write them', async () => {
    await call(t.core, admin, 'users.create', { username: 'canbo1', displayName: 'Cán bộ Một', role: 'clerk', password: 'mat-khau-123' });
    const clerkConn = conn(t.core);
    await call(t.core, clerkConn, 'auth.login', { username: 'canbo1', password: 'mat-khau-123' });
    const saved = await call(t.core, clerkConn, 'scans.saveProfile', { procedureCode: '1.001234', profile: profile(`escl:${escl.url}`) });
    expect(saved.procedures).toEqual([{ procedureCode: '1.001234', ...profile(`escl:${escl.url}`) }]);
    expect(await call(t.core, clerkConn, 'scans.profiles', {})).toEqual(saved);
    expect(errorOf(await t.core.dispatch(clerkConn, 'scans.saveProfile', { procedureCode: null, profile: { ...profile('sane:x'), dpi: 5000 } }))).toMatchObject({ code: 'RPC_INVALID_INPUT' });
    expect(errorOf(await t.core.dispatch(clerkConn, 'scans.saveProfile', { procedureCode: null, profile: profile('usb:1') }))).toMatchObject({ code: 'SCAN_BAD_DEVICE_URI' });
    expect(errorOf(await t.core.dispatch(admin, 'settings.set', { key: 'scanning.profiles', value: null }))).toMatchObject({ code: 'SETTINGS_KEY_OWNED' });
  });

  it('refuses a profile whose device names no scanner kind, and more than the bound of procedures', async () => {
    const store = directory().dir.profiles;
    expect(() => store.save(clerk, null, profile('usb:001'))).toThrow(expect.objectContaining({ code: 'SCAN_BAD_DEVICE_URI' }));
    for (let i = 0; i < MAX_SCAN_PROFILES; i += 1) store.save(clerk, `P${i}`, profile('sane:test:0'));
    expect(() => store.save(clerk, 'one-more', profile('sane:test:0'))).toThrow(expect.objectContaining({ code: 'SETTINGS_TOO_MANY_SCAN_PROFILES' }));
    // Replacing an existing one is still allowed at the bound.
    expect(store.save(clerk, 'P0', profile('sane:test:1')).procedures.find((p) => p.procedureCode === 'P0')?.device).toBe('sane:test:1');
    expect(store.get().procedures).toHaveLength(MAX_SCAN_PROFILES);
  });
});
