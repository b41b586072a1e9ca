/**
 * Opening an attached file from the dossier. Images show in an in-app dialog (the CSP allows blob: images);
 * other files (PDF, TIFF …) are saved under their own name for the system's viewer, because the CSP forbids
 * frames and objects and Electron refuses new windows: one behaviour in web mode and in the desktop app.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnouncer } from '../../a11y/Announcer';
import { Dialog } from '../../components/Dialog';
import { DocumentChecksumError, readDocument, viewableInApp, type OpenedDocument } from '../../files/read-document';
import { saveBytes } from '../../files/save-file';
import { describeError } from '../../i18n/error-text';

export interface DocumentOpener {
  open(doc: { id: string; fileName: string }): Promise<void>;
  busyId: string | null;
  error: string | null;
  viewer: OpenedDocument | null;
  closeViewer(): void;
}

export function useDocumentOpener(): DocumentOpener {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [viewer, setViewer] = useState<OpenedDocument | null>(null);

  const open = async (doc: { id: string; fileName: string }) => {
    if (busyId) return;
    setBusyId(doc.id);
    setError(null);
    announce(t('dossiersUi.documents.opening', { name: doc.fileName }));
    try {
      const file = await readDocument(doc.id);
      if (viewableInApp(file.mediaType)) {
        setViewer(file);
      } else {
        saveBytes(file.bytes, file.fileName, file.mediaType);
        announce(t('dossiersUi.documents.saved', { name: file.fileName }));
      }
    } catch (err) {
      setError(err instanceof DocumentChecksumError ? t('dossiersUi.documents.checksum', { name: err.message }) : describeError(t, err).text);
    } finally {
      setBusyId(null);
    }
  };
  return { open, busyId, error, viewer, closeViewer: () => setViewer(null) };
}

export function DocumentViewer({ file, onClose }: { file: OpenedDocument | null; onClose(): void }) {
  const { t } = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);
  // One object URL per file shown, revoked when another replaces it or the viewer closes.
  const url = useMemo(() => (file ? URL.createObjectURL(new Blob([file.bytes], { type: file.mediaType })) : null), [file]);
  useEffect(() => () => {
    if (url) URL.revokeObjectURL(url);
  }, [url]);

  return (
    <Dialog
      open={file !== null}
      title={t('dossiersUi.documents.viewerTitle', { name: file?.fileName ?? '' })}
      onClose={onClose}
      initialFocus={closeRef}
      className="document-viewer"
      testId="document-viewer"
    >
      {file && url && <img className="document-viewer__image" src={url} alt={t('dossiersUi.documents.imageAlt', { name: file.fileName })} />}
      <div className="dialog__actions">
        {file && (
          <button type="button" className="btn" onClick={() => saveBytes(file.bytes, file.fileName, file.mediaType)}>
            {t('dossiersUi.documents.save')}
          </button>
        )}
        <button ref={closeRef} type="button" className="btn btn--primary" onClick={onClose}>
          {t('dossiersUi.documents.close')}
        </button>
      </div>
    </Dialog>
  );
}
