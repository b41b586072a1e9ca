/**
 * Main process: the desktop app's audit master secret, kept encrypted with Electron's safeStorage (DPAPI, Keychain,
 * libsecret/kwallet) in the key folder, outside the data folder. No Electron import here: safeStorage is passed in,
 * so this runs under vitest. The utility process receives the secret (electron/utility/audit-secret.ts) and derives
 * each database's key from it (core/platform/audit-key-store.ts).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';

/** The part of Electron's safeStorage this needs. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only; 'basic_text' means a hard-coded password, no better than an owner-only file. */
  getSelectedStorageBackend?(): string;
}

export const MASTER_SECRET_FILE = 'desktop-master.safe';

/**
 * The master secret, made once. null when the OS keychain is unavailable: the core then keeps owner-only key files
 * like web mode. An existing encrypted secret that cannot be decrypted is an error (never silently replaced: that
 * would orphan every database keyed with it).
 */
export function loadOrCreateMasterSecret(keyDir: string, safe: SafeStorageLike): Buffer | null {
  const file = path.join(keyDir, MASTER_SECRET_FILE);
  let existing: Buffer | null = null;
  try {
    existing = readFileSync(file);
  } catch (e) {
    if ((e as { code?: string }).code !== 'ENOENT') throw e;
  }
  if (existing !== null) {
    if (!safe.isEncryptionAvailable()) throw new Error('audit master secret exists but the OS keychain is unavailable');
    const secret = Buffer.from(safe.decryptString(existing), 'base64');
    if (secret.length !== 32) throw new Error('audit master secret is damaged');
    return secret;
  }
  if (!safe.isEncryptionAvailable() || safe.getSelectedStorageBackend?.() === 'basic_text') return null;
  mkdirSync(keyDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32);
  const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  try {
    writeSync(fd, safe.encryptString(secret.toString('base64')));
  } finally {
    closeSync(fd);
  }
  return secret;
}
