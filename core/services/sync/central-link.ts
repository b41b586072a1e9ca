/**
 * Which central server this counter is enrolled with, and its device credentials. Kept in <data>/sync/credentials.json
 * (folder 0700, file 0600, written durably: a 0600 temp file, fsync, rename, folder fsync); the URL may be overridden
 * for one run (`motcua sync --central URL`). Electron may later keep the token with safeStorage behind the same class.
 *
 * A credentials file (or its folder) that others can read is refused with SYNC_CREDENTIALS_PERMISSIONS, as the audit
 * key store does: the device token may already have leaked, so quietly tightening the mode would hide that; the admin
 * fixes the mode (or enrols again) knowingly. A file that cannot be read or parsed is logged and counts as not
 * enrolled (enrolling again rewrites it).
 */
import { chmodSync, mkdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../contract/errors';
import type { Logger } from '../../platform/logger';
import { writeFileDurably } from '../documents/durable-files';

export interface CentralCredentials {
  central: string;
  counterId: string;
  deviceId: string;
  deviceToken: string;
  serverId: string;
  enrolledAt: string;
}

const credentialsSchema = z.object({
  central: z.string().min(1),
  counterId: z.string().min(1),
  deviceId: z.string().min(1),
  deviceToken: z.string().min(1),
  serverId: z.string(),
  enrolledAt: z.string(),
});

export const CREDENTIALS_DIR = 'sync';
export const CREDENTIALS_FILE = 'credentials.json';

export class CentralLink {
  /** The last file read (by its stat), so a garbled file is logged once, not on every call. */
  private cache: { key: string; value: CentralCredentials | null } | null = null;

  constructor(private readonly opts: { dataRoot: string; logger: Logger; overrideUrl?: string | null }) {}

  get dir(): string {
    return path.join(this.opts.dataRoot, CREDENTIALS_DIR);
  }

  get file(): string {
    return path.join(this.dir, CREDENTIALS_FILE);
  }

  /** null: not enrolled (or the credentials file is unreadable: logged). Throws SYNC_CREDENTIALS_PERMISSIONS. */
  credentials(): CentralCredentials | null {
    let st: Stats;
    try {
      st = statSync(this.file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.opts.logger.warn('sync credentials cannot be read; not enrolled', { code: (e as NodeJS.ErrnoException).code });
      this.cache = null;
      return null;
    }
    checkPrivate(this.dir, statSync(this.dir));
    checkPrivate(this.file, st);
    const key = `${st.ino}:${st.size}:${st.mtimeMs}`;
    if (this.cache?.key === key) return this.cache.value;
    let value: CentralCredentials | null = null;
    try {
      const parsed = credentialsSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      if (parsed.success) value = parsed.data;
      else this.opts.logger.warn('sync credentials file is garbled; not enrolled', { issue: parsed.error.issues[0]?.message });
    } catch (e) {
      this.opts.logger.warn('sync credentials file is unreadable; not enrolled', { error: (e as Error).message });
    }
    this.cache = { key, value };
    return value;
  }

  /** Durable, owner-only: the folder is made (or made again) 0700, the file is 0600 from its first byte. */
  save(c: CentralCredentials): void {
    const value = credentialsSchema.parse(c);
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32') chmodSync(this.dir, 0o700);
    writeFileDurably(this.file, Buffer.from(JSON.stringify(value, null, 2) + '\n', 'utf8'), { mode: 0o600 });
    this.cache = null;
  }

  /** The URL to talk to: the override, else the enrolled one. */
  url(): string | null {
    return this.opts.overrideUrl ?? this.credentials()?.central ?? null;
  }
}

/** Owner-only check (POSIX). Windows keeps the user profile's ACLs, which mode bits do not describe. */
function checkPrivate(p: string, st: Stats): void {
  if (process.platform === 'win32') return;
  const uid = process.getuid?.();
  if ((st.mode & 0o077) !== 0 || (uid !== undefined && st.uid !== uid)) {
    throw new AppError('SYNC_CREDENTIALS_PERMISSIONS', { path: path.basename(p), mode: (st.mode & 0o777).toString(8) });
  }
}
