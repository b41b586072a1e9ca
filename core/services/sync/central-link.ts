/**
 * Which central server this counter is enrolled with, and its device credentials. Kept in <data>/sync/ (folder
 * 0700, file 0600, written durably: temp, fsync, rename, folder fsync); the URL may be overridden for one run
 * (`motcua sync --central URL`). Electron may later keep the token with safeStorage behind the same class.
 * PLACEHOLDER (skeleton): the transport helper implements it.
 */
import type { Logger } from '../../platform/logger';

export interface CentralCredentials {
  central: string;
  counterId: string;
  deviceId: string;
  deviceToken: string;
  serverId: string;
  enrolledAt: string;
}

export class CentralLink {
  constructor(private readonly opts: { dataRoot: string; logger: Logger; overrideUrl?: string | null }) {}

  /** null: not enrolled (or the credentials file is unreadable: logged). */
  credentials(): CentralCredentials | null {
    void this.opts;
    return null;
  }

  /** Durable, owner-only. */
  save(_c: CentralCredentials): void {
    throw new Error('CentralLink.save: not implemented yet (skeleton)');
  }

  /** The URL to talk to: the override, else the enrolled one. */
  url(): string | null {
    return this.opts.overrideUrl ?? this.credentials()?.central ?? null;
  }
}
