/**
 * The rows behind a figure (reports.drill), a page at a time, in a modal dialog: Esc closes it and focus goes back
 * to the tile or cell that opened it (the Dialog component does both). PageDown / PageUp turn the pages as well as
 * the buttons. Dossier codes open the dossier on the Dossiers screen. Mounted anew (key) for each opening, so it
 * starts at the first page.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DrillResult, ReportFilter } from '../../../../core/contract/reports';
import { api } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { formatDateTime } from '../../format/date-time';
import type { DrillTarget } from './chart-data';
import { formatCount, formatDuration } from './figure-format';

export const DRILL_PAGE_SIZE = 25;

export interface OpenDrill {
  target: DrillTarget;
  /** Words of the tile or row that opened it. */
  label: string;
}

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'done'; result: DrillResult };
type Answer = Exclude<Load, { state: 'loading' }> & { key: string };

export function DrillDialog({ open, filter, onClose }: { open: OpenDrill | null; filter: ReportFilter; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [answer, setAnswer] = useState<Answer | null>(null);
  // The page asked now; an answer for another one (or another filter) is not shown.
  const askKey = JSON.stringify([filter, offset]);
  const load: Load = answer && answer.key === askKey ? answer : { state: 'loading' };
  const regionRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    const key = JSON.stringify([filter, offset]);
    const bucket = open.target.bucket;
    api
      .call('reports.drill', { figure: open.target.figure, filter, ...(bucket ? { bucket } : {}), offset, limit: DRILL_PAGE_SIZE })
      .then(
        (result) => live && setAnswer({ state: 'done', result, key }),
        (e: unknown) => live && setAnswer({ state: 'failed', message: e instanceof Error ? e.message : String(e), key }),
      );
    return () => {
      live = false;
    };
  }, [open, filter, offset]);

  // While the next page loads, the last answer's total keeps the title and the buttons steady.
  const total = answer?.state === 'done' ? answer.result.total : 0;
  const pages = Math.max(1, Math.ceil(total / DRILL_PAGE_SIZE));
  const page = Math.floor(offset / DRILL_PAGE_SIZE) + 1;
  const canPrev = offset > 0;
  const canNext = offset + DRILL_PAGE_SIZE < total;
  const figureName = open ? t(`supervisorUi.drill.figures.${open.target.figure}`) : '';
  const title = open?.target.bucketLabel
    ? t('supervisorUi.drill.titleBucket', { figure: figureName, bucket: open.target.bucketLabel, total: formatCount(total, i18n.language) })
    : t('supervisorUi.drill.title', { figure: figureName, total: formatCount(total, i18n.language) });

  const turn = (by: number) => {
    if (by > 0 ? canNext : canPrev) setOffset((o) => Math.max(0, o + by * DRILL_PAGE_SIZE));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'PageDown') {
      e.preventDefault();
      turn(1);
    } else if (e.key === 'PageUp') {
      e.preventDefault();
      turn(-1);
    }
  };

  return (
    <Dialog open={open !== null} title={title} onClose={onClose} className="sv-drill" testId="sv-drill" initialFocus={regionRef}>
      <div onKeyDown={onKeyDown}>
        <div ref={regionRef} className="table-scroll sv-drill__rows" tabIndex={0} role="region" aria-label={figureName} aria-busy={load.state === 'loading'}>
          {load.state === 'loading' && <p>{t('supervisorUi.drill.loading')}</p>}
          {load.state === 'failed' && (
            <p className="sv-error" role="alert">
              {t('supervisorUi.drill.failed', { message: load.message })}
            </p>
          )}
          {load.state === 'done' && load.result.total === 0 && <p>{t('supervisorUi.drill.empty')}</p>}
          {load.state === 'done' && load.result.total > 0 && (
            <DrillTable result={load.result} caption={t('supervisorUi.drill.caption', { page, pages, total: formatCount(total, i18n.language) })} onOpenDossier={onClose} />
          )}
        </div>
        <div className="dialog__actions">
          {/* aria-disabled, not disabled: a disabled button would drop the focus of whoever just pressed it. */}
          <button type="button" className="btn" aria-disabled={!canPrev} onClick={() => turn(-1)} data-testid="sv-drill-prev">
            {t('supervisorUi.drill.previous')}
          </button>
          <button type="button" className="btn" aria-disabled={!canNext} onClick={() => turn(1)} data-testid="sv-drill-next">
            {t('supervisorUi.drill.next')}
          </button>
          <button type="button" className="btn btn--primary" onClick={onClose}>
            {t('supervisorUi.drill.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

function DrillTable({ result, caption, onOpenDossier }: { result: DrillResult; caption: string; onOpenDossier(): void }) {
  const { t, i18n } = useTranslation();
  const d = (k: string, params?: Record<string, unknown>) => t(`supervisorUi.drill.${k}`, params);
  const head = (cols: string[]) => (
    <thead>
      <tr>
        {cols.map((c) => (
          <th key={c} scope="col">
            {d(c)}
          </th>
        ))}
      </tr>
    </thead>
  );
  const table = (cols: string[], body: ReactNode) => (
    <table className="data-table" data-testid="sv-drill-table" data-kind={result.kind}>
      <caption className="data-table__caption">{caption}</caption>
      {head(cols)}
      <tbody>{body}</tbody>
    </table>
  );
  if (result.kind === 'dossiers') {
    return table(
      ['code', 'procedure', 'applicant', 'received', 'due', 'resolved', 'state'],
      result.rows.map((r) => (
        <tr key={r.id} data-id={r.id}>
          <th scope="row">
            <Link className="data-table__link" to={`/dossiers?id=${encodeURIComponent(r.id)}`} onClick={onOpenDossier}>
              {r.code ?? d('noCode')}
            </Link>
          </th>
          <td className="data-table__text">{r.procedureName || r.procedure}</td>
          <td>{r.applicant}</td>
          <td className="data-table__num">{formatDateTime(r.receivedAt)}</td>
          <td className="data-table__num">
            {formatDateTime(r.dueAt)}
            {r.rescheduledDueAt ? <span className="data-table__note"> {d('rescheduled', { at: formatDateTime(r.rescheduledDueAt) })}</span> : null}
          </td>
          <td className="data-table__num">{formatDateTime(r.resolvedAt)}</td>
          <td>{t(`dossier.states.${r.state}`, { defaultValue: r.state })}</td>
        </tr>
      )),
    );
  }
  if (result.kind === 'pages') {
    return table(
      ['code', 'item', 'scannedAt', 'clerk', 'confidence', 'flagged'],
      result.rows.map((r) => (
        <tr key={r.id} data-id={r.id}>
          <th scope="row">
            {r.dossierId ? (
              <Link className="data-table__link" to={`/dossiers?id=${encodeURIComponent(r.dossierId)}&item=${encodeURIComponent(r.itemCode)}&page=${encodeURIComponent(r.id)}`} onClick={onOpenDossier}>
                {r.dossierCode ?? d('noCode')}
              </Link>
            ) : (
              (r.dossierCode ?? d('noCode'))
            )}
          </th>
          <td>{r.itemCode}</td>
          <td className="data-table__num">{formatDateTime(r.createdAt)}</td>
          <td>{r.clerk}</td>
          <td className="data-table__num">{r.confidence === null ? '—' : `${r.confidence.toLocaleString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 })}%`}</td>
          <td>{r.flagged ? d('yes') : d('no')}</td>
        </tr>
      )),
    );
  }
  return table(
    ['number', 'service', 'counter', 'issued', 'called', 'wait', 'state'],
    result.rows.map((r) => (
      <tr key={r.id} data-id={r.id}>
        <th scope="row">{r.number}</th>
        <td>{r.service}</td>
        <td className="data-table__num">{r.counter ?? '—'}</td>
        <td className="data-table__num">{formatDateTime(r.issuedAt)}</td>
        <td className="data-table__num">{formatDateTime(r.calledAt)}</td>
        <td className="data-table__num">{formatDuration(r.waitSeconds, t, i18n.language)}</td>
        <td>{t(`queueUi.states.${r.state}`, { defaultValue: r.state })}</td>
      </tr>
    )),
  );
}
