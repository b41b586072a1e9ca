/**
 * The pure rules of the page grid: pages grouped per checklist item in their order, what a key does on a focused
 * page, and where a move puts it. No React, no I/O: unit-tested on its own (test/unit/scanning/ui-page-order.test.ts).
 */
import type { Page } from '../../../../core/contract/scans';

export type ScanPage = Page;

/** What a dragged page carries (its id), so a drop knows it is one of ours. */
export const DRAG_TYPE = 'application/x-motcua-page';

/** A checklist item pages can belong to, as the screen names it. */
export interface ScanItem {
  itemCode: string;
  name: string;
  required: boolean;
}

/** An item with its pages in order; `known` is false for pages whose item is not on the checklist shown. */
export interface ItemPages extends ScanItem {
  pages: ScanPage[];
  known: boolean;
}

/**
 * The checklist's items (each code once, in checklist order) with their pages by position, then any item code
 * that has pages but is not on the checklist, so no page is ever out of sight.
 */
export function groupPages(items: readonly ScanItem[], pages: readonly ScanPage[]): ItemPages[] {
  const byItem = new Map<string, ScanPage[]>();
  for (const p of pages) {
    const list = byItem.get(p.itemCode) ?? [];
    list.push(p);
    byItem.set(p.itemCode, list);
  }
  for (const list of byItem.values()) list.sort((a, b) => a.position - b.position);
  const out: ItemPages[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.itemCode)) continue;
    seen.add(item.itemCode);
    out.push({ ...item, pages: byItem.get(item.itemCode) ?? [], known: true });
  }
  for (const [code, list] of byItem) {
    if (!seen.has(code)) out.push({ itemCode: code, name: code, required: false, pages: list, known: false });
  }
  return out;
}

/** Pages that make up the document (separator sheets are kept but are not part of it). */
export function documentPageCount(pages: readonly ScanPage[]): number {
  return pages.filter((p) => p.kind === 'page').length;
}

/** The 1-based position a page moves to, one step earlier (-1) or later (+1); null when it is already at that end. */
export function stepPosition(position: number, count: number, delta: -1 | 1): number | null {
  const next = position + delta;
  return next < 1 || next > count ? null : next;
}

export type PageKeyAction =
  | { kind: 'focus'; index: number }
  | { kind: 'move'; delta: -1 | 1 }
  | { kind: 'rotate'; quarterTurns: 1 | -1 }
  | { kind: 'remove' }
  | { kind: 'assign' }
  | { kind: 'insert' }
  | { kind: 'keep' }
  | { kind: 'view' };

export interface KeyInput {
  key: string;
  code: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/**
 * What a key pressed on the page at `index` (of `count`, laid out `columns` to a row) does, or null (the key keeps
 * its normal meaning: Tab, Space …). Letters are matched by physical key (code) so a Vietnamese IME or layout does
 * not change them. Alt is left alone: Alt+arrows are the browser's back/forward and Alt+digit the app's screens.
 */
export function pageKeyAction(e: KeyInput, index: number, count: number, columns: number): PageKeyAction | null {
  if (e.altKey || e.metaKey || count === 0) return null;
  const cols = Math.max(1, columns);
  const focus = (i: number): PageKeyAction => ({ kind: 'focus', index: Math.min(count - 1, Math.max(0, i)) });
  if (e.ctrlKey) {
    if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') return { kind: 'move', delta: -1 };
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') return { kind: 'move', delta: 1 };
    return null;
  }
  switch (e.key) {
    case 'ArrowLeft':
      return focus(index - 1);
    case 'ArrowRight':
      return focus(index + 1);
    case 'ArrowUp':
      return focus(index - cols);
    case 'ArrowDown':
      return focus(index + cols);
    case 'Home':
      return focus(0);
    case 'End':
      return focus(count - 1);
    case 'Delete':
      return e.shiftKey ? null : { kind: 'remove' };
    case 'Insert':
      return e.shiftKey ? null : { kind: 'insert' };
    case 'Enter':
      return e.shiftKey ? null : { kind: 'view' };
    default:
      break;
  }
  if (e.code === 'KeyR') return { kind: 'rotate', quarterTurns: e.shiftKey ? -1 : 1 };
  if (e.shiftKey) return null;
  if (e.code === 'KeyM') return { kind: 'assign' };
  if (e.code === 'KeyK') return { kind: 'keep' };
  return null;
}

/** How many thumbnails share the first row of a laid-out grid (for Up/Down). */
export function columnsOf(tops: readonly number[]): number {
  if (tops.length === 0) return 1;
  const first = tops[0]!;
  let n = 0;
  for (const t of tops) {
    if (Math.abs(t - first) > 2) break;
    n++;
  }
  return Math.max(1, n);
}
