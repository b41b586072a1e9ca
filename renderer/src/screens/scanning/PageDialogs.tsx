/** The page grid's dialogs: confirm a removal, choose another item for a page, and view a page at full size. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { RadioGroup } from '../../components/RadioGroup';
import { saveBytes } from '../../files/save-file';
import { describeError } from '../../i18n/error-text';
import { readPageImage, showableImage, type PageImage } from './images';
import type { ItemPages, ScanPage } from './page-order';

export function RemoveDialog({ page, position, itemName, onCancel, onConfirm }: { page: ScanPage | null; position: number; itemName: string; onCancel(): void; onConfirm(p: ScanPage): void }) {
  const { t } = useTranslation();
  const confirmRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog open={page !== null} title={t('scanningUi.remove.title', { position })} onClose={onCancel} initialFocus={confirmRef} testId="scan-remove-dialog">
      <p>{t('scanningUi.remove.body', { position, item: itemName })}</p>
      <div className="dialog__actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('scanningUi.remove.cancel')}
        </button>
        <button ref={confirmRef} type="button" className="btn btn--danger" onClick={() => page && onConfirm(page)}>
          {t('scanningUi.remove.confirm')}
        </button>
      </div>
    </Dialog>
  );
}

export function AssignDialog({ page, position, targets, onCancel, onConfirm }: { page: ScanPage | null; position: number; targets: readonly ItemPages[]; onCancel(): void; onConfirm(p: ScanPage, itemCode: string): void }) {
  const { t } = useTranslation();
  // A choice belongs to the page it was made for: the next page starts from the first item again.
  const [choice, setChoice] = useState<{ pageId: string; itemCode: string } | null>(null);
  const chosen = choice && choice.pageId === page?.id && targets.some((g) => g.itemCode === choice.itemCode) ? choice.itemCode : null;
  const value = chosen ?? targets[0]?.itemCode ?? '';
  return (
    <Dialog open={page !== null} title={t('scanningUi.assign.title', { position })} onClose={onCancel} testId="scan-assign-dialog">
      {/* No initial focus given: showModal focuses the first radio, the one checked, so arrows choose and Enter moves. */}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (page && value) onConfirm(page, value);
        }}
      >
        <RadioGroup
          legend={t('scanningUi.assign.legend')}
          name="assign-item"
          value={value}
          onValue={(itemCode) => page && setChoice({ pageId: page.id, itemCode })}
          options={targets.map((g) => ({ value: g.itemCode, label: g.name }))}
        />
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={onCancel}>
            {t('scanningUi.assign.cancel')}
          </button>
          <button type="submit" className="btn btn--primary">
            {t('scanningUi.assign.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function PageViewer({ page, position, itemName, onClose }: { page: ScanPage | null; position: number; itemName: string; onClose(): void }) {
  const { t } = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);
  // What was read is kept with its page, so another page never shows the previous one's image.
  const [read, setRead] = useState<{ pageId: string; image: PageImage | null; error: string | null } | null>(null);
  const pageId = page?.id ?? null;
  useEffect(() => {
    if (!pageId) return;
    let cancelled = false;
    readPageImage(pageId, 'image').then(
      (img) => !cancelled && setRead({ pageId, image: img, error: null }),
      (e: unknown) => !cancelled && setRead({ pageId, image: null, error: describeError(t, e).text }),
    );
    return () => {
      cancelled = true;
    };
  }, [pageId, t]);
  const mine = read && read.pageId === pageId ? read : null;
  const image = mine?.image ?? null;
  const error = mine?.error ?? null;
  const url = useMemo(() => (image && showableImage(image.mediaType) ? URL.createObjectURL(new Blob([image.bytes], { type: image.mediaType })) : null), [image]);
  useEffect(() => () => {
    if (url) URL.revokeObjectURL(url);
  }, [url]);
  const ext = image?.mediaType === 'image/tiff' ? 'tif' : image?.mediaType === 'image/png' ? 'png' : 'jpg';

  return (
    <Dialog open={page !== null} title={t('scanningUi.viewer.title', { position, item: itemName })} onClose={onClose} initialFocus={closeRef} className="document-viewer" testId="scan-page-viewer">
      {!image && !error && <p>{t('scanningUi.viewer.loading')}</p>}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {url && <img className="document-viewer__image" src={url} alt={t('scanningUi.viewer.alt', { position })} />}
      {image && !url && <p className="notice">{t('scanningUi.viewer.notShown')}</p>}
      <div className="dialog__actions">
        {image && page && (
          <button type="button" className="btn" onClick={() => saveBytes(image.bytes, `trang-${position}.${ext}`, image.mediaType)}>
            {t('scanningUi.viewer.save')}
          </button>
        )}
        <button ref={closeRef} type="button" className="btn btn--primary" onClick={onClose}>
          {t('scanningUi.viewer.close')}
        </button>
      </div>
    </Dialog>
  );
}
