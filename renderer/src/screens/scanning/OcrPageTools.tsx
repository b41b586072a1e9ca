/**
 * The selected page's OCR answers, in the page grid's toolbar: "Thử lại" for a page OCR could not read, and for a
 * page read with low confidence ("Cần xem lại") accept what was read or mark it and scan it again. The toolbar's
 * group name says which page they act on.
 */
import { useTranslation } from 'react-i18next';
import type { PageOcr } from '../../../../core/contract/ocr';
import './ocr.css';

export interface OcrPageToolsProps {
  ocr: PageOcr | undefined;
  /** A scan is running: no rescan can start now. */
  scanning: boolean;
  onRetry(): void;
  onAccept(): void;
  onRescan(): void;
}

export function OcrPageTools({ ocr, scanning, onRetry, onAccept, onRescan }: OcrPageToolsProps) {
  const { t } = useTranslation();
  if (!ocr) return null;
  if (ocr.state === 'failed') {
    return (
      <button type="button" className="btn btn--small" data-testid="ocr-retry" onClick={onRetry}>
        {t('ocrUi.page.retry')}
      </button>
    );
  }
  if (ocr.state !== 'done' || !ocr.flagged) return null;
  return (
    <>
      <button type="button" className="btn btn--small" data-testid="ocr-accept" onClick={onAccept}>
        {t('ocrUi.page.accept')}
      </button>
      <button type="button" className="btn btn--small" data-testid="ocr-rescan" disabled={scanning} onClick={onRescan}>
        {t('ocrUi.page.rescan')}
      </button>
    </>
  );
}
