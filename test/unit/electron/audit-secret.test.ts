/** Issue #13 item 9, desktop side: the audit master secret lives with safeStorage in main and reaches the core by message. */
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateMasterSecret, MASTER_SECRET_FILE, type SafeStorageLike } from '../../../electron/main/audit-secret';
import { receiveAuditSecret } from '../../../electron/utility/audit-secret';
import { AuditKeyStore } from '../../../core/platform/audit-key-store';
import { tempDir } from '../../helpers/temp';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A stand-in keychain: reversible, and visibly not plain text. */
function fakeSafe(opts: { available?: boolean; backend?: string } = {}): SafeStorageLike {
  return {
    isEncryptionAvailable: () => opts.available ?? true,
    encryptString: (s) => Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)),
    decryptString: (b) => Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8'),
    ...(opts.backend ? { getSelectedStorageBackend: () => opts.backend! } : {}),
  };
}

function keyDir(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return path.join(t.dir, 'keys');
}

describe('desktop audit master secret', () => {
  it('is made once, stored only encrypted and owner-only, and read back the same', () => {
    const dir = keyDir();
    const first = loadOrCreateMasterSecret(dir, fakeSafe())!;
    expect(first).toHaveLength(32);
    const stored = readFileSync(path.join(dir, MASTER_SECRET_FILE));
    expect(stored.toString('utf8')).not.toContain(first.toString('base64'));
    if (process.platform !== 'win32') expect(statSync(path.join(dir, MASTER_SECRET_FILE)).mode & 0o077).toBe(0);
    expect(loadOrCreateMasterSecret(dir, fakeSafe())).toEqual(first);
  });

  it('falls back to key files when the OS has no real keychain', () => {
    const dir = keyDir();
    expect(loadOrCreateMasterSecret(dir, fakeSafe({ available: false }))).toBeNull();
    expect(loadOrCreateMasterSecret(dir, fakeSafe({ backend: 'basic_text' }))).toBeNull();
    expect(existsSync(path.join(dir, MASTER_SECRET_FILE))).toBe(false);
  });

  it('never replaces a secret it cannot decrypt', () => {
    const dir = keyDir();
    loadOrCreateMasterSecret(dir, fakeSafe());
    expect(() => loadOrCreateMasterSecret(dir, fakeSafe({ available: false }))).toThrow();
  });

  it('reaches the utility process as its first message, and keys are derived from it, not written', async () => {
    const port = new EventEmitter();
    const got = receiveAuditSecret({ on: (e, l) => port.on(e, l), off: (e, l) => port.off(e, l) }, 1000);
    port.emit('message', { data: { type: 'call', id: 1 } }); // anything else is not the secret
    const secret = Buffer.alloc(32, 3);
    port.emit('message', { data: { type: 'auditSecret', secret: secret.toString('base64') } });
    expect(await got).toEqual(secret);

    const dir = keyDir();
    const data = tempDir();
    cleanups.push(data.cleanup);
    const store = new AuditKeyStore({ dir, masterSecret: secret });
    store.open(data.dir);
    const made = store.create(0, data.dir, new Date());
    expect(made.record.protection).toBe('master');
    expect(readFileSync(path.join(dir, `${made.record.keyId}.key`), 'utf8')).not.toContain(made.secret.toString('base64'));
    expect(new AuditKeyStore({ dir, masterSecret: secret }).load(made.record.keyId)!.secret).toEqual(made.secret);
    // Without the desktop app's secret (the CLI), the key cannot be opened: refused with its code.
    expect(() => new AuditKeyStore({ dir }).load(made.record.keyId)).toThrow(expect.objectContaining({ code: 'AUDIT_KEY_UNAVAILABLE' }));
  });

  it('a null secret means key files', async () => {
    const port = new EventEmitter();
    const got = receiveAuditSecret({ on: (e, l) => port.on(e, l) }, 1000);
    port.emit('message', { data: { type: 'auditSecret', secret: null } });
    expect(await got).toBeUndefined();
  });
});
