/**
 * After the decision: the dossier code (big, for reading aloud), due date and lookup PIN, the slips to print
 * (on the counter's receipt printer when it has one, and always downloadable as PDF), and "New dossier".
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierView } from '../../../../core/contract/dossiers';
import { FormError } from '../../components/FormError';
import { downloadForm, type FormLayout, type FormName } from '../../files/download-form';
import { describeError } from '../../i18n/error-text';
import { SlipPrinting } from '../printing/SlipPrinting';
import { formatLocalDateTime } from './format';

const FORM_OF_STATE: Partial<Record<DossierView['state'], FormName>> = {
  received: 'receipt',
  supplement_requested: 'supplement',
  refused: 'refusal',
};
const LAYOUTS: readonly FormLayout[] = ['a4', '80mm'];

export interface DoneViewProps {
  dossier: DossierView;
  onNew(): void;
  /** Received with "receive and print": the slips go to the counter's receipt printer by themselves. */
  autoPrint?: boolean;
}

export function DoneView({ dossier, onNew, autoPrint = false }: DoneViewProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, [dossier.id]);

  const form = FORM_OF_STATE[dossier.state];
  const downloads: { form: FormName; layout: FormLayout }[] = [
    ...(form ? LAYOUTS.map((layout) => ({ form, layout })) : []),
    ...(dossier.fees.receipts.length ? [{ form: 'bien-lai' as const, layout: 'a4' as const }] : []),
  ];

  const download = async (f: FormName, layout: FormLayout) => {
    const key = `${f}:${layout}`;
    if (busy) return;
    setBusy(key);
    setError(null);
    try {
      setSaved(await downloadForm(dossier.id, f, layout));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="rx-done" aria-labelledby="rx-done-title" data-testid="done">
      <h2 id="rx-done-title" ref={headingRef} tabIndex={-1} className="rx-done__title">
        {t(`reception.done.${dossier.state}`, { defaultValue: t(`dossier.states.${dossier.state}`) })}
      </h2>
      <dl className="rx-done__facts">
        <div className="rx-done__code">
          <dt>{t('reception.done.code')}</dt>
          <dd data-testid="dossier-code">{dossier.code}</dd>
        </div>
        {dossier.due && (
          <div className="rx-done__due">
            <dt>{t('reception.done.due')}</dt>
            <dd data-testid="due-date">{formatLocalDateTime(dossier.due)}</dd>
          </div>
        )}
        <div>
          <dt>{t('reception.done.pin')}</dt>
          <dd data-testid="lookup-pin" className="rx-done__pin">
            {dossier.lookupPin}
          </dd>
        </div>
        <div>
          <dt>{t('reception.done.applicant')}</dt>
          <dd>{dossier.applicant.fullName}</dd>
        </div>
        <div>
          <dt>{t('reception.done.procedure')}</dt>
          <dd>{dossier.procedureName}</dd>
        </div>
        {dossier.fees.receipts.length > 0 && (
          <div>
            <dt>{t('reception.done.feeReceipt')}</dt>
            <dd>{dossier.fees.receipts.map((r) => r.number).join(', ')}</dd>
          </div>
        )}
      </dl>
      {dossier.warnings.length > 0 && (
        <div className="rx-warnings">
          <p className="rx-warnings__title">{t('reception.done.warnings')}</p>
          <ul>
            {dossier.warnings.map((w) => (
              <li key={w}>{t(`dossier.warnings.${w}`, { defaultValue: t(`cccd.warnings.${w}`, { defaultValue: w }) })}</li>
            ))}
          </ul>
        </div>
      )}
      <SlipPrinting dossier={dossier} autoPrint={autoPrint} />
      <FormError message={error === null ? null : describeError(t, error).text} testId="done-error" />
      <div className="rx-done__forms" role="group" aria-label={t('reception.done.forms')}>
        {downloads.map((d) => (
          <button
            key={`${d.form}:${d.layout}`}
            type="button"
            className={d.layout === 'a4' && d.form === form ? 'btn btn--primary' : 'btn'}
            aria-busy={busy === `${d.form}:${d.layout}`}
            data-form={d.form}
            data-layout={d.layout}
            onClick={() => void download(d.form, d.layout)}
          >
            {t('reception.done.download', { form: t(`forms.names.${d.form}`), layout: t(`forms.layouts.${d.layout}`) })}
          </button>
        ))}
      </div>
      <p role="status" className="rx-muted" data-testid="download-status">
        {saved ? t('reception.done.downloaded', { file: saved }) : ''}
      </p>
      <div className="rx-actions">
        <button type="button" className="btn" aria-keyshortcuts="Alt+N" onClick={onNew} data-testid="new-dossier">
          {t('reception.done.newDossier')}
          <kbd className="rx-key">{t('reception.done.newDossierKey')}</kbd>
        </button>
      </div>
    </section>
  );
}
