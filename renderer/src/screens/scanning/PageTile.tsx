/** One page in the grid: its thumbnail, its place, and what needs the clerk's eye (blank, separator, failed). */
import type { DragEvent, KeyboardEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageOcr } from '../../../../core/contract/ocr';
import { usePageThumb } from './images';
import { ocrBadge } from './ocr-page';
import type { ScanPage } from './page-order';

export interface PageTileProps {
  page: ScanPage;
  index: number;
  total: number;
  itemName: string;
  selected: boolean;
  describedBy: string;
  buttonRef: Ref<HTMLButtonElement>;
  onSelect(): void;
  onKeyDown(e: KeyboardEvent<HTMLButtonElement>): void;
  onDragStart(e: DragEvent<HTMLElement>): void;
  onDrop(e: DragEvent<HTMLElement>): void;
  /** The page's OCR in a dossier (none in the reception tray). */
  ocr?: PageOcr;
}

/** Words for a page's state, said after its place (visible badges and the button's name say the same). */
export function pageNotes(t: (k: string, o?: Record<string, unknown>) => string, page: ScanPage): string[] {
  const notes: string[] = [];
  if (page.kind === 'separator') notes.push(t('scanningUi.pages.separator'));
  if (page.state === 'raw') notes.push(t('scanningUi.pages.processing'));
  if (page.state === 'failed') notes.push(t('scanningUi.pages.failed', { message: page.error?.message ?? '' }));
  if (page.blank && page.kind === 'page') notes.push(t(page.blankReviewed ? 'scanningUi.pages.blankKept' : 'scanningUi.pages.blank'));
  if (page.rotation % 360 !== 0) notes.push(t('scanningUi.pages.rotated', { deg: ((page.rotation % 360) + 360) % 360 }));
  return notes;
}

export function PageTile({ page, index, total, itemName, selected, describedBy, buttonRef, onSelect, onKeyDown, onDragStart, onDrop, ocr }: PageTileProps) {
  const { t } = useTranslation();
  const thumb = usePageThumb(page);
  const position = index + 1;
  const notes = pageNotes(t, page);
  const badge = ocrBadge(t, ocr);
  const flag = page.state === 'failed' ? 'failed' : page.kind === 'separator' ? 'separator' : page.blank && !page.blankReviewed ? 'blank' : null;
  return (
    <li
      className={['scan-page', selected ? 'scan-page--selected' : '', flag ? `scan-page--${flag}` : ''].filter(Boolean).join(' ')}
      draggable
      onDragStart={onDragStart}
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
      data-page={page.id}
      data-position={position}
    >
      <button
        ref={buttonRef}
        type="button"
        className="scan-page__button"
        tabIndex={selected ? 0 : -1}
        aria-current={selected ? 'true' : undefined}
        aria-label={[t('scanningUi.pages.pageLabel', { position, total, item: itemName }), ...notes, ...(badge ? [badge.text] : [])].join('. ')}
        aria-describedby={describedBy}
        data-testid="scan-page"
        onClick={onSelect}
        onFocus={onSelect}
        onKeyDown={onKeyDown}
      >
        <span className="scan-page__frame" aria-hidden="true">
          {thumb ? <img src={thumb} alt="" className="scan-page__thumb" draggable={false} /> : <span className="scan-page__nothumb">{page.state === 'raw' ? t('scanningUi.pages.processing') : t('scanningUi.pages.noThumb')}</span>}
        </span>
        <span className="scan-page__caption" aria-hidden="true">
          {t('scanningUi.pages.page', { position, total })}
        </span>
        {notes.length > 0 && (
          <span className="scan-page__notes" aria-hidden="true">
            {notes.map((n) => (
              <span key={n} className="scan-page__note">
                {n}
              </span>
            ))}
          </span>
        )}
        {badge && (
          <span className={`ocr-badge ocr-badge--${badge.kind}`} aria-hidden="true" data-testid="ocr-badge" data-ocr={badge.kind}>
            {badge.text}
          </span>
        )}
      </button>
    </li>
  );
}
