/**
 * The pages of one checklist item as a grid of thumbnails. One page is selected (roving tabindex: Tab enters the
 * grid on it, arrows move between pages); keys act on it (pageKeyAction), and so do the buttons under the grid,
 * which say the same for mouse users; pages can also be dragged to another place or onto another item.
 */
import { useEffect, useId, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageOcrActions } from './ocr-page';
import { OcrPageTools } from './OcrPageTools';
import { AssignDialog, RemoveDialog } from './PageDialogs';
import { columnsOf, DRAG_TYPE, pageKeyAction, stepPosition, type ItemPages, type ScanPage } from './page-order';
import { PageTile } from './PageTile';

export interface PageActions {
  move(page: ScanPage, itemCode: string, position: number): Promise<boolean>;
  rotate(page: ScanPage, quarterTurns: 1 | -1): Promise<boolean>;
  remove(page: ScanPage): Promise<boolean>;
  keep(page: ScanPage): Promise<boolean>;
  insertBefore(page: ScanPage): void;
  rescan(page: ScanPage): void;
  view(page: ScanPage): void;
}

export interface PageGridProps {
  group: ItemPages;
  groups: readonly ItemPages[];
  actions: PageActions;
  /** A scan is running: no new one can start from here. */
  scanning: boolean;
  /** OCR of the pages (a dossier's; none in the reception tray). */
  ocr?: PageOcrActions<ScanPage>;
  /** A page to start on (a search hit opened): selected, shown and given focus once. */
  openPageId?: string | null;
}

