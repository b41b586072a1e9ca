/** What the page grid needs to know about OCR: each page's result, and the clerk's answers to it. */
import type { PageOcr } from '../../../../core/contract/ocr';

/** A dossier's OCR (dossiers/useDossierOcr satisfies it); the reception tray has none. */
export interface OcrSource {
  pages: ReadonlyMap<string, PageOcr> | null;
  retry(pageId: string): Promise<PageOcr>;
  review(pageId: string, decision: 'accept' | 'rescan'): Promise<PageOcr>;
}

export type OcrBadgeKind = 'waiting' | 'running' | 'done' | 'flagged' | 'accepted' | 'rescan' | 'failed';

type T = (key: string, opts?: Record<string, unknown>) => string;

/** The badge a page shows for its OCR, or null when it is not read (a separator, a page the pipeline failed). */
export function ocrBadge(t: T, ocr: PageOcr | undefined): { kind: OcrBadgeKind; text: string } | null {
  if (!ocr || ocr.state === 'none') return null;
  const confidence = ocr.confidence === null ? null : Math.round(ocr.confidence);
  switch (ocr.state) {
    case 'waiting':
      return { kind: 'waiting', text: t('ocrUi.badge.waiting') };
    case 'running':
      return { kind: 'running', text: t('ocrUi.badge.running') };
    case 'failed':
      return { kind: 'failed', text: t('ocrUi.badge.failed', { message: ocr.error?.message ?? '' }) };
    case 'done':
      if (ocr.review === 'rescan') return { kind: 'rescan', text: t('ocrUi.badge.rescan') };
      if (ocr.flagged) return { kind: 'flagged', text: confidence === null ? t('ocrUi.badge.flaggedNoText') : t('ocrUi.badge.flagged', { confidence }) };
      if (ocr.review === 'accepted' && confidence !== null) return { kind: 'accepted', text: t('ocrUi.badge.accepted', { confidence }) };
      return { kind: 'done', text: confidence === null ? t('ocrUi.badge.doneNoText') : t('ocrUi.badge.done', { confidence }) };
  }
}

/** The page grid's OCR: a page's result, and the answers the clerk gives from the toolbar. */
export interface PageOcrActions<P> {
  of(pageId: string): PageOcr | undefined;
  retry(page: P): void;
  accept(page: P): void;
  rescan(page: P): void;
}
