/**
 * A dossier's OCR as the record shows it: each page's state and confidence, each checklist document's PDF.
 * Opening the record tells the core this dossier is at the counter (ocr.focus), so its pages are read first.
 * Kept current from the push channel: ocr.progress for this dossier, documents.pdfChanged, pages.changed, and
 * events.lost. Bursts (a page read every few seconds, a 60 ppm scan) are folded: one read at a time, and one more
 * after it if asked meanwhile.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DocumentPdf, PageOcr } from '../../../../core/contract/ocr';
import { api } from '../../bridge';
import { useCoalescedReload } from '../../bridge/use-coalesced-reload';
import { useEvent } from '../../bridge/use-event';

export interface DossierOcr {
  /** Null until the first answer. */
  pages: ReadonlyMap<string, PageOcr> | null;
  documents: readonly DocumentPdf[];
  error: unknown;
  reload(): void;
  /** Answers of page commands (retry, review) replace the page at once, then the whole is re-read. */
  retry(pageId: string): Promise<PageOcr>;
  review(pageId: string, decision: 'accept' | 'rescan'): Promise<PageOcr>;
}

interface Loaded {
  dossierId: string;
  pages: PageOcr[] | null;
  documents: DocumentPdf[];
  error: unknown;
}

export function useDossierOcr(dossierId: string): DossierOcr {
  const [loaded, setLoaded] = useState<Loaded>({ dossierId, pages: null, documents: [], error: null });
  const reload = useCoalescedReload(
    dossierId,
    (asked) => api.call('ocr.dossier', { dossierId: asked }),
    (asked, r) =>
      setLoaded((old) =>
        r.ok
          ? { dossierId: asked, pages: r.value.pages, documents: r.value.documents, error: null }
          : old.dossierId === asked
            ? { ...old, error: r.error }
            : { dossierId: asked, pages: null, documents: [], error: r.error },
      ),
  );

  const focus = useCallback(() => {
    // Only an ordering hint: a failure here must not disturb the record.
    api.call('ocr.focus', { dossierId }).catch(() => undefined);
  }, [dossierId]);

  useEffect(() => {
    focus();
    reload();
  }, [dossierId, focus, reload]);

  useEvent('ocr.progress', (d) => {
    if (d.dossierId === dossierId) reload();
  });
  useEvent('documents.pdfChanged', (d) => {
    if (d.dossierId === dossierId) reload();
  });
  useEvent('pages.changed', (d) => {
    if (d.dossierId !== dossierId) return;
    // Pages just scanned into the dossier at the counter go before the rest of the queue too.
    focus();
    reload();
  });
  useEvent('events.lost', () => reload());

  const put = useCallback(
    (page: PageOcr) => {
      setLoaded((old) => (old.dossierId === dossierId && old.pages ? { ...old, pages: old.pages.map((p) => (p.pageId === page.pageId ? page : p)) } : old));
      reload();
      return page;
    },
    [dossierId, reload],
  );
  const retry = useCallback(async (pageId: string) => put(await api.call('ocr.retry', { pageId })), [put]);
  const review = useCallback(async (pageId: string, decision: 'accept' | 'rescan') => put(await api.call('ocr.review', { pageId, decision })), [put]);

  const mine = loaded.dossierId === dossierId;
  const pageList = mine ? loaded.pages : null;
  const pages = useMemo(() => (pageList ? new Map(pageList.map((p) => [p.pageId, p])) : null), [pageList]);
  return { pages, documents: mine ? loaded.documents : [], error: mine ? loaded.error : null, reload, retry, review };
}
