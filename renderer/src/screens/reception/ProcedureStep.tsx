/**
 * Step 2: the procedure. An agency filter (remembered) and a search box over the catalogue, typed with or without
 * diacritics; results form a listbox driven from the box (ARIA combobox): arrows move, Enter takes.
 */
import { Fragment, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../core/contract/index';
import { api } from '../../bridge';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { describeError } from '../../i18n/error-text';
import type { Draft, Procedure } from './draft';
import { feeTotal } from './draft';
import { formatMoney, splitHighlights } from './format';

type Hit = MethodOutput<'catalogue.search'>[number];
type Agency = MethodOutput<'catalogue.agencies'>[number];

export const SEARCH_DEBOUNCE_MS = 120;

export interface ProcedureStepProps {
  draft: Draft;
  agencies: readonly Agency[];
  loadingProcedure: boolean;
  errorOf(key: string): string | undefined;
  onAgency(code: string): void;
  onPick(hit: { agencyCode: string; code: string }): void;
  onNext(): void;
}

export function ProcedureStep({ draft, agencies, loadingProcedure, errorOf, onAgency, onPick, onNext }: ProcedureStepProps) {
  const { t } = useTranslation();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [active, setActive] = useState(0);
  const [searchError, setSearchError] = useState<string | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      api
        .call('catalogue.search', { query, limit: 20, ...(draft.agencyCode ? { agencyCode: draft.agencyCode } : {}) })
        .then(
          (found) => {
            if (mine !== seq.current) return; // a newer query won
            setHits(found);
            // The best hit is preselected for a typed query, so Enter takes it; an empty query lists, nothing more.
            setActive(query.trim() ? 0 : -1);
            setSearchError(null);
          },
          (e: unknown) => {
            if (mine === seq.current) setSearchError(describeError(t, e).text);
          },
        );
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, draft.agencyCode, t]);

  const optionId = (i: number) => `${listId}-opt-${i}`;
  const list = hits ?? [];
  const expanded = list.length > 0;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!list.length) return;
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? (active + 1) % list.length : active <= 0 ? list.length - 1 : active - 1;
      setActive(next);
      document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = list[active];
      if (hit) onPick(hit);
      else if (draft.procedure) onNext();
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      setQuery('');
    }
  };

  const agencyOptions = [{ value: '', label: t('reception.procedure.allAgencies') }, ...agencies.map((a) => ({ value: a.code, label: a.name }))];
  const unit = (u: 'days' | 'hours') => t(`dossier.units.${u}`);
  const chosen: Procedure | null = draft.procedure;

  return (
    <div className="rx-procedure">
      <div className="rx-procedure__search">
        <SelectField
          label={t('reception.procedure.agency')}
          data-field="agency"
          value={draft.agencyCode}
          onValue={onAgency}
          options={agencyOptions}
        />
        <Field
          label={t('reception.procedure.search')}
          hint={t('reception.procedure.searchHint')}
          name="procedure-search"
          data-field="procedure"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && list[active] ? optionId(active) : undefined}
          autoComplete="off"
          spellCheck={false}
          value={query}
          onValue={setQuery}
          onKeyDown={onKeyDown}
          error={errorOf('procedure')}
        />
        <p role="status" className="rx-procedure__count" data-testid="search-status">
          {searchError ?? (hits === null ? '' : hits.length ? t('reception.procedure.count', { count: hits.length }) : t('reception.procedure.noResults'))}
        </p>
        <ul id={listId} role="listbox" aria-label={t('reception.procedure.results')} className="rx-results" data-testid="procedure-results" hidden={!expanded}>
          {list.map((h, i) => (
            <li
              key={`${h.agencyCode}/${h.code}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'rx-result rx-result--active' : 'rx-result'}
              onMouseDown={(e) => e.preventDefault() /* keep focus in the search box */}
              onClick={() => onPick(h)}
            >
              <span className="rx-result__name">
                {splitHighlights(h.name, h.highlights).map((s, j) => (s.hit ? <mark key={j}>{s.text}</mark> : <Fragment key={j}>{s.text}</Fragment>))}
              </span>
              <span className="rx-result__meta">
                <span className="rx-result__code">{h.code}</span>
                {!draft.agencyCode && <span>{agencies.find((a) => a.code === h.agencyCode)?.shortName ?? agencies.find((a) => a.code === h.agencyCode)?.name ?? h.agencyCode}</span>}
                <span>{h.field.name}</span>
                <span>{t('reception.procedure.processing', { amount: h.processing.amount, unit: unit(h.processing.unit) })}</span>
              </span>
            </li>
          ))}
        </ul>
      </div>

      <section className="rx-section rx-procedure__chosen" aria-labelledby={`${listId}-chosen`} data-testid="chosen-procedure">
        <h3 id={`${listId}-chosen`} className="rx-section__title">
          {t('reception.procedure.chosen')}
        </h3>
        {loadingProcedure ? (
          <p role="status">{t('reception.procedure.loading')}</p>
        ) : chosen ? (
          <>
            <p className="rx-procedure__name">{chosen.name}</p>
            <dl className="rx-facts">
              <dt>{t('reception.procedure.code')}</dt>
              <dd>{chosen.code}</dd>
              <dt>{t('reception.review.agency')}</dt>
              <dd>{agencies.find((a) => a.code === chosen.agencyCode)?.name ?? chosen.agencyCode}</dd>
              <dt>{t('reception.procedure.field')}</dt>
              <dd>{chosen.field.name}</dd>
              <dt>{t('reception.procedure.processingLabel')}</dt>
              <dd>{t('reception.procedure.processing', { amount: chosen.processing.amount, unit: unit(chosen.processing.unit) })}</dd>
              <dt>{t('reception.fees.total')}</dt>
              <dd>{feeTotal(chosen) > 0 ? t('reception.fees.money', { amount: formatMoney(feeTotal(chosen)) }) : t('reception.fees.none')}</dd>
            </dl>
            <div className="rx-actions">
              <button type="button" className="btn btn--primary" onClick={onNext}>
                {t('reception.nav.next')}
              </button>
            </div>
          </>
        ) : (
          <p className="rx-muted">{t('reception.validation.procedure')}</p>
        )}
      </section>
    </div>
  );
}
