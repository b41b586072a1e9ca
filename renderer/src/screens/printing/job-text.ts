/**
 * How a print job is told to the clerk: its state, and why it waits or is uncertain. The reason comes from the
 * core's error (ESC/POS status: offline, out of paper, cover open …) in the clerk's language.
 */
import i18next, { type TFunction } from 'i18next';
import type { PrintJob } from '../../../../core/contract/printing';
import { currentLocale } from '../../i18n/setup';
import { formatDateTime } from '../../format/date-time';

type Brief = NonNullable<PrintJob['error']>;

/**
 * The reason in the clerk's language. The core's message is Vietnamese with its details filled in; in English the
 * catalogue's text is used when it needs no details, else the core's message (still better than none).
 */
export function reasonText(t: TFunction, error: Brief | null): string {
  if (!error) return '';
  const locale = currentLocale();
  if (locale === 'vi') return error.message;
  const raw: unknown = i18next.getResource(locale, 'translation', `errors.${error.code}`);
  return typeof raw === 'string' && !/\{\{/.test(raw) ? t(`errors.${error.code}`) : error.message;
}

/** "Đang chờ — máy in mất kết nối", "Đã in 10:42", "Cần xác nhận — …". */
export function stateText(t: TFunction, job: Pick<PrintJob, 'state' | 'error' | 'printedAt'>): string {
  const reason = reasonText(t, job.error);
  switch (job.state) {
    case 'printed':
      return job.printedAt ? t('printingUi.job.printedAt', { at: formatDateTime(job.printedAt) }) : t('printingUi.job.states.printed');
    case 'queued':
    case 'uncertain':
    case 'failed':
      return reason ? t('printingUi.job.withReason', { state: t(`printingUi.job.states.${job.state}`), reason }) : t(`printingUi.job.states.${job.state}`);
    default:
      return t(`printingUi.job.states.${job.state}`);
  }
}
