/**
 * A role's test page: its preview (printing.preview — for a thermal printer the very raster the printer gets, as
 * PNG; for an A4 printer the PDF, saved) and "Print test page" to the printer as typed, saved or not yet, with the
 * job's state followed live.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterProfile } from '../../../../core/contract/printing';
import { useAnnouncer } from '../../a11y/Announcer';
import { api } from '../../bridge';
import { FormError } from '../../components/FormError';
import { saveBase64 } from '../../files/save-file';
import { describeError } from '../../i18n/error-text';
import { stateText } from './job-text';
import { rememberSent } from './sent-here';
import { useFollowedJob } from './usePrintJobs';

export interface TestPageProps {
  /** The role's name, for labels ("Phiếu tiếp nhận"). */
  roleName: string;
  role: string;
  uri: string;
  profile: PrinterProfile | undefined;
  /** The URI as typed is not one the core could take: say so instead of calling. */
  uriProblem: string | null;
}

interface Preview {
  src: string;
  width: number | null;
  height: number | null;
}

export function TestPage({ roleName, role, uri, profile, uriProblem }: TestPageProps) {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const [busy, setBusy] = useState<'preview' | 'print' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [job, follow] = useFollowedJob();
  const printer = uri.trim();

  const run = async (what: 'preview' | 'print') => {
    if (busy) return;
    if (printer === '' || uriProblem) {
      setError(uriProblem ?? t('printingUi.settings.test.noUri'));
      return;
    }
    setBusy(what);
    setError(null);
    try {
      const target = { printer, ...(profile ? { profile } : {}) };
      if (what === 'preview') {
        const out = await api.call('printing.preview', { what: { kind: 'test' }, ...target });
        if (out.mimeType === 'image/png') {
          setPreview({ src: `data:image/png;base64,${out.contentBase64}`, width: out.width, height: out.height });
          announce(t('printingUi.settings.test.previewShown', { role: roleName }));
        } else {
          setPreview(null);
          saveBase64(`trang-thu-${role}.pdf`, out.contentBase64, 'application/pdf');
          announce(t('printingUi.settings.test.previewSaved'));
        }
      } else {
        const sent = await api.call('printing.print', { what: { kind: 'test' }, ...target });
        rememberSent(sent);
        follow(sent);
        announce(t('printingUi.settings.test.sent', { seq: sent.seq }));
      }
    } catch (e) {
      setError(describeError(t, e).text);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="print-test" data-testid={`print-test-${role}`}>
      <div className="button-row">
        <button type="button" className="btn" aria-busy={busy === 'preview'} data-testid={`print-preview-${role}`} onClick={() => void run('preview')}>
          {t('printingUi.settings.test.preview')}
        </button>
        <button type="button" className="btn" aria-busy={busy === 'print'} data-testid={`print-testpage-${role}`} onClick={() => void run('print')}>
          {t('printingUi.settings.test.print')}
        </button>
      </div>
      <FormError message={error} testId={`print-test-error-${role}`} />
      <p role="status" className="field__hint" data-testid={`print-test-state-${role}`}>
        {job ? t('printingUi.settings.test.state', { seq: job.seq, state: stateText(t, job) }) : ''}
      </p>
      {preview && (
        <figure className="print-preview">
          <img
            src={preview.src}
            alt={t('printingUi.settings.test.previewAlt', { role: roleName })}
            width={preview.width ?? undefined}
            height={preview.height ?? undefined}
            data-testid={`print-preview-image-${role}`}
          />
          <figcaption className="field__hint">{t('printingUi.settings.test.previewCaption', { width: preview.width ?? '?' })}</figcaption>
        </figure>
      )}
    </div>
  );
}
