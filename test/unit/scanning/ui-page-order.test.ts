/** The page grid's pure rules (renderer/src/screens/scanning/page-order.ts): grouping, keys, moves. */
import { describe, expect, it } from 'vitest';
import { columnsOf, documentPageCount, groupPages, pageKeyAction, stepPosition, type KeyInput, type ScanPage } from '../../../renderer/src/screens/scanning/page-order';

function page(id: string, itemCode: string, position: number, extra: Partial<ScanPage> = {}): ScanPage {
  return {
    id,
    dossierId: null,
    itemCode,
    position,
    state: 'ready',
    kind: 'page',
    mediaType: 'image/tiff',
    bytes: 1000,
    widthPx: 100,
    heightPx: 140,
    dpi: 300,
    rotation: 0,
    skewDeg: null,
    blank: false,
    blankReviewed: false,
    batchId: 'b1',
    error: null,
    createdAt: '2026-12-06T10:00:00Z',
    ...extra,
  };
}

const key = (k: Partial<KeyInput>): KeyInput => ({ key: '', code: '', ctrlKey: false, shiftKey: false, altKey: false, metaKey: false, ...k });

describe('groupPages', () => {
  const items = [
    { itemCode: 'DON', name: 'Đơn đề nghị', required: true },
    { itemCode: 'KHAC', name: 'Giấy tờ khác', required: false },
    { itemCode: 'KHAC', name: 'Giấy tờ khác (2)', required: false },
    { itemCode: 'BANVE', name: 'Bản vẽ', required: true },
  ];

  it('lists each checklist item once, in checklist order, with its pages by position', () => {
    const groups = groupPages(items, [page('c', 'DON', 3), page('a', 'DON', 1), page('x', 'BANVE', 1), page('b', 'DON', 2)]);
    expect(groups.map((g) => [g.itemCode, g.pages.map((p) => p.id)])).toEqual([
      ['DON', ['a', 'b', 'c']],
      ['KHAC', []],
      ['BANVE', ['x']],
    ]);
    expect(groups.every((g) => g.known)).toBe(true);
  });

  it('keeps pages of an item not on the checklist in sight, after the checklist', () => {
    const groups = groupPages(items, [page('z', 'CU', 1), page('a', 'DON', 1)]);
    expect(groups.at(-1)).toMatchObject({ itemCode: 'CU', known: false });
    expect(groups.at(-1)!.pages.map((p) => p.id)).toEqual(['z']);
  });

  it('counts document pages without separator sheets', () => {
    expect(documentPageCount([page('a', 'DON', 1), page('s', 'DON', 2, { kind: 'separator' }), page('b', 'DON', 3)])).toBe(2);
  });
});

