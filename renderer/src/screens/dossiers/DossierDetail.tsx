import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierView } from '../../../../core/contract/dossiers';
import { useAnnouncer } from '../../a11y/Announcer';
import { api } from '../../bridge';
import { FormError } from '../../components/FormError';
import { describeError } from '../../i18n/error-text';
import { DossierActions } from './DossierActions';
import { OcrSection } from './OcrSection';
import { useDossierOcr } from './useDossierOcr';
import { ChecklistSection, DocumentsSection, FeesSection, HistorySection, ResultSection, StateBadge, SummarySection } from './DossierRecord';
import { PrintPanel } from './PrintPanel';
import { DossierPrinting } from '../printing/DossierPrinting';
import { ScanningPanel } from '../scanning/ScanningPanel';

/**
 * One dossier: what was recorded, the actions its state allows and the forms it can print. Focus moves to its
 * heading when it opens, and back there after an action whose button is gone (e.g. "Có kết quả" once used).
 */
export function DossierDetail({ id, onBack, openAt = null }: { id: string; onBack(): void; openAt?: { itemCode: string; pageId: string | null } | null }) {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const [view, setView] = useState<DossierView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const refocus = useRef(true);
  const titleId = useId();
  // Opening the record puts its pages first in the OCR queue (ocr.focus) and follows their reading.
  const ocr = useDossierOcr(id);

  useEffect(() => {
    let cancelled = false;
    refocus.current = true;
    api.call('dossiers.get', { id }).then(
      (v) => {
        if (cancelled) return;
        setView(v);
        setError(null);
      },
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [id]);

  useEffect(() => {
    if (!view || !refocus.current) return;
    refocus.current = false;
    headingRef.current?.focus();
  }, [view]);

  const changed = (next: DossierView, message: string) => {
    setView(next);
    announce(message);
    // Dialogs give focus back on close; if the button that opened one is gone, focus lands on <body>.
    setTimeout(() => {
      const active = document.activeElement;
      if (!active || active === document.body) headingRef.current?.focus();
    }, 0);
  };

  return (
    <article className="dossier-detail" aria-labelledby={titleId} data-testid="dossier-detail">
      <div className="dossier-detail__bar">
        <button type="button" className="btn" onClick={onBack}>
          ← {t('dossiersUi.detail.back')}
        </button>
      </div>
      <FormError message={error === null ? null : describeError(t, error).text} testId="dossier-detail-error" />
      {view === null ? (
        error === null && <p>{t('dossiersUi.detail.loading')}</p>
      ) : (
        <>
          <h2 id={titleId} ref={headingRef} tabIndex={-1} className="dossier-detail__title">
            {t('dossiersUi.detail.title', { code: view.code ?? view.id })} <StateBadge state={view.state} />
          </h2>
          <div className="dossier-detail__grid">
            <div className="dossier-detail__main">
              <SummarySection view={view} />
              <ChecklistSection view={view} />
              <ScanningPanel
                target={{ dossierId: view.id }}
                items={view.checklist.map((l) => ({ itemCode: l.itemCode, name: l.name, required: l.required }))}
                procedureCode={view.procedureCode}
                agencyCode={view.agencyCode}
                ocr={ocr}
                openAt={openAt}
              />
              <OcrSection view={view} ocr={ocr} />
              <FeesSection view={view} />
              <ResultSection view={view} />
              <HistorySection view={view} />
            </div>
            <div className="dossier-detail__side">
              <DossierActions view={view} onChanged={changed} />
              <PrintPanel view={view} />
              <DossierPrinting view={view} />
              <DocumentsSection view={view} />
            </div>
          </div>
        </>
      )}
    </article>
  );
}
