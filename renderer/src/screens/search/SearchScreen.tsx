/**
 * Search in what OCR read from every scanned page (Dossiers → Tìm trong nội dung). The search box has focus on
 * open and after F3; typing searches after a short pause (Enter at once), with or without diacritics (the core
 * folds them). Arrow down enters the results, arrows move, Enter opens the dossier at that page. The query is
 * ?q=… in the address, so Back from the dossier returns to the same results.
 */
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../a11y/useDocumentTitle';
import { useAnnouncer } from '../../a11y/Announcer';
import { Field } from '../../components/Field';
import { describeError } from '../../i18n/error-text';
import { dossierPageHref, setSearchBoxHandler } from './commands';
import { snippetParts } from './highlight';
import { useSearch } from './useSearch';
import './search.css';

const SEARCH_DELAY_MS = 300;
const MAX_QUERY = 200;

export function SearchScreen() {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const headingId = useId();
  const hintId = useId();
  const [params, setParams] = useSearchParams();
  const urlQuery = (params.get('q') ?? '').trim();
  const [text, setText] = useState(urlQuery);
  const [activeAt, setActiveAt] = useState({ query: '', index: 0 });
  const inputRef = useRef<HTMLInputElement>(null);
  const links = useRef<(HTMLAnchorElement | null)[]>([]);
  const results = useSearch(urlQuery);
  useDocumentTitle(t('ocrUi.search.title'));

  // The box has focus on open (also when Back brings the clerk here), its text selected to type over.
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  // F3 while this screen shows: back to the box.
  useEffect(
    () =>
      setSearchBoxHandler(() => {
        const input = inputRef.current;
        if (!input) return false;
        input.focus();
        input.select();
        return true;
      }),
    [],
  );

  const commit = useCallback(
    (value: string) => {
      const q = value.trim().slice(0, MAX_QUERY);
      if (q === urlQuery) return;
      // Replace, not push: Back leaves the search screen instead of stepping through every word typed.
      setParams(q ? { q } : {}, { replace: true });
    },
    [urlQuery, setParams],
  );

  // Typing searches after a pause; once the address holds the text, commit is a no-op.
  useEffect(() => {
    const timer = setTimeout(() => commit(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, commit]);

  const hits = results.hits;
  const countText = results.more ? t('ocrUi.search.countMore', { count: hits.length }) : t('ocrUi.search.count', { count: hits.length });

  // New results: the first one is where the arrows start; what was found is said once per answer.
  const answered = results.loading ? null : results.query;
  // The arrows start on the first result of each new answer.
  const active = activeAt.query === results.query ? activeAt.index : 0;
  const setActive = (index: number) => setActiveAt({ query: results.query, index });
  const spoken = answered && !results.error ? (hits.length === 0 ? t('ocrUi.search.none', { query: answered }) : countText) : null;
  useEffect(() => {
    if (spoken) announce(spoken);
  }, [spoken, announce]);

  const move = (to: number) => {
    if (hits.length === 0) return;
    const i = Math.max(0, Math.min(hits.length - 1, to));
    setActive(i);
    links.current[i]?.focus();
  };

  const onInputKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit(text);
    } else if (e.key === 'ArrowDown' && hits.length > 0) {
      e.preventDefault();
      move(active);
    }
  };

  const onListKey = (e: KeyboardEvent<HTMLOListElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => (active === 0 ? inputRef.current?.focus() : move(active - 1)),
      Home: () => move(0),
      End: () => move(hits.length - 1),
      PageDown: () => move(active + 10),
      PageUp: () => move(active - 10),
    };
    const run = keys[e.key];
    if (run) {
      e.preventDefault();
      run();
    } else if (e.key.length === 1 && e.key !== ' ' && !e.nativeEvent.isComposing) {
      // Typing on a result goes on in the search box.
      inputRef.current?.focus();
    }
  };

  const error = results.error ? describeError(t, results.error).text : null;
  const shownQuery = results.query;

  return (
    <section className="screen search-screen" aria-labelledby={headingId}>
      <h1 id={headingId} className="screen__title">
        {t('ocrUi.search.title')}
      </h1>
      <p className="screen__lead">{t('ocrUi.search.lead')}</p>
      <div className="search-box" role="search" aria-labelledby={headingId}>
        <Field
          label={t('ocrUi.search.label')}
          type="search"
          name="q"
          autoComplete="off"
          spellCheck={false}
          maxLength={MAX_QUERY}
          hint={t('ocrUi.search.hint')}
          value={text}
          onValue={setText}
          inputRef={inputRef}
          onKeyDown={onInputKey}
          data-testid="search-input"
        />
      </div>
      {error && (
        <p className="field__error" role="alert" data-testid="search-error">
          {t('ocrUi.search.failed', { message: error })}
        </p>
      )}
      {results.loading && hits.length === 0 && <p className="field__hint">{t('ocrUi.search.searching')}</p>}
      {!results.loading && !error && shownQuery && hits.length === 0 && (
        <div className="notice" data-testid="search-none">
          <p>{t('ocrUi.search.none', { query: shownQuery })}</p>
          <p className="field__hint">{t('ocrUi.search.noneHint')}</p>
        </div>
      )}
      {hits.length > 0 && (
        <div className="search-results" aria-busy={results.loading}>
          <p className="search-results__count" data-testid="search-count">
            {countText}
          </p>
          <p id={hintId} className="field__hint">
            {t('ocrUi.search.keyboardHint')}
          </p>
          <ol className="search-results__list" aria-label={t('ocrUi.search.caption')} aria-describedby={hintId} onKeyDown={onListKey} data-testid="search-results">
            {hits.map((h, i) => (
              <li key={`${h.pageId}-${i}`} className={i === active ? 'search-hit search-hit--active' : 'search-hit'}>
                <Link
                  to={dossierPageHref(h)}
                  ref={(el) => {
                    links.current[i] = el;
                  }}
                  tabIndex={i === active ? 0 : -1}
                  onFocus={() => setActive(i)}
                  className="search-hit__link"
                  data-testid="search-hit"
                  data-dossier-id={h.dossierId}
                  data-page-id={h.pageId}
                >
                  <span className="search-hit__where">
                    <strong>{h.dossierCode || t('ocrUi.search.noCode')}</strong> — {h.itemName}, {t('ocrUi.search.page', { page: h.page })}
                  </span>
                  <span className="search-hit__snippet">
                    {snippetParts(h.snippet, h.highlights).map((p, j) => (p.mark ? <mark key={j}>{p.text}</mark> : <span key={j}>{p.text}</span>))}
                  </span>
                </Link>
              </li>
            ))}
          </ol>
          {results.more && (
            <button type="button" className="btn" onClick={results.loadMore} aria-busy={results.loading}>
              {t('ocrUi.search.more')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
