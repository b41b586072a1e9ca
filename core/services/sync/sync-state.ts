/**
 * sync_state (migration 011): the single values sync keeps across restarts — the pull cursor, the last success and
 * attempt, the worker's offline spell (its one stored next try), the audit anchor's last refusal, the last pull error.
 * Each write is its own statement (durable when it returns: the cursor moves only after its change is applied).
 */
import type { Db } from '../../store/database';

export interface StoredError {
  at: string;
  code: string;
  /** The server's own words (Vietnamese), when it gave them; else the catalogue's text for the code is shown. */
  message: string | null;
  detail?: string;
}

export interface OfflineSpell {
  since: string;
  /** Failed tries in a row while offline (the backoff's exponent). */
  attempts: number;
  nextAt: string;
  code: string;
  detail: string;
}

type Key = 'cursor' | 'lastSuccessAt' | 'lastAttemptAt' | 'offline' | 'auditError' | 'pullError' | 'anchoredAt';

export class SyncState {
  constructor(private readonly db: Db) {}

  get(key: Key): string | null {
    return this.db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?').get(key)?.value ?? null;
  }

  set(key: Key, value: string): void {
    this.db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  clear(key: Key): void {
    this.db.prepare('DELETE FROM sync_state WHERE key = ?').run(key);
  }

  json<T>(key: 'offline' | 'auditError' | 'pullError'): T | null {
    const v = this.get(key);
    if (v === null) return null;
    try {
      return JSON.parse(v) as T;
    } catch {
      return null;
    }
  }

  cursor(): string {
    return this.get('cursor') ?? '0';
  }

  offline(): OfflineSpell | null {
    return this.json<OfflineSpell>('offline');
  }
}