export function PageGrid({ group, groups, actions, scanning, ocr, openPageId = null }: PageGridProps) {
  const { t } = useTranslation();
  const keysId = useId();
  const pages = group.pages;
  const [selectedId, setSelectedId] = useState<string | null>(openPageId);
  /** Where the selected page is (or is going): the page in that place is selected once it has left the item. */
  const [selectedIndex, setSelectedIndex] = useState(0);
  const [confirmRemove, setConfirmRemove] = useState<ScanPage | null>(null);
  const [assigning, setAssigning] = useState<ScanPage | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const listRef = useRef<HTMLUListElement>(null);
  /** Focus follows the selection after the list changes, but only when focus was in the grid (or its dialogs). */
  const refocus = useRef(openPageId !== null && pages.some((p) => p.id === openPageId));

  // The selected page, or (after it left this item) the one now in its place.
  const selected = pages.length ? (pages.find((p) => p.id === selectedId) ?? pages[Math.min(selectedIndex, pages.length - 1)]!) : null;
  const index = selected ? pages.indexOf(selected) : 0;

  useEffect(() => {
    if (!selected || !refocus.current) return;
    refocus.current = false;
    const button = buttons.current.get(selected.id);
    button?.focus();
    button?.scrollIntoView?.({ block: 'nearest' });
  });

  const select = (p: ScanPage) => {
    setSelectedId(p.id);
    setSelectedIndex(pages.indexOf(p));
  };

  const focusPage = (i: number) => {
    const p = pages[i];
    if (!p) return;
    select(p);
    buttons.current.get(p.id)?.focus();
  };

  const after = async (run: Promise<boolean>) => {
    refocus.current = true;
    await run;
    refocus.current = true;
  };

  const step = (page: ScanPage, delta: -1 | 1) => {
    const to = stepPosition(pages.indexOf(page) + 1, pages.length, delta);
    if (to === null) return;
    setSelectedId(page.id);
    setSelectedIndex(to - 1);
    void after(actions.move(page, group.itemCode, to));
  };

  const columns = () => columnsOf([...(listRef.current?.querySelectorAll<HTMLElement>('.scan-page') ?? [])].map((el) => el.offsetTop));

  const onKey = (page: ScanPage, e: KeyboardEvent<HTMLButtonElement>) => {
    const i = pages.indexOf(page);
    const action = pageKeyAction(e, i, pages.length, columns());
    if (!action) return;
    e.preventDefault();
    e.stopPropagation();
    switch (action.kind) {
      case 'focus':
        focusPage(action.index);
        break;
      case 'move':
        step(page, action.delta);
        break;
      case 'rotate':
        void after(actions.rotate(page, action.quarterTurns));
        break;
      case 'remove':
        setConfirmRemove(page);
        break;
      case 'assign':
        setAssigning(page);
        break;
      case 'insert':
        if (!scanning) actions.insertBefore(page);
        break;
      case 'keep':
        if (page.blank && !page.blankReviewed) void after(actions.keep(page));
        break;
      case 'view':
        actions.view(page);
        break;
    }
  };

  const onDragStart = (page: ScanPage, e: DragEvent<HTMLElement>) => {
    e.dataTransfer.setData(DRAG_TYPE, page.id);
    e.dataTransfer.effectAllowed = 'move';
    select(page);
  };

  const onDrop = (target: ScanPage, e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    const id = e.dataTransfer.getData(DRAG_TYPE);
    const dragged = groups.flatMap((g) => g.pages).find((p) => p.id === id);
    if (!dragged || dragged.id === target.id) return;
    setSelectedId(dragged.id);
    setSelectedIndex(pages.indexOf(target));
    void after(actions.move(dragged, group.itemCode, pages.indexOf(target) + 1));
  };

  const targets = groups.filter((g) => g.known && g.itemCode !== group.itemCode);
  const total = pages.length;

  return (
    <div className="scan-grid" data-testid="scan-grid" data-item={group.itemCode}>
      <p id={keysId} className="field__hint scan-grid__keys">
        <strong>{t('scanningUi.keys.title')}: </strong>
        {t('scanningUi.keys.list')}
      </p>
      {total === 0 ? (
        <p className="notice" data-testid="scan-grid-empty">
          {t('scanningUi.pages.empty')}
        </p>
      ) : (
        <ul ref={listRef} className="scan-grid__list" data-own-keys aria-label={t('scanningUi.pages.gridLabel', { item: group.name })}>
          {pages.map((p, i) => (
            <PageTile
              key={p.id}
              page={p}
              index={i}
              total={total}
              itemName={group.name}
              selected={selected?.id === p.id}
              describedBy={keysId}
              buttonRef={(el) => {
                if (el) buttons.current.set(p.id, el);
                else buttons.current.delete(p.id);
              }}
              onSelect={() => select(p)}
              onKeyDown={(e) => onKey(p, e)}
              onDragStart={(e) => onDragStart(p, e)}
              onDrop={(e) => onDrop(p, e)}
              ocr={ocr?.of(p.id)}
            />
          ))}
        </ul>
      )}
      {selected && (
        <div className="scan-grid__toolbar" role="group" aria-label={t('scanningUi.pages.actions', { position: index + 1 })} data-testid="scan-page-actions">
          <span className="scan-grid__selected">{t('scanningUi.pages.selected', { position: index + 1, total })}</span>
          <button type="button" className="btn btn--small" disabled={index === 0} onClick={() => step(selected, -1)}>
            {t('scanningUi.pages.earlier')}
          </button>
          <button type="button" className="btn btn--small" disabled={index === total - 1} onClick={() => step(selected, 1)}>
            {t('scanningUi.pages.later')}
          </button>
          <button type="button" className="btn btn--small" onClick={() => void after(actions.rotate(selected, -1))}>
            {t('scanningUi.pages.rotateLeft')}
          </button>
          <button type="button" className="btn btn--small" onClick={() => void after(actions.rotate(selected, 1))}>
            {t('scanningUi.pages.rotateRight')}
          </button>
          {selected.blank && !selected.blankReviewed && selected.kind === 'page' && (
            <button type="button" className="btn btn--small" onClick={() => void after(actions.keep(selected))}>
              {t('scanningUi.pages.keep')}
            </button>
          )}
          <button type="button" className="btn btn--small" disabled={targets.length === 0} onClick={() => setAssigning(selected)}>
            {t('scanningUi.pages.assign')}
          </button>
          <button type="button" className="btn btn--small" disabled={scanning} onClick={() => actions.insertBefore(selected)}>
            {t('scanningUi.pages.insert')}
          </button>
          <button type="button" className="btn btn--small" disabled={scanning} onClick={() => actions.rescan(selected)}>
            {t('scanningUi.pages.rescan')}
          </button>
          <button type="button" className="btn btn--small" disabled={selected.state !== 'ready'} onClick={() => actions.view(selected)}>
            {t('scanningUi.pages.view')}
          </button>
          {ocr && (
            <OcrPageTools
              ocr={ocr.of(selected.id)}
              scanning={scanning}
              // The button pressed goes away with the answer: focus returns to the page, not to the document body.
              onRetry={() => {
                refocus.current = true;
                ocr.retry(selected);
              }}
              onAccept={() => {
                refocus.current = true;
                ocr.accept(selected);
              }}
              onRescan={() => ocr.rescan(selected)}
            />
          )}
          <button type="button" className="btn btn--small btn--danger-outline" onClick={() => setConfirmRemove(selected)}>
            {t('scanningUi.pages.remove')}
          </button>
        </div>
      )}
      <RemoveDialog
        page={confirmRemove}
        position={confirmRemove ? pages.indexOf(confirmRemove) + 1 : 0}
        itemName={group.name}
        onCancel={() => setConfirmRemove(null)}
        onConfirm={(p) => {
          setConfirmRemove(null);
          void after(actions.remove(p));
        }}
      />
      <AssignDialog
        page={assigning}
        position={assigning ? pages.indexOf(assigning) + 1 : 0}
        targets={targets}
        onCancel={() => setAssigning(null)}
        onConfirm={(p, itemCode) => {
          setAssigning(null);
          const to = groups.find((g) => g.itemCode === itemCode);
          void after(actions.move(p, itemCode, (to?.pages.length ?? 0) + 1));
        }}
      />
    </div>
  );
}
