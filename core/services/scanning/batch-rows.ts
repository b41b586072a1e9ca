/**
 * Read-only questions the scan service asks of the page store's tables (migration 008) that the PageStoreApi does not
 * answer: a batch's pages in arrival order (the contract's Page carries no batchSeq), and the batches a crash left
 * 'scanning'. Writes always go through the PageStore.
 */
import type { SeparatorMark } from '../scanning/pipeline/types';
import type { Db } from '../../store/database';

export interface BatchPageRow {
  id: string;
  batchSeq: number;
  itemCode: string;
  state: 'raw' | 'ready' | 'failed';
  kind: 'page' | 'separator';
  separator: SeparatorMark | null;
  removed: boolean;
  /** As the device reported it (0: unknown). */
  dpi: number;
}

/** The separator column as the page store writes it: the mark as JSON, or the barcode's text. */
export function parseSeparator(v: string | null): SeparatorMark | null {
  if (!v) return null;
  try {
    const m = JSON.parse(v) as Partial<SeparatorMark>;
    if (m && (m.kind === 'patch-t' || m.kind === 'item')) return { kind: m.kind, text: m.text ?? '', ...(m.itemCode ? { itemCode: m.itemCode } : {}) };
  } catch {
    /* plain text below */
  }
  return v.trim() === 'PATCHT' ? { kind: 'patch-t', text: 'PATCHT' } : null;
}

/** Every page of a batch (removed ones too: they still took their place in the stream), by arrival. */
export function batchPages(db: Db, batchId: string): BatchPageRow[] {
  return db
    .prepare<[string], { id: string; batch_seq: number; item_code: string; state: BatchPageRow['state']; kind: BatchPageRow['kind']; separator: string | null; removed_at: string | null; dpi: number | null }>(
      'SELECT id, batch_seq, item_code, state, kind, separator, removed_at, dpi FROM dossier_pages WHERE batch_id = ? ORDER BY batch_seq',
    )
    .all(batchId)
    .map((r) => ({ id: r.id, batchSeq: r.batch_seq, itemCode: r.item_code, state: r.state, kind: r.kind, separator: parseSeparator(r.separator), removed: r.removed_at !== null, dpi: r.dpi ?? 0 }));
}

/** Batches whose row still says 'scanning' (a job running in some process, or one a crash left behind). */
export function scanningBatchIds(db: Db): string[] {
  return db.prepare<[], { id: string }>("SELECT id FROM scan_batches WHERE status = 'scanning' ORDER BY started_at").all().map((r) => r.id);
}

/** How many pages a batch holds (what a stopped job's message counts as received). */
export function batchPageCount(db: Db, batchId: string): number {
  return db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM dossier_pages WHERE batch_id = ?').get(batchId)!.n;
}
