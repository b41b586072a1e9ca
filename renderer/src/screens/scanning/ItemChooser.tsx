/**
 * The checklist items as radio buttons (arrows choose, as in any radio group), each with its page count; an item
 * with no pages says so and stands out. The chosen item is where the next scan goes and whose pages are shown.
 * A page dragged onto an item moves there (after its last page).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { documentPageCount, DRAG_TYPE, type ItemPages } from './page-order';

export function ItemChooser({ groups, value, onValue, onDropPage }: { groups: readonly ItemPages[]; value: string; onValue(code: string): void; onDropPage(pageId: string, itemCode: string): void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="scan-items" data-testid="scan-items">
      <legend className="field__label">{t('scanningUi.items.legend')}</legend>
      {groups.map((g) => {
        const count = documentPageCount(g.pages);
        const pagesText = count ? t('scanningUi.items.count', { count }) : t('scanningUi.items.none');
        const name = g.known ? g.name : t('scanningUi.items.unassigned', { code: g.itemCode });
        return (
          <span
            key={g.itemCode}
            className={['scan-item', count ? '' : 'scan-item--empty', g.known ? '' : 'scan-item--unknown'].filter(Boolean).join(' ')}
            data-item={g.itemCode}
            data-testid="scan-item"
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              const pageId = e.dataTransfer.getData(DRAG_TYPE);
              if (pageId && g.known) onDropPage(pageId, g.itemCode);
            }}
          >
            <input id={`${id}-${g.itemCode}`} type="radio" name={`scan-item-${id}`} value={g.itemCode} checked={value === g.itemCode} onChange={() => onValue(g.itemCode)} />
            <label htmlFor={`${id}-${g.itemCode}`}>
              <span className="scan-item__name">
                {name}
                {g.required && <span className="scan-item__required"> {t('scanningUi.items.required')}</span>}
              </span>{' '}
              <span className="scan-item__count" data-testid="scan-item-count">
                {pagesText}
              </span>
            </label>
          </span>
        );
      })}
    </fieldset>
  );
}
