/**
 * Where the audit chain's HMAC keys live: a folder OUTSIDE the data folder, owner-only (0700, files 0600), one
 * key record per database. Whoever can write motcua.sqlite (a copied backup, a DB tool, a shared folder) then
 * cannot re-make the chain's hashes. Default folder: "<OS config dir>/MotCua Desk Keys" (beside, never inside,
 * the default data folder); MOTCUA_KEY_DIR overrides it (tests, or an admin who keeps keys elsewhere).
 *
 * A database is tied to its record by a random key id stored in the database (setting audit.keyId), not by the
 * folder's path: moving the data folder or restoring a backup of it keeps finding the same key, while the key is
 * never inside a backup of the data folder (back the key folder up separately). The record also remembers the
 * folder it was last used from, so a database whose key id was removed is not silently given a fresh key.
 *
 * Beside each key sits a head record (last row id and hash, MAC'd) so cutting rows off the end of the log is seen
 * locally; it may lag the database (written after commit), never lead it.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, constants, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../contract/errors';
import { realInsideSync } from './inside';

export const KEY_DIR_NAME = 'MotCua Desk Keys';

/** The folder holding key records; beside the default data folder, in the user's OS config area. */
export function resolveKeyDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const explicit = env.MOTCUA_KEY_DIR?.trim();
  if (explicit) return path.resolve(explicit);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), KEY_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', KEY_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), KEY_DIR_NAME);
}

/** What a key record file holds. `key` is absent when the secret is derived from a master secret (Electron). */
export interface KeyRecord {
  v: 1;
  keyId: string;
  /** Rows with id <= legacyUntil were written before keying (plain SHA-256); every later row is HMAC'd. */
  legacyUntil: number;
  /** The data folder this database was last opened from (real path). */
  dataDir: string;
  createdAt: string;
  protection: 'file' | 'master';
  key?: string;
}

export interface HeadRecord {
  lastId: number;
  lastHash: string;
}

export interface AuditKeySourceOptions {
  dir: string;
  /**
   * Electron: a master secret kept by the main process with safeStorage and handed to the utility process; each
   * database's key is derived from it, so no key is written to disk in clear. Web mode and the CLI: absent, and
   * the key is kept in the owner-only record file.
   */
  masterSecret?: Buffer;
}

const KEY_ID_RE = /^[a-f0-9]{32}$/;

function keyFile(dir: string, keyId: string): string {
  return path.join(dir, `${keyId}.key`);
}
function headFile(dir: string, keyId: string): string {
  return path.join(dir, `${keyId}.head`);
}

/** Owner-only check (POSIX). Windows keeps the user profile's ACLs, which mode bits do not describe. */
function checkPrivate(p: string, kind: 'dir' | 'file'): void {
  if (process.platform === 'win32') return;
  const st = statSync(p);
  const uid = process.getuid?.();
  if ((st.mode & 0o077) !== 0 || (uid !== undefined && st.uid !== uid)) {
    throw new AppError('AUDIT_KEY_PERMISSIONS', { path: path.basename(p), kind, mode: (st.mode & 0o777).toString(8) });
  }
}

