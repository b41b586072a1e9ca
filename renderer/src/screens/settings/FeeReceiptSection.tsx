/**
 * Fee receipt (biên lai) registration per agency: the form number (mẫu số) and series (ký hiệu) the agency
 * registered for the receipts this counter issues. Numbers then count 0000001, 0000002 … in that series and the
 * printed receipt carries all three. Saved as one setting, forms.feeReceiptSeries (the core checks it again).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency } from '../../../../core/domain/catalogue/schema';
import { REGISTERED_RECEIPT_CODE_RE } from '../../../../core/domain/forms/receipt-series';
import { useAnnouncer } from '../../a11y/Announcer';
import { api } from '../../bridge';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { Panel } from '../../components/Panel';
import { SubmitButton } from '../../components/SubmitButton';
import { describeError } from '../../i18n/error-text';
import { useRoles } from './useRoles';

const KEY = 'forms.feeReceiptSeries';
interface Series {
  formNumber: string;
  series: string;
}
type Entries = Record<string, Series>;
type Part = keyof Series;

const clean = (v: string) => v.trim().toUpperCase();

export function FeeReceiptSection() {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const { canEdit } = useRoles();
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [values, setValues] = useState<Entries>({});
  // Entries for agencies no longer in the catalogue are kept as they are.
  const [others, setOthers] = useState<Entries>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = useRef(new Map<string, HTMLInputElement>());

  useEffect(() => {
    let cancelled = false;
    Promise.all([api.call('catalogue.agencies', {}), api.call('settings.get', { key: KEY })]).then(
      ([list, setting]) => {
        if (cancelled) return;
        const stored = (setting.value && typeof setting.value === 'object' ? setting.value : {}) as Entries;
        setAgencies(list);
        const codes = new Set(list.map((a) => a.code));
        setValues(Object.fromEntries(list.map((a) => [a.code, stored[a.code] ?? { formNumber: '', series: '' }])));
        setOthers(Object.fromEntries(Object.entries(stored).filter(([code]) => !codes.has(code))));
      },
      (err: unknown) => !cancelled && setFormError(describeError(t, err).text),
    );
    return () => {
      cancelled = true;
    };
  }, [t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !canEdit) return;
    const found: Record<string, string> = {};
    const next: Entries = { ...others };
    for (const a of agencies) {
      const v = { formNumber: clean(values[a.code]?.formNumber ?? ''), series: clean(values[a.code]?.series ?? '') };
      if (v.formNumber === '' && v.series === '') continue;
      for (const part of ['formNumber', 'series'] as const) {
        if (v[part] === '') found[`${a.code}:${part}`] = t('settingsUi.feeReceipt.bothNeeded');
        else if (!REGISTERED_RECEIPT_CODE_RE.test(v[part])) found[`${a.code}:${part}`] = t('settingsUi.feeReceipt.badValue');
      }
      next[a.code] = v;
    }
    setErrors(found);
    setFormError(null);
    const first = Object.keys(found)[0];
    if (first) {
      inputs.current.get(first)?.focus();
      return;
    }
    setBusy(true);
    try {
      await api.call('settings.set', { key: KEY, value: Object.keys(next).length ? next : null });
      setValues((old) => Object.fromEntries(Object.keys(old).map((code) => [code, next[code] ?? { formNumber: '', series: '' }])));
      announce(t('settingsUi.feeReceipt.saved'));
    } catch (err) {
      setFormError(describeError(t, err).text);
    } finally {
      setBusy(false);
    }
  };

  const field = (a: Agency, part: Part) => (
    <Field
      label={t(`settingsUi.feeReceipt.${part}`)}
      name={`${a.code}:${part}`}
      autoComplete="off"
      spellCheck={false}
      readOnly={!canEdit}
      value={values[a.code]?.[part] ?? ''}
      onValue={(v) => setValues((old) => ({ ...old, [a.code]: { ...(old[a.code] ?? { formNumber: '', series: '' }), [part]: v } }))}
      error={errors[`${a.code}:${part}`]}
      hint={t(`settingsUi.feeReceipt.${part}Hint`)}
      inputRef={(el) => {
        if (el) inputs.current.set(`${a.code}:${part}`, el);
        else inputs.current.delete(`${a.code}:${part}`);
      }}
    />
  );

  return (
    <Panel title={t('settingsUi.feeReceipt.title')} className="settings-panel" testId="settings-fee-receipt">
      <p className="field__hint">{t('settingsUi.feeReceipt.intro')}</p>
      {!canEdit && <p className="notice">{t('settingsUi.readOnly')}</p>}
      <FormError message={formError} testId="fee-receipt-error" />
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        {agencies.map((a) => (
          <fieldset key={a.code} className="fieldset" data-agency={a.code}>
            <legend>{a.name}</legend>
            {field(a, 'formNumber')}
            {field(a, 'series')}
          </fieldset>
        ))}
        {canEdit && agencies.length > 0 && (
          <div className="button-row">
            <SubmitButton label={t('settingsUi.save')} busy={busy} busyLabel={t('settingsUi.saving')} />
          </div>
        )}
      </form>
    </Panel>
  );
}
