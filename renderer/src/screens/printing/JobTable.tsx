/**
 * A dossier's print jobs as a table: what, when, on which printer, its state live (why it waits), "Reprint" for a
 * job that printed (the core marks the paper "BẢN IN LẠI" and keeps the number) and "Retry now" for one that waits
 * or failed (an uncertain one is the question's: the header's queue asks it).
 */
import { useTranslation } from 'react-i18next';
import type { PrintJob } from '../../../../core/contract/printing';
import { formatDateTime } from '../../format/date-time';
import { stateText } from './job-text';

export interface JobTableProps {
  jobs: readonly PrintJob[];
  caption: string;
  busyId: string | null;
  onReprint?: ((job: PrintJob) => void) | undefined;
  /** "Retry now" for a job that waits for its printer or could not be printed. */
  onRetry?: ((job: PrintJob) => void) | undefined;
  /** 'list' for a narrow column. */
  layout?: 'table' | 'list';
  testId?: string;
}

export function JobTable({ jobs, caption, busyId, onReprint, onRetry, layout = 'table', testId }: JobTableProps) {
  const { t } = useTranslation();
  const actions = onReprint !== undefined || onRetry !== undefined;
  const title = (j: PrintJob) => (
    <>
      {t('printingUi.job.numbered', { seq: j.seq, title: j.title })}
      {j.reprint && <span className="print-tag"> {t('printingUi.job.reprint')}</span>}
    </>
  );
  const buttons = (j: PrintJob) => (
    <>
      {onReprint && j.state === 'printed' && (
        <button type="button" className="btn" aria-busy={busyId === j.id} aria-label={t('printingUi.dossier.reprintNamed', { seq: j.seq, title: j.title })} data-testid="print-reprint" onClick={() => onReprint(j)}>
          {t('printingUi.dossier.reprint')}
        </button>
      )}
      {onRetry && (j.state === 'failed' || j.state === 'queued') && (
        <button type="button" className="btn" aria-busy={busyId === j.id} aria-label={t('printingUi.queue.retryNamed', { seq: j.seq })} data-testid="print-retry" onClick={() => onRetry(j)}>
          {t('printingUi.queue.retry')}
        </button>
      )}
    </>
  );
  const stateClass = (j: PrintJob) => (j.state === 'uncertain' ? 'print-state print-state--ask' : 'print-state');
  const attrs = (j: PrintJob) => ({ 'data-job': j.id, 'data-state': j.state, 'data-form': j.form ?? undefined, 'data-reprint': j.reprint });

  if (layout === 'list') {
    // A narrow column (the dossier record's side): one block per job instead of a table too wide for it.
    return (
      <div className="print-job-list" data-testid={testId}>
        <h4 className="print-job-list__caption">{caption}</h4>
        <ul>
          {jobs.map((j) => (
            <li key={j.id} {...attrs(j)}>
              <p className="print-job-list__title">{title(j)}</p>
              <p className={stateClass(j)}>{stateText(t, j)}</p>
              <p className="field__hint">
                {formatDateTime(j.createdAt)} · <code>{j.printerUri}</code>
              </p>
              {actions && <div className="button-row">{buttons(j)}</div>}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div className="table-scroll">
      <table className="data-table print-jobs" data-testid={testId}>
        <caption className="data-table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('printingUi.job.what')}</th>
            <th scope="col">{t('printingUi.job.at')}</th>
            <th scope="col">{t('printingUi.job.state')}</th>
            {actions && <th scope="col">{t('printingUi.job.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => (
            <tr key={j.id} {...attrs(j)}>
              <th scope="row" className="data-table__text">
                {title(j)}
                <span className="print-jobs__printer">
                  <code>{j.printerUri}</code>
                </span>
              </th>
              <td className="data-table__num">{formatDateTime(j.createdAt)}</td>
              <td className={stateClass(j)}>{stateText(t, j)}</td>
              {actions && (
                <td>
                  <div className="print-row-actions">{buttons(j)}</div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
