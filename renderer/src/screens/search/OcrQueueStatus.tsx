/**
 * The OCR queue in one line for the header: "OCR: N trang chờ · X trang/phút · còn ~M phút", with the pages that
 * failed or wait for review. Read once (ocr.status), then kept current from ocr.progress; re-read after
 * events.lost. Not a live region: it changes with every page read, and the dossier on screen says what matters.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OcrQueueStatus as Status } from '../../../../core/contract/ocr';
import { api } from '../../bridge';
import { useEvent } from '../../bridge/use-event';
import './search.css';

type Shown = Pick<Status, 'waiting' | 'running' | 'failed' | 'flagged' | 'pagesPerMinute' | 'etaSeconds'>;

function formatRate(perMinute: number, lng: string): string {
  return perMinute.toLocaleString(lng === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: perMinute < 10 ? 1 : 0 });
}

export function OcrQueueStatus() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<Shown | null>(null);
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    let cancelled = false;
    api.call('ocr.status').then(
      (s) => !cancelled && setStatus(s),
      // Without the OCR service (or a moment's error) the line is simply not shown.
      () => !cancelled && setStatus(null),
    );
    return () => {
      cancelled = true;
    };
  }, [asked]);

  useEvent('ocr.progress', (d) => setStatus(d));
  useEvent('events.lost', () => setAsked((n) => n + 1));

  if (!status) return null;
  const left = status.waiting + status.running;
  const parts: string[] = [];
  if (left === 0) parts.push(t('ocrUi.queue.idle'));
  else {
    parts.push(t('ocrUi.queue.busy', { waiting: left, rate: formatRate(status.pagesPerMinute, i18n.language) }));
    if (status.etaSeconds !== null) parts.push(status.etaSeconds < 60 ? t('ocrUi.queue.etaSoon') : t('ocrUi.queue.eta', { minutes: Math.ceil(status.etaSeconds / 60) }));
  }
  return (
    <p className="ocr-queue" data-testid="ocr-queue" data-waiting={left}>
      <span>{parts.join(' · ')}</span>
      {status.failed > 0 && <span className="ocr-queue__problem">{t('ocrUi.queue.failed', { count: status.failed })}</span>}
      {status.flagged > 0 && <span className="ocr-queue__problem">{t('ocrUi.queue.flagged', { count: status.flagged })}</span>}
    </p>
  );
}
