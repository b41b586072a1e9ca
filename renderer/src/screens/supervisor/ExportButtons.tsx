/** "Tải báo cáo Excel / PDF": the period report of the filter's days and agency (reports.export), saved as a file. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFilter } from '../../../../core/contract/reports';
import { useAnnouncer } from '../../a11y/Announcer';
import { api } from '../../bridge';
import { saveBase64 } from '../../files/save-file';

export function ExportButtons({ filter }: { filter: ReportFilter }) {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Not disabled while busy: a disabled button would drop the keyboard focus; a second press is ignored instead.
  const run = async (format: 'xlsx' | 'pdf') => {
    if (busy) return;
    setBusy(format);
    setError(null);
    try {
      const file = await api.call('reports.export', { from: filter.from, to: filter.to, ...(filter.agency ? { agency: filter.agency } : {}), format });
      saveBase64(file.fileName, file.base64, file.mediaType);
      announce(t('supervisorUi.export.done', { file: file.fileName }));
    } catch (e) {
      setError(t('supervisorUi.export.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="sv-export">
      <div className="button-row">
        {(['xlsx', 'pdf'] as const).map((f) => (
          <button key={f} type="button" className="btn" aria-busy={busy === f} onClick={() => void run(f)} data-testid={`sv-export-${f}`}>
            {busy === f ? t('supervisorUi.export.busy') : t(`supervisorUi.export.${f}`)}
          </button>
        ))}
      </div>
      {(filter.counter || filter.clerk) && (
        <p className="sv-export__note" data-testid="sv-export-note">
          {t('supervisorUi.export.scopeNote')}
        </p>
      )}
      {error && (
        <p className="sv-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
