/**
 * The SequenceAuthority a counter uses: the central server's blocks once enrolled (codes from them carry no counter
 * segment), the local table before that. Offline (network, 5xx, timeout, a bad reply) → SEQUENCE_AUTHORITY_UNREACHABLE,
 * and the allocator falls back to codes with the counter's id (code-allocator.ts); a 4xx → AppError with the server's
 * code. A block request carries a request id stored in sync_state before the call and cleared once answered, so a
 * retry after a lost reply (even from a restarted process) gets the same block, never a second one.
 * After a network-kind failure (unreachable, timeout, 5xx) the authority fails fast for a cooling-off window: a
 * receipt tops its reserve up before its transaction, so a blackholed central must not cost the clerk the whole
 * timeout at every receipt. The first call after the window tries again; a success ends it, and so does the sync
 * worker sending an item meanwhile (sync_state lastSuccessAt moved, from this process or `motcua sync` beside it):
 * the central is back, so codes come from its blocks again at once.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../contract/errors';
import type { Db } from '../../store/database';
import { LocalSequenceAuthority, type SequenceAuthority, type SequenceBlock } from '../dossiers/sequence-authority';
import { createCentralClient, type CentralClient, type CentralClientOptions } from './central-client';
import type { CentralLink } from './central-link';

/** sync_state key of the block request in flight for (agency, day, size). */
export function blockRequestKey(agencyCode: string, day: string, size: number): string {
  return `seqreq:${agencyCode}:${day}:${size}`;
}

export interface EnrolledSequenceAuthorityOptions {
  db: Db;
  link: CentralLink;
  /** Default createCentralClient (tests pass their own). */
  createClient?: (opts: CentralClientOptions) => CentralClient;
  /** Whole-call limit of a block request, ms: a receipt waits on it (default 5 000). */
  timeoutMs?: number;
  /** After a network-kind failure, calls fail at once for this long, ms (default 30 000). */
  coolOffMs?: number;
  /** Injected time, epoch ms (default Date.now), so tests move it instead of sleeping. */
  now?: () => number;
}

/** Default cooling-off window after the central could not be reached, ms. */
export const DEFAULT_COOL_OFF_MS = 30_000;

export class EnrolledSequenceAuthority implements SequenceAuthority {
  private readonly local: LocalSequenceAuthority;
  /** Where the last block served came from: what the allocator records beside it. */
  private lastKind: 'local' | 'central' | null = null;
  private client: { key: string; client: CentralClient } | null = null;
  /** Until when (epoch ms) calls fail fast, and why: the last network-kind failure. */
  private coolOff: { until: number; detail: string; lastSuccessAt: string | null } | null = null;

  constructor(private readonly opts: EnrolledSequenceAuthorityOptions) {
    this.local = new LocalSequenceAuthority(opts.db);
  }

  get kind(): 'local' | 'central' {
    if (this.lastKind) return this.lastKind;
    try {
      return this.opts.link.credentials() ? 'central' : 'local';
    } catch {
      return 'local';
    }
  }

  async reserveBlock(agencyCode: string, day: string, size: number): Promise<SequenceBlock> {
    const creds = this.opts.link.credentials();
    const url = this.opts.link.url();
    if (!creds || !url) {
      const block = await this.local.reserveBlock(agencyCode, day, size);
      this.lastKind = 'local';
      return block;
    }
    const now = this.opts.now ?? Date.now;
    if (this.coolOff && now() < this.coolOff.until && this.lastSyncSuccess() === this.coolOff.lastSuccessAt) {
      throw new AppError('SEQUENCE_AUTHORITY_UNREACHABLE', { detail: `cooling off after: ${this.coolOff.detail}` });
    }
    const key = blockRequestKey(agencyCode, day, size);
    const requestId = this.pendingRequestId(key);
    const r = await this.clientFor(url, creds.deviceToken).reserveBlock({ requestId, agencyCode, day, size });
    if (!r.ok) {
      if (r.kind === 'rejected') {
        this.coolOff = null; // the central answered: it is reachable
        this.clear(key);
        throw new AppError(r.error.code, { reason: r.error.message.slice(0, 300) });
      }
      const detail = r.detail.slice(0, 300);
      this.coolOff = { until: now() + (this.opts.coolOffMs ?? DEFAULT_COOL_OFF_MS), detail, lastSuccessAt: this.lastSyncSuccess() };
      // Kept: the central may have made the block; the next try asks for the same one.
      throw new AppError('SEQUENCE_AUTHORITY_UNREACHABLE', { detail });
    }
    this.coolOff = null;
    const { start, end } = r.value;
    if (end <= start || end - start > size) throw new AppError('SEQUENCE_AUTHORITY_UNREACHABLE', { detail: `central block ${start}..${end} does not fit size ${size}` });
    this.clear(key);
    this.lastKind = 'central';
    return { start, end };
  }

  /** When the sync worker last had an item accepted (sync-state.ts 'lastSuccessAt'). */
  private lastSyncSuccess(): string | null {
    return this.opts.db.prepare<[], { value: string }>("SELECT value FROM sync_state WHERE key = 'lastSuccessAt'").get()?.value ?? null;
  }

  /** The stored request id of (agency, day, size), or a new one stored before it is sent. */
  private pendingRequestId(key: string): string {
    const made = randomUUID();
    this.opts.db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING').run(key, made);
    return this.opts.db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?').get(key)?.value ?? made;
  }

  private clear(key: string): void {
    this.opts.db.prepare('DELETE FROM sync_state WHERE key = ?').run(key);
  }

  private clientFor(url: string, token: string): CentralClient {
    const key = `${url}\u0000${token}`;
    if (this.client?.key !== key) {
      (this.client?.client as { close?: () => void } | undefined)?.close?.();
      this.client = { key, client: (this.opts.createClient ?? createCentralClient)({ baseUrl: url, deviceToken: token, timeoutMs: this.opts.timeoutMs ?? 5_000 }) };
    }
    return this.client.client;
  }
}
