import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MethodOutput } from '../../../../core/contract/index';
import { DOSSIER_STATES, isFinal, type DossierState } from '../../../../core/domain/dossier/states';
import { api } from '../../bridge';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { Panel } from '../../components/Panel';
import { SelectField } from '../../components/SelectField';
import { formatDateTime } from '../../format/date-time';
import { describeError } from '../../i18n/error-text';

type Row = MethodOutput<'dossiers.list'>[number];

const SEARCH_DELAY_MS = 250;
const LIMIT = 100;

/** 'YYYY-MM-DDTHH:mm' now in Vietnam, to compare with due dates (same format, so string order is time order). */
function vietnamNowLocal(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 16);
}

/**
 * Dossiers newest first, filtered by state and text. In the table one row's link is in the Tab order; arrow
 * keys, Home and End move between rows and Enter opens the dossier.
 */
export function DossierList() {
  const { t } = useTranslation();
  const hintId = useId();
  const [state, setState] = useState<DossierState | ''>('');
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [active, setActive] = useState(0);
  const links = useRef<(HTMLAnchorElement | null)[]>([]);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    let cancelled = false;
    api.call('dossiers.list', { limit: LIMIT, ...(state ? { state } : {}), ...(query ? { query } : {}) }).then(
      (r) => {
        if (cancelled) return;
        setRows(r);
        setError(null);
        setActive(0);
      },
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [state, query]);

  const move = (to: number) => {
    if (!rows || rows.length === 0) return;
    const i = Math.max(0, Math.min(rows.length - 1, to));
    setActive(i);
    links.current[i]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      Home: () => move(0),
      End: () => move((rows?.length ?? 1) - 1),
      PageDown: () => move(active + 10),
      PageUp: () => move(active - 10),
    };
    const run = keys[e.key];
    if (run && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      run();
    }
  };

  const now = vietnamNowLocal();
  return (
    <Panel title={t('dossiersUi.list.title')} className="dossier-list">
      <div className="dossier-list__filters" role="search" aria-label={t('dossiersUi.list.filters')}>
        <SelectField label={t('dossiersUi.list.state')} value={state} onValue={(v) => setState(v as DossierState | '')} name="state">
          <option value="">{t('dossiersUi.list.allStates')}</option>
          {DOSSIER_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`dossier.states.${s}`)}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('dossiersUi.list.text')}
          type="search"
          name="query"
          autoComplete="off"
          spellCheck={false}
          hint={t('dossiersUi.list.textHint')}
          value={text}
          onValue={setText}
        />
      </div>
      <FormError message={error === null ? null : describeError(t, error).text} testId="dossier-list-error" />
      {rows === null ? (
        error === null && <p>{t('ui.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="dossier-list__empty">{t('dossiersUi.list.empty')}</p>
      ) : (
        <>
          <p id={hintId} className="field__hint">
            {t('dossiersUi.list.keyboardHint')}
          </p>
          <div className="table-scroll">
            <table className="data-table" data-testid="dossier-table" aria-describedby={hintId}>
              <caption className="data-table__caption">{t('dossiersUi.list.caption', { count: rows.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dossiersUi.list.columns.code')}</th>
                  <th scope="col">{t('dossiersUi.list.columns.applicant')}</th>
                  <th scope="col">{t('dossiersUi.list.columns.procedure')}</th>
                  <th scope="col">{t('dossiersUi.list.columns.state')}</th>
                  <th scope="col">{t('dossiersUi.list.columns.received')}</th>
                  <th scope="col">{t('dossiersUi.list.columns.due')}</th>
                </tr>
              </thead>
              <tbody onKeyDown={onKeyDown}>
                {rows.map((r, i) => {
                  const overdue = r.due !== null && !isFinal(r.state) && r.state !== 'result_ready' && r.due < now;
                  return (
                    <tr key={r.id} className={i === active ? 'data-table__row data-table__row--active' : 'data-table__row'} data-dossier-id={r.id}>
                      <th scope="row">
                        <Link
                          to={{ search: `?id=${r.id}` }}
                          ref={(el) => {
                            links.current[i] = el;
                          }}
                          tabIndex={i === active ? 0 : -1}
                          onFocus={() => setActive(i)}
                          className="data-table__link"
                        >
                          {r.code ?? t('dossiersUi.list.noCode')}
                        </Link>
                      </th>
                      <td>{r.applicantName}</td>
                      <td>{r.procedureName}</td>
                      <td>
                        <span className={`state-badge state-badge--${r.state}`}>{t(`dossier.states.${r.state}`)}</span>
                      </td>
                      <td className="data-table__num">{formatDateTime(r.receivedAt)}</td>
                      <td className="data-table__num">
                        {formatDateTime(r.due)}
                        {overdue && <span className="overdue"> {t('dossiersUi.list.overdue')}</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Panel>
  );
}
