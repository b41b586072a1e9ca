/**
 * The dossier's digitisation at a glance: per checklist document how many pages OCR has read (and which need the
 * clerk: failed, flagged), and its searchable PDF — being made, ready to download with its size, or failed with
 * the reason. What changes is said politely and only when it matters (a page failed or flagged, every page read,
 * a PDF made or failed), never once per page read.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DossierView } from '../../../../core/contract/dossiers';
import type { DocumentPdf, PageOcr } from '../../../../core/contract/ocr';
import { useAnnouncer } from '../../a11y/Announcer';
import { FormError } from '../../components/FormError';
import { Panel } from '../../components/Panel';
import { saveBytes } from '../../files/save-file';
import { describeError } from '../../i18n/error-text';
import { currentLocale } from '../../i18n/setup';
import { PdfChecksumError, readOcrPdf } from './read-ocr-pdf';
import '../scanning/ocr.css';
import type { DossierOcr } from './useDossierOcr';

interface Row {
  itemCode: string;
  name: string;
  pages: PageOcr[];
  pdf: DocumentPdf | undefined;
}

function rowsOf(view: DossierView, pages: readonly PageOcr[], documents: readonly DocumentPdf[]): Row[] {
  const names = new Map(view.checklist.map((l) => [l.itemCode, l.name]));
  const codes = [...new Set([...view.checklist.map((l) => l.itemCode), ...pages.map((p) => p.itemCode), ...documents.map((d) => d.itemCode)])];
  return codes
    .map((code) => ({
      itemCode: code,
      name: names.get(code) ?? code,
      pages: pages.filter((p) => p.itemCode === code && p.state !== 'none'),
      pdf: documents.find((d) => d.itemCode === code),
    }))
    .filter((r) => r.pages.length > 0 || r.pdf !== undefined);
}

function formatSize(t: TFunction, bytes: number): string {
  const locale = currentLocale() === 'vi' ? 'vi-VN' : 'en-GB';
  if (bytes < 1024 * 1024) return t('ocrUi.dossier.sizeKb', { size: Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale) });
  return t('ocrUi.dossier.sizeMb', { size: (bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 }) });
}

function pdfText(t: TFunction, pdf: DocumentPdf | undefined): string {
  if (!pdf) return t('ocrUi.dossier.pdfNone');
  if (pdf.state === 'stale') return t('ocrUi.dossier.pdfStale');
  if (pdf.state === 'failed') return t('ocrUi.dossier.pdfFailed', { message: pdf.error?.message ?? '' });
  return t('ocrUi.dossier.pdfReady', { size: formatSize(t, pdf.bytes ?? 0) });
}

/** What changed between two reads that the clerk should hear. */
function changes(t: TFunction, names: ReadonlyMap<string, string>, before: DossierOcr, after: DossierOcr): string[] {
  if (!before.pages || !after.pages) return [];
  const said: string[] = [];
  const item = (code: string) => names.get(code) ?? code;
  for (const p of after.pages.values()) {
    const old = before.pages.get(p.pageId);
    const at = { item: item(p.itemCode), position: p.position ?? '' };
    if (p.state === 'failed' && old?.state !== 'failed') said.push(t('ocrUi.dossier.pageFailed', at));
    else if (p.flagged && !old?.flagged) said.push(t('ocrUi.dossier.pageFlagged', at));
  }
  const busy = (o: DossierOcr) => [...o.pages!.values()].some((p) => p.state === 'waiting' || p.state === 'running');
  if (busy(before) && !busy(after)) said.push(t('ocrUi.dossier.allRead', { count: [...after.pages.values()].filter((p) => p.state === 'done').length }));
  for (const d of after.documents) {
    const old = before.documents.find((o) => o.itemCode === d.itemCode);
    if (old?.state === d.state) continue;
    if (d.state === 'ready') said.push(t('ocrUi.dossier.pdfMade', { item: item(d.itemCode) }));
    if (d.state === 'failed') said.push(t('ocrUi.dossier.pdfBroke', { item: item(d.itemCode) }));
  }
  return said;
}

