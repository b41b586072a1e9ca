/**
 * The one question the queue cannot answer itself: bytes of this job may have reached the printer and the printer
 * could not confirm. The clerk looks at the paper and says. Focus starts on the question, not on an answer, so an
 * Enter pressed out of habit answers nothing; Esc closes and leaves the job uncertain (asked again from the queue).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/FormError';
import { describeError } from '../../i18n/error-text';
import { reasonText } from './job-text';
import type { UncertainJob } from './uncertain-questions';

export type Outcome = 'printed' | 'not_printed';

export interface UncertainDialogProps {
  job: UncertainJob | null;
  onAnswer(job: UncertainJob, outcome: Outcome): Promise<void>;
  onClose(): void;
}

export function UncertainDialog({ job, onAnswer, onClose }: UncertainDialogProps) {
  const { t } = useTranslation();
  const question = useRef<HTMLParagraphElement>(null);
  const [busy, setBusy] = useState<Outcome | null>(null);
  // The error of one job's answer, not shown once another job is asked.
  const [failed, setFailed] = useState<{ jobId: string; text: string } | null>(null);
  const error = failed && failed.jobId === job?.id ? failed.text : null;

  // The next uncertain job can follow in the same open dialog: focus goes back to the question, so a key pressed
  // for the last job does not answer this one.
  useEffect(() => {
    question.current?.focus();
  }, [job?.id]);

  const answer = async (outcome: Outcome) => {
    if (!job || busy) return;
    setBusy(outcome);
    setFailed(null);
    try {
      await onAnswer(job, outcome);
    } catch (e) {
      setFailed({ jobId: job.id, text: describeError(t, e).text });
    } finally {
      setBusy(null);
    }
  };

  const close = () => {
    setFailed(null);
    onClose();
  };

  return (
    <Dialog open={job !== null} title={t('printingUi.uncertain.title')} onClose={close} initialFocus={question} testId="print-uncertain-dialog">
      {job && (
        <>
          <p ref={question} tabIndex={-1} className="print-question" data-testid="print-uncertain-question">
            {t('printingUi.uncertain.question')}
          </p>
          <dl className="print-facts">
            <div>
              <dt>{t('printingUi.uncertain.job')}</dt>
              <dd data-testid="print-uncertain-title">{job.seq !== undefined ? t('printingUi.job.numbered', { seq: job.seq, title: job.title }) : job.title}</dd>
            </div>
            <div>
              <dt>{t('printingUi.uncertain.printer')}</dt>
              <dd>
                <code>{job.printerUri}</code>
              </dd>
            </div>
            {job.error && (
              <div>
                <dt>{t('printingUi.uncertain.why')}</dt>
                <dd>{reasonText(t, job.error)}</dd>
              </div>
            )}
          </dl>
          <p className="field__hint">{t('printingUi.uncertain.hint')}</p>
          <FormError message={error} testId="print-uncertain-error" />
          <div className="dialog__actions print-answers">
            <button type="button" className="btn" aria-busy={busy === 'printed'} data-testid="print-answer-printed" onClick={() => void answer('printed')}>
              {t('printingUi.uncertain.printed')}
            </button>
            <button type="button" className="btn btn--primary" aria-busy={busy === 'not_printed'} data-testid="print-answer-not-printed" onClick={() => void answer('not_printed')}>
              {t('printingUi.uncertain.notPrinted')}
            </button>
            <button type="button" className="btn" onClick={close}>
              {t('printingUi.uncertain.later')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
