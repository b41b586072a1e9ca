/**
 * What the counters pull (GET /v1/changes): results ready and supplement requests for one counter's dossier,
 * catalogue and calendar updates for every counter (counter_id NULL). The id is the cursor.
 */
import type { Change } from '../../core/contract/central-api';
import { CentralError } from '../errors';
import { inTransaction, type Db } from './db';

export type PublishedKind = Change['kind'];

/** One change's data at most (a catalogue file): its page still fits the counter's 4 MiB reply cap. */
export const MAX_CHANGE_DATA_BYTES = 3 * 1024 * 1024;
/** A page of changes stops growing past this many bytes of data (it always holds at least one change). */
const PAGE_DATA_BUDGET_BYTES = 1024 * 1024;

export async function publishChange(db: Db, change: { kind: PublishedKind; counterId: string | null; dossierId?: string; dossierCode?: string; data: Record<string, unknown> }): Promise<number> {
  const size = Buffer.byteLength(JSON.stringify(change.data));
  if (size > MAX_CHANGE_DATA_BYTES) throw new CentralError(413, 'CENTRAL_CHANGE_TOO_LARGE', { maxMb: MAX_CHANGE_DATA_BYTES / (1024 * 1024) });
  return inTransaction(db, async (tx) => {
    // A bigserial id is taken at insert but seen at commit: two publishers could commit out of id order and a reader
    // between them would move its cursor past the later-committed one for ever. Publishing one at a time (readers
    // are not blocked by this lock mode) keeps ids in commit order.
    await tx.query('LOCK TABLE changes IN EXCLUSIVE MODE');
    const r = await tx.query<{ id: number }>('INSERT INTO changes (kind, counter_id, dossier_id, dossier_code, data) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
      change.kind,
      change.counterId,
      change.dossierId ?? null,
      change.dossierCode ?? null,
      JSON.stringify(change.data),
    ]);
    return r.rows[0]!.id;
  });
}

/** Publishes a dossier's change to the counter that owns it (by dossier code, as the agency names it). */
export async function publishDossierChange(db: Db, kind: 'result_ready' | 'supplement_requested', dossierCode: string, data: Record<string, unknown>): Promise<number> {
  const d = (await db.query<{ id: string; counter_id: string }>('SELECT id, counter_id FROM dossiers WHERE code = $1', [dossierCode])).rows[0];
  if (!d) throw new CentralError(404, 'CENTRAL_DOSSIER_CODE_UNKNOWN', { code: dossierCode });
  return publishChange(db, { kind, counterId: d.counter_id, dossierId: d.id, dossierCode, data });
}

export async function listChanges(db: Db, counterId: string, since: number, limit: number): Promise<{ changes: Change[]; next: string }> {
  const rows = (
    await db.query<{ id: number; kind: PublishedKind; dossier_id: string | null; dossier_code: string | null; at: Date; data: Record<string, unknown> }>(
      'SELECT id, kind, dossier_id, dossier_code, at, data FROM changes WHERE id > $1 AND (counter_id IS NULL OR counter_id = $2) ORDER BY id LIMIT $3',
      [since, counterId, limit],
    )
  ).rows;
  const page: typeof rows = [];
  let bytes = 0;
  for (const r of rows) {
    bytes += Buffer.byteLength(JSON.stringify(r.data));
    if (page.length > 0 && bytes > PAGE_DATA_BUDGET_BYTES) break;
    page.push(r);
  }
  const changes = page.map((r) => {
    const base = { cursor: String(r.id), at: r.at.toISOString() };
    return r.kind === 'result_ready' || r.kind === 'supplement_requested'
      ? ({ ...base, kind: r.kind, dossierId: r.dossier_id!, dossierCode: r.dossier_code!, data: r.data } as Change)
      : ({ ...base, kind: r.kind, data: r.data } as Change);
  });
  return { changes, next: page.length ? String(page[page.length - 1]!.id) : String(since) };
}