/** Atomic, durable, owner-only write: a reader sees the old or the new content, never a torn one. */
function writePrivate(file: string, content: string, exclusive: boolean): void {
  const target = exclusive ? file : `${file}.${process.pid}.tmp`;
  const fd = openSync(target, constants.O_WRONLY | constants.O_CREAT | (exclusive ? constants.O_EXCL : constants.O_TRUNC), 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (!exclusive) renameSync(target, file);
}

export class AuditKeyStore {
  readonly dir: string;
  private readonly master: Buffer | undefined;

  constructor(opts: AuditKeySourceOptions) {
    this.dir = opts.dir;
    this.master = opts.masterSecret;
  }

  /** Creates the folder owner-only and refuses one that others can read, or one inside the data folder. */
  open(dataDir: string): void {
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    } catch (e) {
      throw new AppError('AUDIT_KEY_DIR_UNAVAILABLE', { dir: path.basename(this.dir), reason: (e as { code?: string }).code ?? 'error' }, { cause: e });
    }
    if (realInsideSync(dataDir, this.dir) !== null) throw new AppError('AUDIT_KEY_DIR_IN_DATA', { dir: KEY_DIR_NAME });
    checkPrivate(this.dir, 'dir');
  }

  /** The record and secret of a key id, or null when there is no such file. */
  load(keyId: string): { record: KeyRecord; secret: Buffer } | null {
    if (!KEY_ID_RE.test(keyId)) throw new AppError('AUDIT_KEY_CORRUPT', { keyId: keyId.slice(0, 40) });
    const file = keyFile(this.dir, keyId);
    let text: string;
    try {
      checkPrivate(file, 'file');
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') return null;
      throw e;
    }
    let record: KeyRecord;
    try {
      record = JSON.parse(text) as KeyRecord;
    } catch {
      throw new AppError('AUDIT_KEY_CORRUPT', { keyId });
    }
    if (record.keyId !== keyId || !Number.isInteger(record.legacyUntil)) throw new AppError('AUDIT_KEY_CORRUPT', { keyId });
    return { record, secret: this.secretOf(record) };
  }

  /** Makes a new key record (never overwrites one). */
  create(legacyUntil: number, dataDir: string, now: Date): { record: KeyRecord; secret: Buffer } {
    const keyId = randomBytes(16).toString('hex');
    const record: KeyRecord = {
      v: 1,
      keyId,
      legacyUntil,
      dataDir: realpathSync(dataDir),
      createdAt: now.toISOString(),
      protection: this.master ? 'master' : 'file',
      ...(this.master ? {} : { key: randomBytes(32).toString('base64') }),
    };
    writePrivate(keyFile(this.dir, keyId), JSON.stringify(record, null, 2) + '\n', true);
    return { record, secret: this.secretOf(record) };
  }

  /** Undo of create when the database transaction that names the key did not commit. */
  discard(keyId: string): void {
    for (const f of [keyFile(this.dir, keyId), headFile(this.dir, keyId)]) {
      try {
        unlinkSync(f);
      } catch {
        // already gone
      }
    }
  }

  /** The data folder moved: remember where it is now (the key stays the same). */
  rememberDataDir(record: KeyRecord, dataDir: string): KeyRecord {
    const real = realpathSync(dataDir);
    if (record.dataDir === real) return record;
    const next = { ...record, dataDir: real };
    writePrivate(keyFile(this.dir, record.keyId), JSON.stringify(next, null, 2) + '\n', false);
    return next;
  }

  /** Key records that say they belong to this data folder. */
  claimsOn(dataDir: string): string[] {
    const real = realpathSync(dataDir);
    const out: string[] = [];
    for (const name of readdirSync(this.dir)) {
      if (!name.endsWith('.key')) continue;
      try {
        const r = JSON.parse(readFileSync(path.join(this.dir, name), 'utf8')) as KeyRecord;
        if (r.dataDir === real) out.push(r.keyId);
      } catch {
        // not a record of ours
      }
    }
    return out;
  }

  readHead(keyId: string, secret: Buffer): HeadRecord | 'missing' | 'invalid' {
    let text: string;
    try {
      text = readFileSync(headFile(this.dir, keyId), 'utf8');
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') return 'missing';
      throw e;
    }
    try {
      const h = JSON.parse(text) as HeadRecord & { mac: string };
      const want = headMac(secret, keyId, h);
      const got = Buffer.from(String(h.mac), 'hex');
      if (got.length !== want.length || !timingSafeEqual(got, want)) return 'invalid';
      return { lastId: h.lastId, lastHash: h.lastHash };
    } catch {
      return 'invalid';
    }
  }

  writeHead(keyId: string, secret: Buffer, head: HeadRecord): void {
    const body = { lastId: head.lastId, lastHash: head.lastHash, mac: headMac(secret, keyId, head).toString('hex') };
    writePrivate(headFile(this.dir, keyId), JSON.stringify(body) + '\n', false);
  }

  private secretOf(record: KeyRecord): Buffer {
    if (record.protection === 'master') {
      if (!this.master) throw new AppError('AUDIT_KEY_UNAVAILABLE', { keyId: record.keyId });
      return createHmac('sha256', this.master).update(`motcua-audit-key:${record.keyId}`).digest();
    }
    const key = Buffer.from(record.key ?? '', 'base64');
    if (key.length < 32) throw new AppError('AUDIT_KEY_CORRUPT', { keyId: record.keyId });
    return key;
  }
}

function headMac(secret: Buffer, keyId: string, h: HeadRecord): Buffer {
  return createHmac('sha256', secret).update(JSON.stringify(['head', keyId, h.lastId, h.lastHash])).digest();
}
