/**
 * The jobs waiting at the printers: what, on which printer, why it waits (in the clerk's language) and when it is
 * tried again; "Retry now" for a queued job, "Answer" for an uncertain one, "Cancel" for both. A job that leaves
 * the list takes focus to the next one's first button, else to the list's heading.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintJob } from '../../../../core/contract/printing';
import { useAnnouncer } from '../../a11y/Announcer';
import { api } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/FormError';
import { formatDateTime } from '../../format/date-time';
import { describeError } from '../../i18n/error-text';
import { stateText } from './job-text';

export interface PrintQueueDialogProps {
  open: boolean;
  jobs: readonly PrintJob[];
  onClose(): void;
  onAsk(job: PrintJob): void;
  onChanged(): void;
}

export function PrintQueueDialog({ open, jobs, onClose, onAsk, onChanged }: PrintQueueDialogProps) {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const captionId = useId();
  const caption = useRef<HTMLParagraphElement>(null);
  const firstButtons = useRef(new Map<string, HTMLButtonElement>());
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** After an action: the job whose row had focus, so focus can move on when the row goes. */
  const focusAfter = useRef<{ id: string; index: number } | null>(null);

  useEffect(() => {
    const after = focusAfter.current;
    if (!after || !open) return;
    if (jobs.some((j) => j.id === after.id)) return; // still listed: focus stays where it is
    focusAfter.current = null;
    const next = jobs[Math.min(after.index, jobs.length - 1)];
    const button = next ? firstButtons.current.get(next.id) : undefined;
    if (button) button.focus();
    else caption.current?.focus();
  }, [jobs, open]);

  const act = async (job: PrintJob, action: 'retry' | 'cancel') => {
    if (busy) return;
    setBusy(`${action}:${job.id}`);
    setError(null);
    focusAfter.current = { id: job.id, index: jobs.findIndex((j) => j.id === job.id) };
    try {
      await api.call(action === 'retry' ? 'printing.retry' : 'printing.cancel', { jobId: job.id });
      announce(t(action === 'retry' ? 'printingUi.queue.retried' : 'printingUi.queue.cancelled', { seq: job.seq, title: job.title }));
      onChanged();
    } catch (e) {
      setError(describeError(t, e).text);
    } finally {
      setBusy(null);
    }
  };

  const ref = (id: string) => (el: HTMLButtonElement | null) => {
    if (el) firstButtons.current.set(id, el);
    else firstButtons.current.delete(id);
  };

  return (
    <Dialog open={open} title={t('printingUi.queue.title')} onClose={onClose} initialFocus={caption} className="dialog--wide" testId="print-queue-dialog">
      <p id={captionId} ref={caption} tabIndex={-1} className="print-queue-dialog__lead">
        {jobs.length === 0 ? t('printingUi.queue.none') : t('printingUi.queue.count', { count: jobs.length })}
      </p>
      <FormError message={error} testId="print-queue-error" />
      {jobs.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-labelledby={captionId} data-testid="print-queue-jobs">
            <thead>
              <tr>
                <th scope="col">{t('printingUi.job.what')}</th>
                <th scope="col">{t('printingUi.job.state')}</th>
                <th scope="col">{t('printingUi.job.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((j) => (
                <tr key={j.id} data-job={j.id} data-state={j.state}>
                  <th scope="row" className="data-table__text">
                    {t('printingUi.job.numbered', { seq: j.seq, title: j.title })}
                    {j.reprint && <span className="print-tag"> {t('printingUi.job.reprint')}</span>}
                    <span className="print-jobs__printer">
                      {t('printingUi.job.printer')}: <code>{j.printerUri}</code>
                    </span>
                  </th>
                  <td className={j.state === 'uncertain' ? 'print-state print-state--ask' : 'print-state'}>
                    {stateText(t, j)}
                    {j.state === 'queued' && j.nextTryAt && <span className="field__hint"> {t('printingUi.job.nextTry', { at: formatDateTime(j.nextTryAt) })}</span>}
                  </td>
                  <td>
                    <div className="print-row-actions">
                      {j.state === 'uncertain' && (
                        <button type="button" ref={ref(j.id)} className="btn btn--primary" aria-label={t('printingUi.queue.answerNamed', { seq: j.seq })} onClick={() => onAsk(j)}>
                          {t('printingUi.queue.answer')}
                        </button>
                      )}
                      {j.state === 'queued' && (
                        <button type="button" ref={ref(j.id)} className="btn" aria-busy={busy === `retry:${j.id}`} aria-label={t('printingUi.queue.retryNamed', { seq: j.seq })} onClick={() => void act(j, 'retry')}>
                          {t('printingUi.queue.retry')}
                        </button>
                      )}
                      {(j.state === 'queued' || j.state === 'uncertain') && (
                        <button type="button" className="btn btn--danger-outline" aria-busy={busy === `cancel:${j.id}`} aria-label={t('printingUi.queue.cancelNamed', { seq: j.seq })} onClick={() => void act(j, 'cancel')}>
                          {t('printingUi.queue.cancel')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="dialog__actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('printingUi.queue.close')}
        </button>
      </div>
    </Dialog>
  );
}