export function OcrSection({ view, ocr }: { view: DossierView; ocr: DossierOcr }) {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const [busyItem, setBusyItem] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const previous = useRef<DossierOcr | null>(null);
  const names = new Map(view.checklist.map((l) => [l.itemCode, l.name]));

  useEffect(() => {
    const before = previous.current;
    previous.current = ocr;
    if (!before) return;
    const said = changes(t, new Map(view.checklist.map((l) => [l.itemCode, l.name])), before, ocr);
    if (said.length) announce(said.join(' '));
  }, [ocr, view, t, announce]);

  const download = async (row: Row) => {
    if (busyItem) return;
    setBusyItem(row.itemCode);
    setProblem(null);
    announce(t('ocrUi.dossier.downloading', { item: row.name }));
    try {
      const file = await readOcrPdf(view.id, row.itemCode);
      saveBytes(file.bytes, file.fileName, 'application/pdf');
      announce(t('ocrUi.dossier.downloaded', { name: file.fileName }));
    } catch (e) {
      setProblem(e instanceof PdfChecksumError ? t('ocrUi.dossier.checksum', { name: e.message }) : describeError(t, e).text);
    } finally {
      setBusyItem(null);
    }
  };

  const rows = ocr.pages ? rowsOf(view, [...ocr.pages.values()], ocr.documents) : [];
  const loadError = ocr.error ? describeError(t, ocr.error).text : null;

  return (
    <Panel title={t('ocrUi.dossier.title')} level={3} className="dossier-section" testId="dossier-ocr">
      <p className="field__hint">{t('ocrUi.dossier.hint')}</p>
      <FormError message={problem ?? loadError} testId="ocr-error" />
      {ocr.pages === null ? (
        !loadError && <p className="field__hint">{t('ocrUi.dossier.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="field__hint">{t('ocrUi.dossier.noPages')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table ocr-table" data-testid="ocr-documents">
            <thead>
              <tr>
                <th scope="col">{t('ocrUi.dossier.item')}</th>
                <th scope="col">{t('ocrUi.dossier.reading')}</th>
                <th scope="col">{t('ocrUi.dossier.pdf')}</th>
                <th scope="col">{t('ocrUi.dossier.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const done = r.pages.filter((p) => p.state === 'done').length;
                const flagged = r.pages.filter((p) => p.flagged).length;
                const failed = r.pages.filter((p) => p.state === 'failed').length;
                return (
                  <tr key={r.itemCode} data-item={r.itemCode} data-pdf={r.pdf?.state ?? 'none'}>
                    <th scope="row" className="data-table__text">
                      {names.get(r.itemCode) ?? r.name}
                    </th>
                    <td>
                      <span className="ocr-note">{t('ocrUi.dossier.progress', { done, total: r.pages.length })}</span>
                      {flagged > 0 && <span className="ocr-note ocr-note--problem">{t('ocrUi.dossier.flagged', { count: flagged })}</span>}
                      {failed > 0 && <span className="ocr-note ocr-note--problem">{t('ocrUi.dossier.failed', { count: failed })}</span>}
                    </td>
                    <td data-testid="ocr-pdf-state">{pdfText(t, r.pdf)}</td>
                    <td>
                      {/* The last PDF built stays readable while the next one is being made. */}
                      {r.pdf && r.pdf.bytes !== null && r.pdf.state !== 'failed' && (
                        <button
                          type="button"
                          className="btn btn--small"
                          data-testid="ocr-pdf-download"
                          aria-busy={busyItem === r.itemCode}
                          aria-label={t('ocrUi.dossier.downloadLabel', { item: r.name })}
                          onClick={() => void download(r)}
                        >
                          {t('ocrUi.dossier.download')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