describe('pageKeyAction', () => {
  it('arrows move the focus, by row for up and down, within the grid', () => {
    expect(pageKeyAction(key({ key: 'ArrowRight' }), 2, 10, 4)).toEqual({ kind: 'focus', index: 3 });
    expect(pageKeyAction(key({ key: 'ArrowLeft' }), 0, 10, 4)).toEqual({ kind: 'focus', index: 0 });
    expect(pageKeyAction(key({ key: 'ArrowDown' }), 2, 10, 4)).toEqual({ kind: 'focus', index: 6 });
    expect(pageKeyAction(key({ key: 'ArrowDown' }), 8, 10, 4)).toEqual({ kind: 'focus', index: 9 });
    expect(pageKeyAction(key({ key: 'ArrowUp' }), 1, 10, 4)).toEqual({ kind: 'focus', index: 0 });
    expect(pageKeyAction(key({ key: 'End' }), 1, 10, 4)).toEqual({ kind: 'focus', index: 9 });
    expect(pageKeyAction(key({ key: 'Home' }), 5, 10, 4)).toEqual({ kind: 'focus', index: 0 });
  });

  it('Ctrl+arrows move the page; R and Shift+R rotate; Delete, M, Insert, K, Enter act', () => {
    expect(pageKeyAction(key({ key: 'ArrowLeft', ctrlKey: true }), 2, 10, 4)).toEqual({ kind: 'move', delta: -1 });
    expect(pageKeyAction(key({ key: 'ArrowRight', ctrlKey: true }), 2, 10, 4)).toEqual({ kind: 'move', delta: 1 });
    expect(pageKeyAction(key({ key: 'r', code: 'KeyR' }), 0, 1, 1)).toEqual({ kind: 'rotate', quarterTurns: 1 });
    expect(pageKeyAction(key({ key: 'R', code: 'KeyR', shiftKey: true }), 0, 1, 1)).toEqual({ kind: 'rotate', quarterTurns: -1 });
    expect(pageKeyAction(key({ key: 'Delete', code: 'Delete' }), 0, 1, 1)).toEqual({ kind: 'remove' });
    expect(pageKeyAction(key({ key: 'm', code: 'KeyM' }), 0, 1, 1)).toEqual({ kind: 'assign' });
    expect(pageKeyAction(key({ key: 'Insert', code: 'Insert' }), 0, 1, 1)).toEqual({ kind: 'insert' });
    expect(pageKeyAction(key({ key: 'k', code: 'KeyK' }), 0, 1, 1)).toEqual({ kind: 'keep' });
    expect(pageKeyAction(key({ key: 'Enter', code: 'Enter' }), 0, 1, 1)).toEqual({ kind: 'view' });
  });

  it('leaves Alt combinations (browser back, app screens), Tab, Space and other keys alone', () => {
    expect(pageKeyAction(key({ key: 'ArrowLeft', altKey: true }), 2, 10, 4)).toBeNull();
    expect(pageKeyAction(key({ key: '1', code: 'Digit1', altKey: true }), 2, 10, 4)).toBeNull();
    expect(pageKeyAction(key({ key: 'Tab', code: 'Tab' }), 2, 10, 4)).toBeNull();
    expect(pageKeyAction(key({ key: ' ', code: 'Space' }), 2, 10, 4)).toBeNull();
    expect(pageKeyAction(key({ key: 'l', code: 'KeyL', ctrlKey: true }), 2, 10, 4)).toBeNull();
    // A letter typed through a Vietnamese layout still names the physical key.
    expect(pageKeyAction(key({ key: 'ř', code: 'KeyR' }), 0, 1, 1)).toEqual({ kind: 'rotate', quarterTurns: 1 });
  });
});

describe('stepPosition and columnsOf', () => {
  it('a page moves one place at a time and never past either end', () => {
    expect(stepPosition(2, 3, -1)).toBe(1);
    expect(stepPosition(2, 3, 1)).toBe(3);
    expect(stepPosition(1, 3, -1)).toBeNull();
    expect(stepPosition(3, 3, 1)).toBeNull();
  });

  it('counts the tiles on the first row', () => {
    expect(columnsOf([10, 10, 10, 200, 200])).toBe(3);
    expect(columnsOf([10, 11, 400])).toBe(2);
    expect(columnsOf([])).toBe(1);
  });
});

describe('what a page tile says', () => {
  const t = (k: string, o?: Record<string, unknown>) => (o ? `${k}${JSON.stringify(o)}` : k);

  it('names a blank page for review until kept, a separator, a page still processing, a failed one with its error, a turn', async () => {
    const { pageNotes } = await import('../../../renderer/src/screens/scanning/PageTile');
    expect(pageNotes(t, page('a', 'DON', 1))).toEqual([]);
    expect(pageNotes(t, page('a', 'DON', 1, { blank: true }))).toEqual(['scanningUi.pages.blank']);
    expect(pageNotes(t, page('a', 'DON', 1, { blank: true, blankReviewed: true }))).toEqual(['scanningUi.pages.blankKept']);
    expect(pageNotes(t, page('a', 'DON', 1, { kind: 'separator', blank: true }))).toEqual(['scanningUi.pages.separator']);
    expect(pageNotes(t, page('a', 'DON', 1, { state: 'raw' }))).toEqual(['scanningUi.pages.processing']);
    expect(pageNotes(t, page('a', 'DON', 1, { state: 'failed', error: { code: 'SCAN_PAGE_CORRUPT', message: 'Ảnh hỏng' } }))).toEqual(['scanningUi.pages.failed{"message":"Ảnh hỏng"}']);
    expect(pageNotes(t, page('a', 'DON', 1, { rotation: 270 }))).toEqual(['scanningUi.pages.rotated{"deg":270}']);
    expect(pageNotes(t, page('a', 'DON', 1, { rotation: -90 }))).toEqual(['scanningUi.pages.rotated{"deg":270}']);
  });
});
