/**
 * The pages of a dossier or of the clerk's reception tray, kept current from the push channel: pages.changed for
 * this dossier (or this tray) re-reads the list; events.lost (a reconnect, a slow client) re-reads it too.
 * Bursts of events (a 60 ppm scanner) are folded: one read at a time, and one more after it if asked meanwhile.
 */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../bridge';
import { useCoalescedReload } from '../../bridge/use-coalesced-reload';
import { useEvent } from '../../bridge/use-event';
import { useSession } from '../../session/session-context';
import type { ScanPage } from './page-order';

export type PagesTarget = { tray: true } | { dossierId: string };

export function targetKey(t: PagesTarget): string {
  return 'dossierId' in t ? `dossier:${t.dossierId}` : 'tray';
}

function listInput(key: string): { tray: true } | { dossierId: string } {
  return key === 'tray' ? { tray: true } : { dossierId: key.slice('dossier:'.length) };
}

export interface PagesState {
  pages: ScanPage[] | null;
  error: unknown;
  reload(): void;
  /** An answer of a page command that returns the whole list (move, remove). */
  replace(pages: ScanPage[]): void;
  /** An answer of a page command that returns one page (rotate, keepBlank). */
  update(page: ScanPage): void;
}

interface Loaded {
  key: string;
  pages: ScanPage[] | null;
  error: unknown;
}

export function usePages(target: PagesTarget): PagesState {
  const { user } = useSession();
  const key = targetKey(target);
  const [loaded, setLoaded] = useState<Loaded>({ key, pages: null, error: null });
  const reload = useCoalescedReload(
    key,
    (asked) => api.call('pages.list', listInput(asked)),
    (asked, r) => setLoaded((old) => (r.ok ? { key: asked, pages: r.value, error: null } : { key: asked, pages: old.key === asked ? old.pages : null, error: r.error })),
  );

  useEffect(() => {
    reload();
  }, [key, reload]);

  useEvent('pages.changed', (d) => {
    const mine =
      key === 'tray'
        ? d.dossierId === null && (d.trayOwner === null || user === null || d.trayOwner === String(user.id))
        : d.dossierId === key.slice('dossier:'.length);
    if (mine) reload();
  });
  useEvent('events.lost', () => reload());

  const replace = useCallback((pages: ScanPage[]) => setLoaded((old) => (old.key === key ? { ...old, pages } : old)), [key]);
  const update = useCallback(
    (page: ScanPage) => setLoaded((old) => (old.key === key && old.pages ? { ...old, pages: old.pages.map((p) => (p.id === page.id ? page : p)) } : old)),
    [key],
  );
  const mine = loaded.key === key;
  return { pages: mine ? loaded.pages : null, error: mine ? loaded.error : null, reload, replace, update };
}
