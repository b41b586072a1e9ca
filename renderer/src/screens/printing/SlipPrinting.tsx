/**
 * Reception's done view, at a counter with a receipt printer: "Print the receipt" sends the decision's slip (and the
 * fee receipt when one was issued) to that printer; after "receive and print" it has already gone. The dossier's
 * print jobs are listed with their state live; a slip printed before is reprinted (marked on the paper). Without a
 * receipt printer this says so and the PDFs beside it are the way to print.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierView } from '../../../../core/contract/dossiers';
import type { CounterPrinter, PrintingSettings, PrintJob } from '../../../../core/contract/printing';
import { useAnnouncer } from '../../a11y/Announcer';
import { api } from '../../bridge';
import { useEvent } from '../../bridge/use-event';
import { FormError } from '../../components/FormError';
import { describeError } from '../../i18n/error-text';
import { setPrintSlipsHandler } from './commands';
import { JobTable } from './JobTable';
import { reasonText } from './job-text';
import { usePrintingSettings } from './printing-settings';
import { rememberSent } from './sent-here';
import { planSlips, slipForms } from './slip-plan';
import { useDossierPrintJobs } from './usePrintJobs';
import './printing.css';

/** Dossiers whose slips this window already sent on its own (a done view shown again must not print twice). */
const autoPrinted = new Set<string>();

/** Sends what the plan says; returns how many jobs went out. */
async function sendSlips(dossier: DossierView, printer: CounterPrinter, settings: PrintingSettings, jobs: Parameters<typeof planSlips>[1]): Promise<number> {
  let sent = 0;
  for (const step of planSlips(slipForms(dossier), jobs)) {
    if (step.action === 'wait') continue;
    const job =
      step.action === 'reprint'
        ? await api.call('printing.reprint', { jobId: step.jobId, printer: printer.uri })
        : await api.call('printing.print', {
            what: { kind: 'form', form: step.form, dossierId: dossier.id },
            printer: printer.uri,
            ...(printer.profile ? { profile: printer.profile } : {}),
            copies: step.form === 'receipt' ? settings.receiptCopies : 1,
          });
    rememberSent(job);
    sent += 1;
  }
  return sent;
}

export function SlipPrinting({ dossier, autoPrint }: { dossier: DossierView; autoPrint: boolean }) {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const settings = usePrintingSettings();
  const { jobs, error: readError, reload } = useDossierPrintJobs(dossier.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const printer = settings?.receipt ?? null;
  const forms = slipForms(dossier);
  const names = forms.map((f) => t(`forms.names.${f}`)).join(t('printingUi.reception.and'));
  const plan = jobs ? planSlips(forms, jobs) : [];
  const again = plan.length > 0 && plan.every((s) => s.action !== 'print');

  const send = async () => {
    if (busy || !printer || !settings || !jobs || forms.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      const n = await sendSlips(dossier, printer, settings, jobs);
      announce(n === 0 ? t('printingUi.reception.alreadyQueued') : t('printingUi.reception.sent', { forms: names }));
      reload();
    } catch (e) {
      setError(describeError(t, e).text);
    } finally {
      setBusy(false);
    }
  };
  const retry = async (job: PrintJob) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.call('printing.retry', { jobId: job.id });
      announce(t('printingUi.queue.retried', { seq: job.seq, title: job.title }));
      reload();
    } catch (e) {
      setError(describeError(t, e).text);
    } finally {
      setBusy(false);
    }
  };

  const sendRef = useRef(send);
  useEffect(() => {
    sendRef.current = send;
  });

  // Alt+P while this shows with a printer: the same as the button.
  useEffect(() => {
    if (!printer || forms.length === 0) return;
    return setPrintSlipsHandler(() => {
      void sendRef.current();
      return true;
    });
  }, [printer, forms.length]);

  // Receive and print: once the counter's printer and the dossier's (empty) job list are known, exactly once.
  useEffect(() => {
    if (!autoPrint || !printer || jobs === null || autoPrinted.has(dossier.id)) return;
    autoPrinted.add(dossier.id);
    void sendRef.current();
  }, [autoPrint, printer, jobs, dossier.id]);

  // Said once per change that matters to the clerk; the uncertain question is the queue's (header) to ask.
  useEvent('printing.jobChanged', (d) => {
    if (d.dossierId !== dossier.id) return;
    if (d.state === 'printed') announce(t('printingUi.reception.printed', { title: d.title }));
    else if (d.state === 'queued' && d.error) announce(t('printingUi.reception.waiting', { title: d.title, reason: reasonText(t, d.error) }), 'assertive');
    else if (d.state === 'failed') announce(t('printingUi.reception.failed', { title: d.title, reason: reasonText(t, d.error) }), 'assertive');
  });

  if (forms.length === 0) return null;
  return (
    <section className="print-slips" aria-labelledby="print-slips-title" data-testid="slip-printing">
      <h3 id="print-slips-title" className="print-slips__title">
        {t('printingUi.reception.title')}
      </h3>
      {settings !== null && !printer && <p className="field__hint">{t('printingUi.reception.noPrinter')}</p>}
      {printer && (
        <>
          <p className="field__hint">{t('printingUi.reception.printer', { uri: printer.uri })}</p>
          <div className="button-row">
            <button type="button" className="btn btn--primary" aria-busy={busy} aria-keyshortcuts="Alt+P" data-testid="print-slips" onClick={() => void send()}>
              {again ? t('printingUi.reception.printAgain', { forms: names }) : t('printingUi.reception.print', { forms: names })}
              <kbd className="rx-key">{t('printingUi.reception.printKey')}</kbd>
            </button>
          </div>
        </>
      )}
      <FormError message={error ?? (readError ? describeError(t, readError).text : null)} testId="slip-print-error" />
      {jobs && jobs.length > 0 && <JobTable jobs={jobs} caption={t('printingUi.reception.jobs')} busyId={null} onRetry={(j) => void retry(j)} testId="slip-jobs" />}
    </section>
  );
}
