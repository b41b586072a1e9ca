/**
 * Reception drafts, one per clerk: saved often (debounced by the renderer), read back on load, dropped when the
 * dossier is decided or the clerk discards it. Not audited: a draft is work in progress, not a record.
 */
import { AppError } from '../../contract/errors';
import type { Db } from '../../store/database';
import type { Clock } from '../../platform/clock';
import type { Actor } from '../actor';

/** Drafts are kept per person: a user by id (a renamed user keeps their draft), a system actor by name. */
function ownerOf(actor: Actor): string {
  return actor.kind === 'user' ? `user#${actor.userId}` : `system:${actor.name}`;
}

export class ReceptionDraftStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  get(actor: Actor): { data: string; savedAt: string } | null {
    const row = this.db.prepare<[string], { data: string; saved_at: string }>('SELECT data, saved_at FROM reception_drafts WHERE owner = ?').get(ownerOf(actor));
    return row ? { data: row.data, savedAt: row.saved_at } : null;
  }

  save(actor: Actor, data: string): { savedAt: string } {
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      parsed = null;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new AppError('RECEPTION_DRAFT_INVALID', {}, { field: 'data' });
    const savedAt = this.clock.now().toISOString();
    this.db
      .prepare('INSERT INTO reception_drafts (owner, data, saved_at) VALUES (?, ?, ?) ON CONFLICT(owner) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at')
      .run(ownerOf(actor), data, savedAt);
    return { savedAt };
  }

  discard(actor: Actor): { discarded: boolean } {
    return { discarded: this.db.prepare('DELETE FROM reception_drafts WHERE owner = ?').run(ownerOf(actor)).changes > 0 };
  }
}
