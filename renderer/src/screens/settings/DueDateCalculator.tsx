import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarConfig } from '../../../../core/contract/calendar';
import type { Agency } from '../../../../core/domain/catalogue/schema';
import { api } from '../../bridge';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { Panel } from '../../components/Panel';
import { SelectField } from '../../components/SelectField';
import { formatDateTime, nowVn, parseVnDateTime, weekdayOf } from '../../format/date-time';
import { describeError } from '../../i18n/error-text';

interface Query {
  received: string;
  amount: number;
  unit: 'days' | 'hours';
  agencyCode: string;
}

/**
 * Received at + processing time (+ whose working hours) → due date, as the core computes it for dossiers.
 * After a change of windows or holidays the last question is asked again, so the answer follows the settings.
 */
export function DueDateCalculator({ config, agencies }: { config: CalendarConfig; agencies: readonly Agency[] }) {
  const { t } = useTranslation();
  const [received, setReceived] = useState(nowVn());
  const [amount, setAmount] = useState('3');
  const [unit, setUnit] = useState<'days' | 'hours'>('days');
  const [agencyCode, setAgencyCode] = useState('');
  const [asked, setAsked] = useState<Query | null>(null);
  const [due, setDue] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ received?: string; amount?: string; form?: string }>({});
  const receivedRef = useRef<HTMLInputElement>(null);
  const amountRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!asked) return;
    let cancelled = false;
    api
      .call('calendar.dueDate', {
        received: asked.received,
        [asked.unit]: asked.amount,
        ...(asked.agencyCode ? { agencyCode: asked.agencyCode } : {}),
      })
      .then(
        (r) => {
          if (cancelled) return;
          setDue(r.due);
          setErrors({});
        },
        (e: unknown) => {
          if (cancelled) return;
          setDue(null);
          const shown = describeError(t, e);
          setErrors(shown.field === 'received' ? { received: shown.text } : { form: shown.text });
        },
      );
    return () => {
      cancelled = true;
    };
  }, [asked, config, t]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const at = parseVnDateTime(received);
    const n = Number(amount.replace(',', '.'));
    const found: { received?: string; amount?: string } = {};
    if (!at) found.received = t('settingsUi.due.badDateTime');
    if (!(n > 0) || !Number.isFinite(n)) found.amount = t('settingsUi.due.badAmount');
    setErrors(found);
    if (found.received || found.amount) {
      (found.received ? receivedRef : amountRef).current?.focus();
      return;
    }
    setAsked({ received: at!, amount: n, unit, agencyCode });
  };

  return (
    <Panel title={t('settingsUi.due.title')} level={3} className="settings-panel" testId="settings-due">
      <FormError message={errors.form ?? null} testId="due-error" />
      <form className="form due-form" noValidate onSubmit={submit}>
        <Field
          label={t('settingsUi.due.received')}
          name="received"
          autoComplete="off"
          inputMode="numeric"
          hint={t('settingsUi.due.receivedHint')}
          value={received}
          onValue={setReceived}
          error={errors.received}
          inputRef={receivedRef}
        />
        <div className="due-form__row">
          <Field label={t('settingsUi.due.amount')} name="amount" autoComplete="off" inputMode="decimal" value={amount} onValue={setAmount} error={errors.amount} inputRef={amountRef} />
          <SelectField label={t('settingsUi.due.unit')} name="unit" value={unit} onValue={(v) => setUnit(v as 'days' | 'hours')}>
            <option value="days">{t('settingsUi.due.units.days')}</option>
            <option value="hours">{t('settingsUi.due.units.hours')}</option>
          </SelectField>
        </div>
        <SelectField label={t('settingsUi.due.agency')} name="agency" value={agencyCode} onValue={setAgencyCode}>
          <option value="">{t('settingsUi.windows.scopeDefault')}</option>
          {agencies.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </SelectField>
        <div className="button-row">
          <button type="submit" className="btn btn--primary">
            {t('settingsUi.due.submit')}
          </button>
        </div>
      </form>
      <output className="due-result" aria-live="polite" data-testid="due-result">
        {due && t('settingsUi.due.result', { weekday: t(`settingsUi.windows.weekdays.${weekdayOf(due)}`), due: formatDateTime(due) })}
      </output>
    </Panel>
  );
}
