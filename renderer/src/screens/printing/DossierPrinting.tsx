/**
 * The dossier record's printing: any form its state allows, sent to one of the counter's printers (the receipt
 * printer or the A4 printer), and every print job of the dossier with its state live and "Reprint" (the core marks
 * the paper as a reprint and keeps the number). The PDF downloads beside it stay for counters without a printer.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierView } from '../../../../core/contract/dossiers';
import type { PrintJob, PrintRole } from '../../../../core/contract/printing';
import { useAnnouncer } from '../../a11y/Announcer';
import { api } from '../../bridge';
import { FormError } from '../../components/FormError';
import { Panel } from '../../components/Panel';
import { RadioGroup } from '../../components/RadioGroup';
import { describeError } from '../../i18n/error-text';
import { printableForms } from '../dossiers/PrintPanel';
import { JobTable } from './JobTable';
import { normaliseUri, usePrintingSettings } from './printing-settings';
import { rememberSent } from './sent-here';
import type { FormName } from './slip-plan';
import { useDossierPrintJobs } from './usePrintJobs';
import './printing.css';

type Target = Extract<PrintRole, 'receipt' | 'a4'>;

export function DossierPrinting({ view }: { view: DossierView }) {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const settings = usePrintingSettings();
  const { jobs, error: readError, reload } = useDossierPrintJobs(view.id);
  const [chosen, setChosen] = useState<Target | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const forms = printableForms(view);
  const targets = (['receipt', 'a4'] as const).filter((r) => settings?.[r]);
  const target = chosen && targets.includes(chosen) ? chosen : (targets[0] ?? null);
  const printer = target ? settings?.[target] : null;

  const run = async (key: string, call: () => Promise<PrintJob>) => {
    if (busy) return;
    setBusy(key);
    setError(null);
    try {
      const job = await call();
      rememberSent(job);
      announce(t('printingUi.dossier.sent', { seq: job.seq, title: job.title }));
      reload();
    } catch (e) {
      setError(describeError(t, e).text);
    } finally {
      setBusy(null);
    }
  };

  const print = (form: FormName) => {
    if (!printer) return;
    void run(`form:${form}`, () =>
      api.call('printing.print', {
        what: { kind: 'form', form, dossierId: view.id },
        printer: printer.uri,
        ...(printer.profile ? { profile: printer.profile } : {}),
        copies: form === 'receipt' && target === 'receipt' ? (settings?.receiptCopies ?? 1) : 1,
      }),
    );
  };

  // Again on the printer it printed on while that is still one of the counter's; else on the printer chosen above.
  const reprint = (job: PrintJob) => {
    const still = [settings?.receipt, settings?.a4, settings?.ticket].some((p) => p && normaliseUri(p.uri) === normaliseUri(job.printerUri));
    void run(job.id, () => api.call('printing.reprint', { jobId: job.id, ...(!still && printer ? { printer: printer.uri } : {}) }));
  };

  const retry = (job: PrintJob) => void run(job.id, () => api.call('printing.retry', { jobId: job.id }));

  return (
    <Panel title={t('printingUi.dossier.title')} level={3} className="dossier-section" testId="dossier-printing">
      <FormError message={error ?? (readError ? describeError(t, readError).text : null)} testId="dossier-print-error" />
      {settings !== null && targets.length === 0 && <p className="field__hint">{t('printingUi.dossier.noPrinter')}</p>}
      {target && printer && forms.length > 0 && (
        <div className="print-panel">
          {targets.length > 1 ? (
            <RadioGroup<Target>
              legend={t('printingUi.dossier.printer')}
              name="print-target"
              value={target}
              onValue={setChosen}
              options={targets.map((r) => ({ value: r, label: t('printingUi.dossier.printerOption', { role: t(`printingUi.roles.${r}`), uri: settings?.[r]?.uri ?? '' }) }))}
            />
          ) : (
            <p className="field__hint">{t('printingUi.dossier.printerOne', { role: t(`printingUi.roles.${target}`), uri: printer.uri })}</p>
          )}
          <div className="button-row">
            {forms.map((f) => (
              <button key={f} type="button" className="btn" data-print-form={f} aria-busy={busy === `form:${f}`} onClick={() => print(f)}>
                {t('printingUi.dossier.print', { form: t(`forms.names.${f}`) })}
              </button>
            ))}
          </div>
        </div>
      )}
      {jobs && jobs.length === 0 && <p className="field__hint">{t('printingUi.dossier.noJobs')}</p>}
      {jobs && jobs.length > 0 && <JobTable jobs={jobs} caption={t('printingUi.dossier.jobs')} busyId={busy} onReprint={reprint} onRetry={retry} layout="list" testId="dossier-print-jobs" />}
    </Panel>
  );
}
