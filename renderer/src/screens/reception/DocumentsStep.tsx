/**
 * Step 4: electronic copies of the documents received, attached per checklist row (read as base64 in the
 * renderer and sent with the decision). Scanning paper has its own feature.
 */
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fileToBase64 } from '../../files/base64';
import { currentLocale } from '../../i18n/setup';
import type { AttachmentDraft, ChecklistRow, Draft } from './draft';
import { formatBytes } from './format';

/** The core refuses larger files (DOSSIER_FILE_TOO_LARGE); say so before reading them. */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

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
  const [reading, setReading] = useState(false);
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
    setReading(true);
    const added: Omit<AttachmentDraft, 'key'>[] = [];
    try {
      for (const f of chosen) {
        if (f.size === 0) throw new Error(t('reception.documents.empty', { name: f.name }));
        if (f.size > MAX_FILE_BYTES) throw new Error(t('reception.documents.tooLarge', { name: f.name, maxMb: MAX_FILE_BYTES / 1048576 }));
        let contentBase64: string;
        try {
          contentBase64 = await fileToBase64(f);
        } catch {
          throw new Error(t('reception.documents.readFailed', { name: f.name }));
        }
        added.push({ rowKey: row.key, itemCode: row.itemCode, fileName: f.name, mediaType: f.type, bytes: f.size, contentBase64 });
      }
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setReading(false);
    }
    if (added.length) onAdd(added);
  };

  const accept = row.fileTypes.length ? row.fileTypes.map((x) => `.${x}`).join(',') : undefined;
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
          aria-describedby={[shown ? `${id}-error` : '', accept ? `${id}-types` : ''].filter(Boolean).join(' ') || undefined}
          onChange={(e) => void onFiles(e)}
        />
        <label htmlFor={id} className="btn btn--small rx-file-label" aria-hidden="true">
          {t('reception.documents.pick')}
        </label>
        {accept && (
          <p id={`${id}-types`} className="field__hint">
            {t('reception.documents.accepts', { types: row.fileTypes.join(', ') })}
          </p>
        )}
        {reading && <p role="status">{t('reception.documents.reading')}</p>}
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
              <button type="button" className="btn btn--small" onClick={() => onRemove(f.key)} aria-label={t('reception.documents.remove', { name: f.fileName })}>
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

export function DocumentsStep(props: DocumentsStepProps) {
  const { t } = useTranslation();
  const rows = props.draft.checklist.filter((r) => r.received);
  return (
    <div className="rx-form">
      <p className="rx-muted">{t('reception.documents.intro')}</p>
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
