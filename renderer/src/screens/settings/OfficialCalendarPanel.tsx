import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarConfig } from '../../../../core/contract/calendar';
import { useAnnouncer } from '../../a11y/Announcer';
import { api } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { FileField } from '../../components/FileField';
import { FormError } from '../../components/FormError';
import { Panel } from '../../components/Panel';
import { SubmitButton } from '../../components/SubmitButton';
import { describeError } from '../../i18n/error-text';

/** The years an official calendar lists, sorted. */
export function officialYears(official: unknown): string[] {
  const years = (official as { years?: Record<string, unknown> } | null)?.years;
  return years ? Object.keys(years).sort() : [];
}

/** Load the Government's holiday file (JSON) or drop it; the core validates it and names the first bad entry. */
export function OfficialCalendarPanel({ config, canEdit, onConfig }: { config: CalendarConfig; canEdit: boolean; onConfig(c: CalendarConfig): void }) {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmClear, setConfirmClear] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const years = officialYears(config.official);

  const load = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!file) {
      setError(t('settingsUi.official.noFile'));
      fileRef.current?.focus();
      return;
    }
    let official: unknown;
    try {
      official = JSON.parse((await file.text()).replace(/^\uFEFF/, ''));
    } catch {
      // Not JSON at all: the core's message for a file broken at its root.
      setError(t('errors.CALENDAR_FILE_INVALID', { field: '(root)', value: file.name }));
      fileRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const c = await api.call('calendar.setOfficial', { official });
      onConfig(c);
      announce(t('settingsUi.official.loaded', { years: officialYears(c.official).join(', ') }));
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
    } catch (err) {
      setError(describeError(t, err).text);
      fileRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const clear = async () => {
    setConfirmClear(false);
    setError(null);
    try {
      const c = await api.call('calendar.setOfficial', { official: null });
      onConfig(c);
      announce(t('settingsUi.official.cleared'));
    } catch (err) {
      setError(describeError(t, err).text);
    }
  };

  return (
    <Panel title={t('settingsUi.official.title')} level={3} className="settings-panel" testId="settings-official">
      <p className="field__hint">{t('settingsUi.official.intro')}</p>
      <p className="notice" data-testid="official-status">
        {years.length > 0 ? t('settingsUi.official.current', { years: years.join(', ') }) : t('settingsUi.official.none')}
      </p>
      {canEdit && (
        <form className="form" noValidate onSubmit={(e) => void load(e)}>
          <FileField label={t('settingsUi.official.file')} name="official" accept=".json,application/json" error={error ?? undefined} onFile={setFile} inputRef={fileRef} fileName={file?.name ?? null} />
          <div className="button-row">
            <SubmitButton label={t('settingsUi.official.load')} busy={busy} busyLabel={t('settingsUi.official.loading')} />
            {years.length > 0 && (
              <button type="button" className="btn btn--danger-outline" aria-haspopup="dialog" onClick={() => setConfirmClear(true)}>
                {t('settingsUi.official.clear')}
              </button>
            )}
          </div>
        </form>
      )}
      {!canEdit && <FormError message={error} testId="official-error" />}
      <Dialog open={confirmClear} title={t('settingsUi.official.clearTitle')} onClose={() => setConfirmClear(false)} testId="official-clear-dialog">
        <p>{t('settingsUi.official.clearBody')}</p>
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={() => setConfirmClear(false)}>
            {t('settingsUi.cancel')}
          </button>
          <button type="button" className="btn btn--danger" onClick={() => void clear()}>
            {t('settingsUi.official.clear')}
          </button>
        </div>
      </Dialog>
    </Panel>
  );
}
