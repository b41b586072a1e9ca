/**
 * The print queue for the clerk, in the header: one compact button saying how many jobs wait and how many need an
 * answer (printing.jobs, then printing.jobChanged), opening the list of waiting jobs with why each waits, "Retry
 * now" and "Cancel". When a job becomes uncertain at this counter (its printer is one of the counter's, or it was
 * sent from this window) the question opens by itself; nothing is resent until the clerk answers.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintJob, PrintQueueCounts } from '../../../../core/contract/printing';
import { useAnnouncer } from '../../a11y/Announcer';
import { api } from '../../bridge';
import { useCoalescedReload } from '../../bridge/use-coalesced-reload';
import { useEvent } from '../../bridge/use-event';
import { counterPrinterUris, normaliseUri, usePrintingSettings } from './printing-settings';
import { PrintQueueDialog } from './PrintQueueDialog';
import { rememberSent, sentHere } from './sent-here';
import { UncertainDialog, type Outcome } from './UncertainDialog';
import { UncertainQuestions, type UncertainJob } from './uncertain-questions';
import './printing.css';

const WAITING = ['queued', 'sending', 'uncertain'] as const;

export function PrintQueue() {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const settings = usePrintingSettings();
  const [counts, setCounts] = useState<PrintQueueCounts | null>(null);
  const [jobs, setJobs] = useState<PrintJob[]>([]);
  const [listOpen, setListOpen] = useState(false);
  /** The job asked about now (rendered), from the questions kept in order outside React's batching. */
  const questions = useRef(new UncertainQuestions());
  const [asking, setAsking] = useState<UncertainJob | null>(null);
  const showQuestion = useCallback(() => setAsking(questions.current.current), []);
  const ours = useRef(counterPrinterUris(settings));
  useEffect(() => {
    ours.current = counterPrinterUris(settings);
  }, [settings]);

  const reload = useCoalescedReload(
    null,
    () => api.call('printing.jobs', { states: [...WAITING], limit: 200 }),
    (_key, outcome) => {
      if (outcome.ok) {
        setJobs(outcome.value.jobs);
        setCounts(outcome.value.counts);
      }
      // A failed read keeps what is shown; without a printing service nothing ever was (no button).
    },
  );
  useEffect(() => reload(), [reload]);
  useEvent('events.lost', () => reload());

  useEvent('printing.jobChanged', (d) => {
    setCounts(d.counts);
    reload();
    const here = sentHere(d.jobId) || ours.current.has(normaliseUri(d.printerUri));
    if (d.state === 'uncertain') {
      if (here && questions.current.becameUncertain({ id: d.jobId, title: d.title, printerUri: d.printerUri, error: d.error })) {
        announce(t('printingUi.uncertain.announce', { title: d.title }), 'assertive');
        showQuestion();
      }
      return;
    }
    // Settled elsewhere (another window answered, the printer confirmed, cancelled): no longer asked.
    if (questions.current.settled(d.jobId)) {
      announce(t('printingUi.uncertain.settledElsewhere', { title: d.title }));
      showQuestion();
    }
  });

  const answer = async (job: UncertainJob, outcome: Outcome) => {
    questions.current.answerStarted(job.id);
    let ok = false;
    try {
      const done = await api.call('printing.resolve', { jobId: job.id, outcome });
      ok = true;
      rememberSent(done);
      announce(outcome === 'printed' ? t('printingUi.uncertain.answeredPrinted', { title: job.title }) : t('printingUi.uncertain.answeredResend', { title: job.title }));
      reload();
    } finally {
      questions.current.answerEnded(job.id, ok);
      showQuestion();
    }
  };

  /** From the list: the question for one uncertain job, on top of the list. */
  const askAbout = (job: PrintJob) => {
    questions.current.askAbout({ id: job.id, seq: job.seq, title: job.title, printerUri: job.printerUri, error: job.error });
    showQuestion();
  };

  const queued = (counts?.queued ?? 0) + (counts?.sending ?? 0);
  const uncertain = counts?.uncertain ?? 0;
  // Like the OCR line: always there at a counter with a printer (the queue one key away), else only while jobs wait.
  const hasPrinter = counterPrinterUris(settings).size > 0;
  const shown = counts !== null && (queued > 0 || uncertain > 0 || listOpen || hasPrinter);

  return (
    <>
      {shown && (
        <button
          type="button"
          className={uncertain > 0 ? 'btn btn--chrome print-queue print-queue--ask' : 'btn btn--chrome print-queue'}
          aria-haspopup="dialog"
          data-testid="print-queue"
          data-queued={queued}
          data-uncertain={uncertain}
          onClick={() => setListOpen(true)}
        >
          <span>{t('printingUi.queue.label')}</span>
          {queued > 0 && <span>{t('printingUi.queue.waiting', { count: queued })}</span>}
          {uncertain > 0 && <span className="print-queue__ask">{t('printingUi.queue.uncertain', { count: uncertain })}</span>}
          {queued === 0 && uncertain === 0 && <span>{t('printingUi.queue.empty')}</span>}
        </button>
      )}
      <PrintQueueDialog open={listOpen} jobs={jobs} onClose={() => setListOpen(false)} onAsk={askAbout} onChanged={reload} />
      <UncertainDialog
        job={asking}
        onAnswer={answer}
        onClose={() => {
          // Esc or "later": the job stays uncertain and is asked again from the list.
          announce(t('printingUi.uncertain.deferred'));
          questions.current.later();
          showQuestion();
        }}
      />
    </>
  );
}
