/**
 * OCR of the pages in the clerk's reception tray, for their badges while the dossier is not received yet. There is
 * no list method for a tray, so each page is read with ocr.page: when it first shows, when the pipeline changes it
 * (its state or turn in pages.list), when ocr.progress names it, and all again after events.lost.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PageOcr } from '../../../../core/contract/ocr';
import { api } from '../../bridge';
import { useEvent } from '../../bridge/use-event';
import type { OcrSource } from './ocr-page';
import type { ScanPage } from './page-order';

export function useTrayOcr(active: boolean, pages: readonly ScanPage[]): OcrSource | undefined {
  const [read, setRead] = useState<ReadonlyMap<string, PageOcr>>(new Map());
  /** What each page looked like when it was last read, to read again only those that changed. */
  const seen = useRef(new Map<string, string>());

  const readPage = useCallback((pageId: string) => {
    api.call('ocr.page', { pageId }).then(
      ({ text, ...p }) => {
        void text;
        setRead((m) => new Map(m).set(pageId, p));
      },
      () => undefined, // a page taken out meanwhile: its badge goes with it
    );
  }, []);

  const signature = pages.map((p) => `${p.id}:${p.state}:${p.rotation}`).join(',');
  useEffect(() => {
    if (!active) return;
    for (const p of pages) {
      const sig = `${p.state}:${p.rotation}`;
      if (seen.current.get(p.id) === sig) continue;
      seen.current.set(p.id, sig);
      readPage(p.id);
    }
    // pages is read through its signature (the list object changes on every read of pages.list)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, signature, readPage]);

  useEvent('ocr.progress', (d) => {
    if (active && d.pageId && seen.current.has(d.pageId)) readPage(d.pageId);
  });
  useEvent('events.lost', () => {
    if (active) for (const id of seen.current.keys()) readPage(id);
  });

  const put = useCallback((p: PageOcr) => {
    setRead((m) => new Map(m).set(p.pageId, p));
    return p;
  }, []);
  const retry = useCallback(async (pageId: string) => put(await api.call('ocr.retry', { pageId })), [put]);
  const review = useCallback(async (pageId: string, decision: 'accept' | 'rescan') => put(await api.call('ocr.review', { pageId, decision })), [put]);

  return useMemo(() => (active ? { pages: read, retry, review } : undefined), [active, read, retry, review]);
}
