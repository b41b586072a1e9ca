/**
 * Step 4: electronic copies of the documents received, attached per checklist row. Each file is sent to the
 * core at once, in chunks with progress (files/upload.ts); the decision then names the uploads. The core checks
 * the content (magic bytes) against what the item accepts. Paper is scanned into the clerk's tray (the scanning
 * panel), which dossiers.receive then takes into the dossier.
 */
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_FILE_TYPES } from '../../../../core/domain/catalogue/file-types';
import { api } from '../../bridge';
import { ApiError } from '../../bridge/api';
import { MAX_FILE_BYTES, uploadBlob } from '../../files/upload';
import { describeError } from '../../i18n/error-text';
import { currentLocale } from '../../i18n/setup';
import { ScanningPanel } from '../scanning/ScanningPanel';
import type { AttachmentDraft, ChecklistRow, Draft } from './draft';
import { formatBytes } from './format';

/** The core refuses larger files (DOSSIER_FILE_TOO_LARGE); say so before sending them. One number: the contract's. */
export { MAX_FILE_BYTES };

export interface DocumentsStepProps {
  draft: Draft;
  errorOf(key: string): string | undefined;
  onAdd(files: Omit<AttachmentDraft, 'key'>[]): void;
  onRemove(key: string): void;
  onNext(): void;
}

function RowFiles({ row, draft, errorOf, onAdd, onRemove }: { row: ChecklistRow } & Omit<DocumentsStepProps, 'onNext'>) {
  const { t } = useTranslation();
  const id = useId();
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const files = draft.attachments.filter((a) => a.rowKey === row.key);
  const name = row.name || t('reception.checklist.extraPlaceholder');
  const comma = currentLocale() === 'vi';

  const onFiles = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const chosen = [...(input.files ?? [])];
    input.value = ''; // choosing the same file again must fire change again
    if (!chosen.length) return;
    setProblem(null);
    const added: Omit<AttachmentDraft, 'key'>[] = [];
    try {
      for (const f of chosen) {
        if (f.size === 0) throw new Error(t('reception.documents.empty', { name: f.name }));
        if (f.size > MAX_FILE_BYTES) throw new Error(t('reception.documents.tooLarge', { name: f.name, maxMb: MAX_FILE_BYTES / 1048576 }));
        setProgress({ name: f.name, percent: 0 });
        let up;
        try {
          up = await uploadBlob(f, { purpose: 'attachment', onProgress: (sent, total) => setProgress({ name: f.name, percent: Math.floor((sent * 100) / total) }) });
        } catch (err) {
          // The core's refusal (too large, not the type the item accepts, a program …) in its own words.
          throw new Error(err instanceof ApiError ? describeError(t, err).text : t('reception.documents.readFailed', { name: f.name }), { cause: err });
        }
        added.push({ rowKey: row.key, itemCode: row.itemCode, fileName: up.fileName, mediaType: up.detected?.mime ?? f.type, bytes: up.bytes, uploadId: up.uploadId });
      }
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setProgress(null);
    }
    if (added.length) onAdd(added);
  };

  // A removed file's staged bytes are dropped at once (they would expire anyway).
  const removeFile = (f: AttachmentDraft) => {
    onRemove(f.key);
    void api.call('uploads.abort', { uploadId: f.uploadId }).catch(() => undefined);
  };

  const types = row.fileTypes.length ? row.fileTypes : DEFAULT_FILE_TYPES;
  const accept = types.map((x) => `.${x}`).join(',');
  const serverError = files.map((f) => errorOf(`attachments.${f.key}`)).find(Boolean);
  const shown = problem ?? serverError ?? null;

  return (
    <li className="rx-doc" data-item={row.itemCode}>
      <div className="rx-doc__head">
        <p className="rx-doc__name">{name}</p>
        {/* The native button speaks the browser's language; a labelled button in ours stands in for it. */}
        <input
          id={id}
          type="file"
          multiple
          className="rx-file-input"
          accept={accept}
          data-field={`documents.${row.key}`}
          aria-label={t('reception.documents.choose', { name })}
          aria-describedby={[shown ? `${id}-error` : '', `${id}-types`].filter(Boolean).join(' ')}
          onChange={(e) => void onFiles(e)}
        />
        <label htmlFor={id} className="btn btn--small rx-file-label" aria-hidden="true">
          {t('reception.documents.pick')}
        </label>
        <p id={`${id}-types`} className="field__hint">
          {t('reception.documents.accepts', { types: types.join(', ') })}
        </p>
        {progress && (
          <p role="status">
            {t('reception.documents.uploading', { name: progress.name, percent: progress.percent })}{' '}
            <progress max={100} value={progress.percent} aria-hidden="true" />
          </p>
        )}
        {shown && (
          <p id={`${id}-error`} className="field__error" role="alert">
            {shown}
          </p>
        )}
      </div>
      {files.length ? (
        <ul className="rx-files" aria-label={t('reception.documents.count', { count: files.length })}>
          {files.map((f) => (
            <li key={f.key} className="rx-file">
              <span className="rx-file__name">{f.fileName}</span>
              <span className="rx-file__size">{formatBytes(f.bytes, comma)}</span>
              <button type="button" className="btn btn--small" onClick={() => removeFile(f)} aria-label={t('reception.documents.remove', { name: f.fileName })}>
                ✕
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="rx-muted">{t('reception.documents.none')}</p>
      )}
    </li>
  );
}

/** Before the dossier exists, scanned pages wait in the clerk's tray. */
const TRAY = { tray: true } as const;

export function DocumentsStep(props: DocumentsStepProps) {
  const { t } = useTranslation();
  const rows = props.draft.checklist.filter((r) => r.received);
  const scanItems = rows.map((r) => ({ itemCode: r.itemCode, name: r.name || t('reception.checklist.extraPlaceholder'), required: r.required }));
  return (
    <div className="rx-form">
      <p className="rx-muted">{t('reception.documents.intro')}</p>
      {rows.length > 0 && <ScanningPanel target={TRAY} items={scanItems} procedureCode={props.draft.procedure?.code ?? null} agencyCode={props.draft.procedure?.agencyCode ?? null} />}
      {rows.length ? (
        <ul className="rx-docs" data-testid="documents">
          {rows.map((r) => (
            <RowFiles key={r.key} row={r} {...props} />
          ))}
        </ul>
      ) : (
        <p className="notice">{t('reception.documents.noItems')}</p>
      )}
      <div className="rx-actions">
        <button type="button" className="btn btn--primary" onClick={props.onNext}>
          {t('reception.nav.next')}
        </button>
      </div>
    </div>
  );
}
