import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierView } from '../../../../core/contract/dossiers';
import type { FORM_NAMES } from '../../../../core/contract/forms';
import { useAnnouncer } from '../../a11y/Announcer';
import { FormError } from '../../components/FormError';
import { Panel } from '../../components/Panel';
import { RadioGroup } from '../../components/RadioGroup';
import { downloadForm } from '../../files/download-form';
import { describeError } from '../../i18n/error-text';

type FormName = (typeof FORM_NAMES)[number];
type Layout = 'a4' | '80mm';

const RECEIPT_STATES: readonly DossierView['state'][] = ['received', 'sent_to_agency', 'result_ready', 'result_returned'];

/** The forms that make sense for the dossier as it is now (the core refuses the others anyway). */
export function printableForms(view: DossierView): FormName[] {
  const forms: FormName[] = [];
  if (RECEIPT_STATES.includes(view.state)) forms.push('receipt');
  if (view.state === 'supplement_requested') forms.push('supplement');
  if (view.state === 'refused') forms.push('refusal');
  if (view.history.some((h) => (h.data as { apology?: unknown } | null)?.apology)) forms.push('apology');
  if (view.fees.receipts.length > 0) forms.push('bien-lai');
  return forms;
}

/** Print buttons: the core renders the PDF, the browser downloads it (no iframe: the CSP forbids it). */
export function PrintPanel({ view }: { view: DossierView }) {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const [layout, setLayout] = useState<Layout>('a4');
  const [busy, setBusy] = useState<FormName | null>(null);
  const [error, setError] = useState<string | null>(null);
  const forms = printableForms(view);

  const print = async (form: FormName) => {
    if (busy) return;
    setBusy(form);
    setError(null);
    announce(t('dossiersUi.print.busy'));
    try {
      const file = await downloadForm(view.id, form, layout);
      announce(t('dossiersUi.print.done', { file }));
    } catch (err) {
      setError(describeError(t, err).text);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Panel title={t('dossiersUi.print.title')} level={3} className="dossier-section" testId="print-panel">
      <FormError message={error} testId="print-error" />
      {forms.length === 0 ? (
        <p className="field__hint">{t('dossiersUi.print.none')}</p>
      ) : (
        <div className="print-panel">
          <RadioGroup<Layout>
            legend={t('dossiersUi.print.layout')}
            name="layout"
            value={layout}
            onValue={setLayout}
            options={[
              { value: 'a4', label: t('forms.layouts.a4') },
              { value: '80mm', label: t('forms.layouts.80mm') },
            ]}
          />
          <div className="button-row">
            {forms.map((f) => (
              <button key={f} type="button" className="btn" data-form={f} aria-busy={busy === f} onClick={() => void print(f)}>
                {t('dossiersUi.print.button', { form: t(`forms.names.${f}`) })}
              </button>
            ))}
          </div>
        </div>
      )}
    </Panel>
  );
}
