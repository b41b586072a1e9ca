/** CentralLink: owner-only, durable credentials; refusal of a file others can read; garbled → not enrolled. */
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../../core/platform/logger';
import { CentralLink, type CentralCredentials } from '../../../core/services/sync/central-link';
import { tempDir } from '../../helpers/temp';

const CREDS: CentralCredentials = {
  central: 'http://127.0.0.1:9/central',
  counterId: 'Q03',
  deviceId: 'dev-1',
  deviceToken: 'secret-token',
  serverId: 'srv-1',
  enrolledAt: '2026-12-07T01:00:00.000Z',
};

function logger(): Logger & { warn: ReturnType<typeof vi.fn> } {
  const l = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn(), child: () => l };
  return l as unknown as Logger & { warn: ReturnType<typeof vi.fn> };
}

const posix = process.platform !== 'win32';
let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());
function setup(overrideUrl: string | null = null) {
  const t = tempDir('motcua-link-');
  cleanup = t.cleanup;
  const log = logger();
  return { dir: t.dir, log, link: new CentralLink({ dataRoot: t.dir, logger: log, overrideUrl }) };
}

describe('CentralLink', () => {
  it('not enrolled until saved; saved credentials read back; url() is the enrolled one or the override', () => {
    const { dir, link, log } = setup();
    expect(link.credentials()).toBeNull();
    expect(link.url()).toBeNull();
    link.save(CREDS);
    expect(link.credentials()).toEqual(CREDS);
    expect(link.url()).toBe(CREDS.central);
    expect(new CentralLink({ dataRoot: dir, logger: log, overrideUrl: 'http://127.0.0.1:8/x' }).url()).toBe('http://127.0.0.1:8/x');
    expect(JSON.parse(readFileSync(path.join(dir, 'sync', 'credentials.json'), 'utf8'))).toEqual(CREDS);
  });

  it.skipIf(!posix)('writes the folder 0700 and the file 0600 (even under a loose umask), leaving no temp file', () => {
    const { dir, link } = setup();
    const old = process.umask(0o000);
    try {
      link.save(CREDS);
      link.save({ ...CREDS, deviceToken: 'second' }); // replaces, atomically
    } finally {
      process.umask(old);
    }
    expect(statSync(path.join(dir, 'sync')).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dir, 'sync', 'credentials.json')).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.join(dir, 'sync'))).toEqual(['credentials.json']);
    expect(link.credentials()?.deviceToken).toBe('second');
  });

  it.skipIf(!posix)('refuses a credentials file or folder others can read (SYNC_CREDENTIALS_PERMISSIONS), with its mode', () => {
    const { dir, link } = setup();
    link.save(CREDS);
    const file = path.join(dir, 'sync', 'credentials.json');
    chmodSync(file, 0o644);
    expect(() => link.credentials()).toThrowError(expect.objectContaining({ code: 'SYNC_CREDENTIALS_PERMISSIONS', params: { path: 'credentials.json', mode: '644' } }));
    chmodSync(file, 0o600);
    chmodSync(path.join(dir, 'sync'), 0o755);
    expect(() => link.credentials()).toThrowError(expect.objectContaining({ code: 'SYNC_CREDENTIALS_PERMISSIONS' }));
    // Saving again (enrolling again) makes it private again.
    link.save(CREDS);
    expect(link.credentials()).toEqual(CREDS);
  });

  it('a garbled or incomplete file is logged once and counts as not enrolled', () => {
    const { dir, link, log } = setup();
    mkdirSync(path.join(dir, 'sync'), { mode: 0o700 });
    const file = path.join(dir, 'sync', 'credentials.json');
    writeFileSync(file, '{"central": "http://x", "counterId"', { mode: 0o600 });
    expect(link.credentials()).toBeNull();
    expect(link.credentials()).toBeNull();
    expect(log.warn).toHaveBeenCalledTimes(1);
    writeFileSync(file, JSON.stringify({ central: 'http://x' }), { mode: 0o600 });
    expect(link.credentials()).toBeNull();
    expect(log.warn).toHaveBeenCalledTimes(2);
    expect(link.url()).toBeNull();
  });
});
