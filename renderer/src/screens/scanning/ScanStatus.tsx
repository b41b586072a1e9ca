/**
 * The scan's status line (page counts as they come) and, when the device stopped the batch, what happened in
 * plain words (the catalogue's message for the error code says what to do) with Continue to go on with the same
 * batch into the same item. Announcements are made by the panel through the app's live regions.
 */
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTINUABLE, type JobView } from './useScanJob';

export interface ScanStatusProps {
  job: JobView | null;
  itemName: string;
  stopping: boolean;
  onContinue(): void;
  onDismiss(): void;
  continueRef: Ref<HTMLButtonElement>;
}

export function ScanStatus({ job, itemName, stopping, onContinue, onDismiss, continueRef }: ScanStatusProps) {
  const { t } = useTranslation();
  if (!job) return <p className="scan-status" data-testid="scan-status" />;
  const counts = { received: job.received, processed: job.processed, item: itemName };
  if (job.status === 'scanning') {
    return (
      <p className="scan-status scan-status--busy" data-testid="scan-status" data-status="scanning">
        {stopping ? t('scanningUi.scan.stopping') : t('scanningUi.scan.scanning', counts)}{' '}
        <progress aria-hidden="true" />
      </p>
    );
  }
  if (!CONTINUABLE.has(job.status)) {
    return (
      <p className="scan-status" data-testid="scan-status" data-status={job.status}>
        {job.status === 'completed' ? t('scanningUi.scan.completed', counts) : t('scanningUi.scan.cancelled', counts)}
      </p>
    );
  }
  return (
    <div className="scan-stop" data-testid="scan-status" data-status={job.status}>
      <p className="scan-stop__title">
        <strong>{t(`scanningUi.scan.problems.${job.status}`)}</strong> — {t('scanningUi.scan.stopped', counts)}
      </p>
      {job.error && <p data-testid="scan-stop-message">{job.error.message}</p>}
      <p>{t('scanningUi.scan.next')}</p>
      <div className="button-row">
        <button ref={continueRef} type="button" className="btn btn--primary" data-testid="scan-continue" onClick={onContinue}>
          {t('scanningUi.scan.continue')}
        </button>
        <button type="button" className="btn" onClick={onDismiss}>
          {t('scanningUi.scan.dismiss')}
        </button>
      </div>
    </div>
  );
}
