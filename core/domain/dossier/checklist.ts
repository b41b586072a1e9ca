/**
 * Checking the documents handed in against the procedure's checklist (thành phần hồ sơ).
 * fileMark 1 photocopy, 2 certified copy, 3 original, 4 translation; fileCheck 0 not checked, 1 passed, 2 failed.
 * A catch-all line (code EXTRA_ITEM_CODE) holds documents the checklist does not name.
 */
import { AppError } from '../../contract/errors';
import type { ChecklistItem } from '../catalogue/schema';

export const EXTRA_ITEM_CODE = 'KHAC';

export interface ReceivedItem {
  itemCode: string;
  mark: 1 | 2 | 3 | 4;
  copies: number;
  check: 0 | 1 | 2;
  /** Required for the catch-all line: what the document is. */
  name?: string;
  note?: string;
}

export interface ChecklistLine {
  itemCode: string;
  name: string;
  required: boolean;
  received: boolean;
  mark: 1 | 2 | 3 | 4 | null;
  copies: number;
  check: 0 | 1 | 2;
  note: string | null;
}

export interface ChecklistEvaluation {
  lines: ChecklistLine[];
  /** Required items not handed in, or handed in but failed. */
  missing: { itemCode: string; name: string; reason: 'absent' | 'failed' }[];
}

/** The default a quick receive assumes: every required item handed in with its first accepted mark. */
export function defaultReceived(items: readonly ChecklistItem[]): ReceivedItem[] {
  return items.filter((i) => i.required).map((i) => ({ itemCode: i.code, mark: i.acceptedMarks[0] ?? 1, copies: i.copies, check: 1 }));
}

export function evaluateChecklist(items: readonly ChecklistItem[], received: readonly ReceivedItem[]): ChecklistEvaluation {
  const byCode = new Map(items.map((i) => [i.code, i]));
  const seen = new Set<string>();
  const extra: ChecklistLine[] = [];
  for (const [i, r] of received.entries()) {
    const field = `checklist.${i}`;
    if (r.itemCode === EXTRA_ITEM_CODE) {
      if (!r.name?.trim()) throw new AppError('DOSSIER_EXTRA_ITEM_NAME', {}, { field: `${field}.name` });
      extra.push({ itemCode: r.itemCode, name: r.name.trim(), required: false, received: true, mark: r.mark, copies: r.copies, check: r.check, note: r.note ?? null });
      continue;
    }
    const item = byCode.get(r.itemCode);
    if (!item) throw new AppError('DOSSIER_UNKNOWN_ITEM', { itemCode: r.itemCode }, { field: `${field}.itemCode` });
    if (seen.has(r.itemCode)) throw new AppError('DOSSIER_DUPLICATE_ITEM', { itemCode: r.itemCode }, { field: `${field}.itemCode` });
    seen.add(r.itemCode);
    if (!item.acceptedMarks.includes(r.mark)) {
      throw new AppError('DOSSIER_MARK_NOT_ACCEPTED', { itemCode: r.itemCode, name: item.name, mark: r.mark }, { field: `${field}.mark` });
    }
  }
  const receivedBy = new Map(received.map((r) => [r.itemCode, r]));
  const lines: ChecklistLine[] = items.map((item) => {
    const r = receivedBy.get(item.code);
    return {
      itemCode: item.code,
      name: item.name,
      required: item.required,
      received: r !== undefined,
      mark: r?.mark ?? null,
      copies: r?.copies ?? 0,
      check: r?.check ?? 0,
      note: r?.note ?? null,
    };
  });
  const missing = lines
    .filter((l) => l.required && (!l.received || l.check === 2))
    .map((l) => ({ itemCode: l.itemCode, name: l.name, reason: l.received ? ('failed' as const) : ('absent' as const) }));
  return { lines: [...lines, ...extra], missing };
}
