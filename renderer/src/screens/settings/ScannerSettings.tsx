import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnouncer } from '../../a11y/Announcer';
import { api } from '../../bridge';
import { CheckboxField } from '../../components/CheckboxField';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { SubmitButton } from '../../components/SubmitButton';
import { describeError } from '../../i18n/error-text';

const ESCL_KEY = 'scanning.esclUrls';
const FOLDER_KEY = 'scanning.folder';
// Mirrors the core's rule (scanner-settings.ts) so a typo shows before saving; the core checks again.
const ESCL_URL = /^https?:\/\/[^\s/?#@]+(\/[^\s?#]*)?\/escl\/?$/i;

interface FolderSetting {
  enabled: boolean;
  dir: string;
}

export interface ScannerSettingsProps {
  canEdit: boolean;
  /** After a save, so the list of scanners found is read again. */
  onSaved(): void;
}

/** eSCL addresses typed by an admin (add, remove) and the folder scanner (on/off, its folder). */
export function ScannerSettings({ canEdit, onSaved }: ScannerSettingsProps) {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const esclHeading = useId();
  const folderHeading = useId();
  const [urls, setUrls] = useState<string[]>([]);
  const [draft, setDraft] = useState('');
  const [urlError, setUrlError] = useState<string | undefined>(undefined);
  const [folder, setFolder] = useState<FolderSetting>({ enabled: false, dir: '' });
  const [folderError, setFolderError] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'escl' | 'folder' | null>(null);
  const urlInput = useRef<HTMLInputElement>(null);
  const dirInput = useRef<HTMLInputElement>(null);
  const removeButtons = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    let cancelled = false;
    Promise.all([api.call('settings.get', { key: ESCL_KEY }), api.call('settings.get', { key: FOLDER_KEY })]).then(
      ([e, f]) => {
        if (cancelled) return;
        setUrls(Array.isArray(e.value) ? e.value.filter((u): u is string => typeof u === 'string') : []);
        const v = f.value as Partial<FolderSetting> | null;
        setFolder({ enabled: v?.enabled === true, dir: typeof v?.dir === 'string' ? v.dir : '' });
      },
      (err: unknown) => !cancelled && setFormError(describeError(t, err).text),
    );
    return () => {
      cancelled = true;
    };
  }, [t]);

  /** Writes the URL list; the core's refusal shows beside the address field. */
  const saveUrls = async (next: string[]): Promise<boolean> => {
    setBusy('escl');
    setFormError(null);
    try {
      await api.call('settings.set', { key: ESCL_KEY, value: next });
      setUrls(next);
      onSaved();
      return true;
    } catch (e) {
      const shown = describeError(t, e);
      if (shown.field === 'value') {
        setUrlError(shown.text);
        urlInput.current?.focus();
      } else setFormError(shown.text);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !canEdit) return;
    const url = draft.trim();
    const problem = !ESCL_URL.test(url) ? t('scanner.settings.escl.bad') : urls.some((u) => u.toLowerCase() === url.toLowerCase()) ? t('scanner.settings.escl.duplicate') : undefined;
    setUrlError(problem);
    if (problem) {
      urlInput.current?.focus();
      return;
    }
    if (await saveUrls([...urls, url])) {
      setDraft('');
      announce(t('scanner.settings.escl.added', { url }));
    }
  };

  const remove = async (index: number) => {
    if (busy || !canEdit) return;
    const url = urls[index]!;
    if (!(await saveUrls(urls.filter((_, i) => i !== index)))) return;
    announce(t('scanner.settings.escl.removed', { url }));
    // Focus stays in the list: on the address now in that place, else the one before it, else the address field.
    const left = urls.length - 1;
    requestAnimationFrame(() => (left > 0 ? removeButtons.current[Math.min(index, left - 1)]?.focus() : urlInput.current?.focus()));
  };

  const saveFolder = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !canEdit) return;
    const value = { enabled: folder.enabled, dir: folder.dir.trim() };
    if (value.enabled && value.dir === '') {
      setFolderError(t('scanner.settings.folder.dirRequired'));
      dirInput.current?.focus();
      return;
    }
    setFolderError(undefined);
    setFormError(null);
    setBusy('folder');
    try {
      await api.call('settings.set', { key: FOLDER_KEY, value: value.dir === '' && !value.enabled ? null : value });
      announce(t('scanner.settings.folder.saved'));
      onSaved();
    } catch (err) {
      const shown = describeError(t, err);
      if (shown.field === 'value') {
        setFolderError(shown.text);
        dirInput.current?.focus();
      } else setFormError(shown.text);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <FormError message={formError} testId="scanner-settings-error" />
      <section className="settings-subsection" aria-labelledby={esclHeading} data-testid="scanner-escl">
        <h3 id={esclHeading} className="settings-subtitle">
          {t('scanner.settings.escl.title')}
        </h3>
        {urls.length === 0 ? (
          <p>{t('scanner.settings.escl.none')}</p>
        ) : (
          <ul aria-label={t('scanner.settings.escl.listLabel')} className="scanner-urls">
            {urls.map((u, i) => (
              <li key={u}>
                <code>{u}</code>{' '}
                {canEdit && (
                  <button
                    type="button"
                    className="btn btn--danger-outline"
                    ref={(el) => {
                      removeButtons.current[i] = el;
                    }}
                    aria-label={t('scanner.settings.escl.remove', { url: u })}
                    aria-busy={busy === 'escl'}
                    onClick={() => void remove(i)}
                  >
                    {t('scanner.settings.escl.removeShort')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {canEdit && (
          <form className="form" noValidate onSubmit={(e) => void add(e)} data-testid="scanner-escl-form">
            <Field
              label={t('scanner.settings.escl.url')}
              name="escl-url"
              autoComplete="off"
              spellCheck={false}
              inputMode="url"
              value={draft}
              onValue={(v) => {
                setDraft(v);
                setUrlError(undefined);
              }}
              hint={t('scanner.settings.escl.hint')}
              error={urlError}
              inputRef={urlInput}
            />
            <div className="button-row">
              <SubmitButton label={t('scanner.settings.escl.add')} busy={busy === 'escl'} busyLabel={t('settingsUi.saving')} />
            </div>
          </form>
        )}
      </section>
      <section className="settings-subsection" aria-labelledby={folderHeading} data-testid="scanner-folder">
        <h3 id={folderHeading} className="settings-subtitle">
          {t('scanner.settings.folder.title')}
        </h3>
        <p className="field__hint">{t('scanner.settings.folder.lead')}</p>
        <form className="form" noValidate onSubmit={(e) => void saveFolder(e)} data-testid="scanner-folder-form">
          <CheckboxField label={t('scanner.settings.folder.enabled')} checked={folder.enabled} disabled={!canEdit} onChecked={(enabled) => setFolder((old) => ({ ...old, enabled }))} />
          <Field
            label={t('scanner.settings.folder.dir')}
            name="scan-folder"
            autoComplete="off"
            spellCheck={false}
            readOnly={!canEdit}
            value={folder.dir}
            onValue={(dir) => {
              setFolder((old) => ({ ...old, dir }));
              setFolderError(undefined);
            }}
            hint={t('scanner.settings.folder.dirHint')}
            error={folderError}
            inputRef={dirInput}
          />
          {canEdit && (
            <div className="button-row">
              <SubmitButton label={t('scanner.settings.folder.save')} busy={busy === 'folder'} busyLabel={t('settingsUi.saving')} />
            </div>
          )}
        </form>
      </section>
    </>
  );
}
