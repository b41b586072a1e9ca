/**
 * The ocr.* methods. Access to a page follows the page store's rule (a tray page is its owner's alone); the clerk's
 * decisions (review, retry) and opening a document's PDF are audited.
 */
import type { ocrContract } from '../../contract/ocr';
import { AppError } from '../../contract/errors';
import type { Handlers } from '../../rpc/handlers';
import { inTransaction, type Db } from '../../store/database';
import { actorLabel } from '../actor';
import type { AuditLog } from '../audit/audit-log';
import { trayOwnerOf, type PageStore } from '../documents/page-store';
import type { DocumentPdfs } from './document-pdfs';
import type { OcrQueue } from './ocr-queue';

export type OcrHandlers = Handlers<typeof ocrContract>;

export function ocrHandlers(d: { db: Db; queue: OcrQueue; pdfs: DocumentPdfs; pages: PageStore; audit: AuditLog; wake: () => void; workers: () => number }): OcrHandlers {
  const pageOcr = (pageId: string) => {
    const p = d.queue.pageOcr(pageId);
    if (!p) throw new AppError('PAGE_NOT_FOUND', { pageId: pageId.slice(0, 100) }, { field: 'pageId' });
    return p;
  };
  const withoutText = ({ text, ...p }: ReturnType<typeof pageOcr>) => (void text, p);
  return {
    status: () => ({ ...d.queue.counts(), workers: d.workers() }),
    dossier: ({ dossierId }) => {
      const pages = d.pages.list({ dossierId }).map((p) => withoutText(pageOcr(p.id)));
      return { pages, documents: d.pdfs.list(dossierId) };
    },
    page: ({ pageId }, ctx) => {
      d.pages.accessible(ctx.actor, pageId);
      return pageOcr(pageId);
    },
    focus: (input, ctx) => {
      let prioritised: number;
      if ('tray' in input) prioritised = d.queue.focus({ trayOwner: trayOwnerOf(ctx.actor) });
      else {
        d.pages.dossierItems(input.dossierId); // DOSSIER_NOT_FOUND for a dossier that does not exist
        prioritised = d.queue.focus({ dossierId: input.dossierId });
      }
      if (prioritised) d.wake();
      return { prioritised };
    },
    review: ({ pageId, decision }, ctx) => {
      inTransaction(d.db, () => {
        const r = d.pages.accessible(ctx.actor, pageId);
        const review = decision === 'accept' ? 'accepted' : 'rescan';
        if (!d.queue.setReview(pageId, review, actorLabel(ctx.actor))) throw new AppError('OCR_PAGE_NOT_READ', {}, { field: 'pageId' });
        d.audit.append(ctx.actor, { action: 'ocr.page_reviewed', entity: 'page', entityId: pageId, data: { dossierId: r.dossier_id, itemCode: r.item_code, decision: review } });
      });
      return withoutText(pageOcr(pageId));
    },
    retry: ({ pageId }, ctx) => {
      inTransaction(d.db, () => {
        const r = d.pages.editable(ctx.actor, pageId);
        if (r.state !== 'ready' || r.kind !== 'page' || !r.master_path) throw new AppError('OCR_PAGE_NOT_READABLE', {}, { field: 'pageId' });
        d.queue.requeue(pageId);
        d.audit.append(ctx.actor, { action: 'ocr.page_retried', entity: 'page', entityId: pageId, data: { dossierId: r.dossier_id, itemCode: r.item_code } });
      });
      d.wake();
      return withoutText(pageOcr(pageId));
    },
    readPdf: (input, ctx) => {
      const { dossierCode, ...chunk } = d.pdfs.read(input);
      if (input.offset === 0) {
        inTransaction(d.db, () =>
          d.audit.append(ctx.actor, { action: 'document.pdf_read', entity: 'dossier', entityId: input.dossierId, data: { dossierCode, itemCode: input.itemCode } }),
        );
      }
      return chunk;
    },
  };
}
