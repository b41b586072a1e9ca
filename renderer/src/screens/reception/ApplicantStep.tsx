/**
 * Step 1: who the dossier belongs to. Filled by a CCCD scan (caught anywhere on the screen), by pasting the QR
 * text, or typed by hand; the person at the counter may be someone else (submitter).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../components/CheckboxField';
import { Field } from '../../components/Field';
import type { Draft, PersonDraft } from './draft';
import { PersonFields } from './PersonFields';

export interface ScanState {
  busy: boolean;
  /** The refusal of the last scan: the catalogue text and, for mangled text, what was wrong. */
  error: { text: string; detail: string | null; cleared?: boolean } | null;
}

export interface ApplicantStepProps {
  draft: Draft;
  scan: ScanState;
  errorOf(key: string): string | undefined;
  onPerson(prefix: 'applicant' | 'submitter', field: keyof PersonDraft, value: string): void;
  onSubmitterDiffers(v: boolean): void;
  onPasteQr(text: string): void;
  onNext(): void;
}

export function ApplicantStep({ draft, scan, errorOf, onPerson, onSubmitterDiffers, onPasteQr, onNext }: ApplicantStepProps) {
  const { t } = useTranslation();
  const [paste, setPaste] = useState('');
  const [pasteError, setPasteError] = useState<string | undefined>(undefined);

  const submitPaste = (e: FormEvent) => {
    e.preventDefault();
    if (!paste.trim()) {
      setPasteError(t('reception.scan.pasteEmpty'));
      return;
    }
    setPasteError(undefined);
    onPasteQr(paste);
    setPaste('');
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onNext();
  };

  const warnings = draft.scan && draft.scan.idNumber === draft.applicant.idNumber.trim() ? draft.scan.warnings : [];
  const returning = draft.scan?.returning === true && draft.scan.idNumber === draft.applicant.idNumber.trim();

  return (
    <>
      <div className="rx-scan" data-testid="scan-block">
        <p className="rx-scan__hint">{t('reception.scan.hint')}</p>
        <p role="status" className="rx-scan__status" data-testid="scan-status">
          {scan.busy ? t('reception.scan.reading') : ''}
        </p>
        {/* Announced through the app's live region when it appears (the screen calls announce). */}
        <div className={scan.error ? 'form-error' : 'form-error form-error--empty'} data-testid="scan-error">
          {scan.error && (
            <>
              <p className="rx-scan__error-title">{t('reception.scan.refused')}</p>
              <p>{scan.error.text}</p>
              {scan.error.detail && <p className="rx-scan__error-detail">{scan.error.detail}</p>}
              {scan.error.cleared && <p data-testid="scan-cleared">{t('reception.scan.cleared')}</p>}
            </>
          )}
        </div>
        <form className="rx-paste" noValidate onSubmit={submitPaste}>
          <Field
            label={t('reception.scan.pasteLabel')}
            hint={t('reception.scan.pasteHint')}
            name="qr-paste"
            data-field="qrPaste"
            value={paste}
            onValue={(v) => {
              setPaste(v);
              setPasteError(undefined);
            }}
            error={pasteError}
            autoComplete="off"
            spellCheck={false}
          />
          <button type="submit" className="btn">
            {t('reception.scan.pasteSubmit')}
          </button>
        </form>
      </div>

      <form className="rx-form" noValidate onSubmit={submit} data-testid="applicant-form">
        <fieldset className="rx-section" data-testid="applicant-block">
          <legend className="rx-section__title">{t('reception.applicant.title')}</legend>
          {returning && (
            <p className="notice" data-testid="returning-applicant">
              {t('reception.scan.returning')}
            </p>
          )}
          {warnings.length > 0 && (
            <div className="rx-warnings" data-testid="scan-warnings">
              <p className="rx-warnings__title">{t('reception.scan.warningsTitle')}</p>
              <ul>
                {warnings.map((w) => (
                  <li key={w}>{t(`cccd.warnings.${w}`, { defaultValue: w })}</li>
                ))}
              </ul>
            </div>
          )}
          <PersonFields prefix="applicant" person={draft.applicant} onChange={(k, v) => onPerson('applicant', k, v)} errorOf={errorOf} />
        </fieldset>

        <CheckboxField
          label={t('reception.applicant.submitterDiffers')}
          checked={draft.submitterDiffers}
          onChecked={onSubmitterDiffers}
          data-field="submitterDiffers"
          className="rx-check"
        />
        {draft.submitterDiffers && (
          <fieldset className="rx-section" data-testid="submitter-block">
            <legend className="rx-section__title">{t('reception.applicant.submitterTitle')}</legend>
            <PersonFields prefix="submitter" person={draft.submitter} onChange={(k, v) => onPerson('submitter', k, v)} errorOf={errorOf} compact />
          </fieldset>
        )}

        <div className="rx-actions">
          <button type="submit" className="btn btn--primary">
            {t('reception.nav.next')}
          </button>
        </div>
      </form>
    </>
  );
}
