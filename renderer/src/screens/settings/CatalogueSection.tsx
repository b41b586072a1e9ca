import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnouncer } from '../../a11y/Announcer';
import { api } from '../../bridge';
import { ApiError } from '../../bridge/api';
import { FileField } from '../../components/FileField';
import { FormError } from '../../components/FormError';
import { Panel } from '../../components/Panel';
import { RadioGroup } from '../../components/RadioGroup';
import { SubmitButton } from '../../components/SubmitButton';
import { uploadBlob } from '../../files/upload';
import { saveBase64 } from '../../files/save-file';
import { describeError } from '../../i18n/error-text';
import { importIssues, type ImportIssue } from './import-issues';
import { useRoles } from './useRoles';

type Mode = 'merge' | 'replace';

const MEDIA = {
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

function formatOf(name: string): 'json' | 'xlsx' | undefined {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext === 'json' || ext === 'xlsx' ? ext : undefined;
}

function today(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
}

/** Every bad row of a refused file: sheet, row number, column and what to fix, in the file's order. */
function IssueTable({ issues }: { issues: readonly ImportIssue[] }) {
  const { t } = useTranslation();
  const column = (c: string | undefined) => (!c ? '' : /^[A-Za-z]+$/.test(c) ? t(`catalogue.columns.${c}`, { defaultValue: c }) : c);
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="import-issues">
        <caption className="data-table__caption">{t('settingsUi.catalogue.issues', { count: issues.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('settingsUi.catalogue.sheet')}</th>
            <th scope="col">{t('settingsUi.catalogue.row')}</th>
            <th scope="col">{t('settingsUi.catalogue.column')}</th>
            <th scope="col">{t('settingsUi.catalogue.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((i, n) => (
            <tr key={n} data-row={i.row} data-sheet={i.sheet} data-code={i.code}>
              <td>{t(`catalogue.sheets.${i.sheet}`, { defaultValue: i.sheet })}</td>
              <th scope="row" className="data-table__num">
                {i.row > 0 ? i.row : ''}
              </th>
              <td>{column(i.column)}</td>
              <td className="data-table__text">{t(`errors.${i.code}`, { replace: i.params, defaultValue: i.code })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Import (merge or replace) from JSON/XLSX showing every refused row; export as JSON/XLSX. */
export function CatalogueSection() {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const { canEdit } = useRoles();
  const [mode, setMode] = useState<Mode>('merge');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [issues, setIssues] = useState<ImportIssue[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setDone(null);
    setIssues([]);
    setFormError(null);
    if (!file) {
      setFileError(t('settingsUi.catalogue.noFile'));
      fileRef.current?.focus();
      return;
    }
    setFileError(null);
    setBusy(true);
    try {
      const format = formatOf(file.name);
      // The file goes in chunks through the upload staging; the import then names it.
      const { uploadId } = await uploadBlob(file, { purpose: 'catalogue' });
      const r = await api.call('catalogue.import', { uploadId, mode, ...(format ? { format } : {}) });
      const text = t('catalogue.import.ok', { agencies: r.agencies, procedures: r.procedures });
      setDone(text);
      announce(text);
    } catch (err) {
      const found = err instanceof ApiError ? importIssues(err.details) : [];
      if (found.length > 0) {
        setIssues(found);
        setFormError(t('catalogue.import.failed', { count: found.length }));
      } else setFormError(describeError(t, err).text);
    } finally {
      setBusy(false);
    }
  };

  const exportAs = async (format: 'json' | 'xlsx') => {
    setFormError(null);
    try {
      const r = await api.call('catalogue.export', { format });
      const name = `danh-muc-thu-tuc-${today()}.${format}`;
      saveBase64(name, r.contentBase64, MEDIA[format]);
      announce(t('settingsUi.catalogue.exported', { file: name }));
    } catch (err) {
      setFormError(describeError(t, err).text);
    }
  };

  return (
    <Panel title={t('settingsUi.catalogue.title')} className="settings-panel" testId="settings-catalogue">
      <p className="field__hint">{t('settingsUi.catalogue.intro')}</p>
      {!canEdit ? (
        <p className="notice">{t('settingsUi.readOnly')}</p>
      ) : (
        <>
          <FormError message={formError} testId="catalogue-error" />
          {done && (
            <p className="notice notice--success" data-testid="catalogue-done">
              {done}
            </p>
          )}
          <form className="form" noValidate onSubmit={(e) => void submit(e)} data-testid="catalogue-import">
            <RadioGroup<Mode>
              legend={t('settingsUi.catalogue.mode')}
              name="mode"
              value={mode}
              onValue={setMode}
              options={[
                { value: 'merge', label: t('settingsUi.catalogue.merge') },
                { value: 'replace', label: t('settingsUi.catalogue.replace') },
              ]}
            />
            <FileField label={t('settingsUi.catalogue.file')} name="catalogue" accept=".xlsx,.json" error={fileError ?? undefined} onFile={setFile} inputRef={fileRef} fileName={file?.name ?? null} />
            <div className="button-row">
              <SubmitButton label={t('settingsUi.catalogue.import')} busy={busy} busyLabel={t('settingsUi.catalogue.importing')} />
            </div>
          </form>
          {issues.length > 0 && <IssueTable issues={issues} />}
          <h3 className="settings-subtitle">{t('settingsUi.catalogue.export')}</h3>
          <div className="button-row">
            <button type="button" className="btn" onClick={() => void exportAs('xlsx')}>
              {t('catalogue.export.xlsx')}
            </button>
            <button type="button" className="btn" onClick={() => void exportAs('json')}>
              {t('catalogue.export.json')}
            </button>
          </div>
        </>
      )}
    </Panel>
  );
}
