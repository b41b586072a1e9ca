/**
 * Full-text search over the pages' OCR text (search.pages) for one query at a time. Every request carries a
 * number; an answer for an older query (the clerk kept typing) is dropped, so results never jump back.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../../../core/contract/ocr';
import { api } from '../../bridge';

const PAGE_SIZE = 50;

export interface SearchResults {
  /** The query these results answer ('' before any search). */
  query: string;
  hits: SearchHit[];
  more: boolean;
  loading: boolean;
  error: unknown;
  loadMore(): void;
}

interface State {
  query: string;
  hits: SearchHit[];
  more: boolean;
  error: unknown;
  /** A further page of the same query is on its way. */
  adding: boolean;
}

const EMPTY: State = { query: '', hits: [], more: false, error: null, adding: false };

export function useSearch(query: string): SearchResults {
  const [state, setState] = useState<State>(EMPTY);
  const seq = useRef(0);
  const current = useRef(state);
  useEffect(() => {
    current.current = state;
  });

  useEffect(() => {
    const mine = ++seq.current;
    if (!query) return;
    api.call('search.pages', { query, limit: PAGE_SIZE, offset: 0 }).then(
      (r) => mine === seq.current && setState({ query, hits: r.hits, more: r.more, error: null, adding: false }),
      (error: unknown) => mine === seq.current && setState({ query, hits: [], more: false, error, adding: false }),
    );
  }, [query]);

  const loadMore = useCallback(() => {
    const s = current.current;
    if (!s.query || !s.more || s.adding) return;
    const mine = ++seq.current;
    setState({ ...s, adding: true });
    api.call('search.pages', { query: s.query, limit: PAGE_SIZE, offset: s.hits.length }).then(
      (r) => mine === seq.current && setState({ query: s.query, hits: [...s.hits, ...r.hits], more: r.more, error: null, adding: false }),
      (error: unknown) => mine === seq.current && setState({ ...s, error, adding: false }),
    );
  }, []);

  // No query: nothing shown. A new query: the last answer stays on screen (busy) until its own arrives.
  if (!query) return { ...EMPTY, loading: false, loadMore };
  return { query: state.query, hits: state.hits, more: state.more, error: state.error, loading: state.query !== query || state.adding, loadMore };
}
