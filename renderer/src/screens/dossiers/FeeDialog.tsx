import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../bridge';
import { CheckboxField } from '../../components/CheckboxField';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { formatMoney } from './format';
import { NO_ERROR, placeError, type PlacedError } from './shown-error';
import type { ActionDialogProps } from './TransitionDialog';

function FeeForm({ view, onClose, onDone }: Omit<ActionDialogProps, 'open'>) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState(view.fees.due > 0 ? String(view.fees.due) : '');
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<PlacedError>(NO_ERROR);
  const [busy, setBusy] = useState(false);
  const amountRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const digits = amount.replace(/[.\s]/g, '');
    const value = /^\d{1,13}$/.test(digits) ? Number(digits) : NaN;
    const fields: Record<string, string> = {};
    if (!(value > 0)) fields.amount = t('dossiersUi.validation.amount');
    if (!confirmed) fields.confirmed = t('dossiersUi.validation.confirmCash');
    if (fields.amount || fields.confirmed) {
      setError({ fields, form: t('dossiersUi.validation.summary') });
      (fields.amount ? amountRef : confirmRef).current?.focus();
      return;
    }
    setBusy(true);
    setError(NO_ERROR);
    try {
      const next = await api.call('dossiers.collectFee', { id: view.id, amount: value, confirmed: true });
      const receipt = next.fees.receipts[next.fees.receipts.length - 1];
      onDone(next, t('dossiersUi.fee.done', { amount: formatMoney(value), number: receipt?.number ?? '' }));
    } catch (err) {
      setError(placeError(t, err, ['amount']));
      setBusy(false);
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      <FormError message={error.form} testId="fee-error" />
      <Field
        label={t('dossiersUi.fee.amount')}
        name="amount"
        required
        autoComplete="off"
        inputMode="numeric"
        hint={t('dossiersUi.fee.amountHint', { due: formatMoney(view.fees.due) })}
        value={amount}
        onValue={setAmount}
        error={error.fields.amount}
        inputRef={amountRef}
      />
      <CheckboxField label={t('dossiersUi.fee.confirm')} name="confirmed" checked={confirmed} onChecked={setConfirmed} error={error.fields.confirmed} inputRef={confirmRef} />
      <DialogActions cancelLabel={t('dossiersUi.actions.cancel')} onCancel={onClose} label={t('dossiersUi.fee.submit')} busy={busy} />
    </form>
  );
}

/** Cash collected at the counter, confirmed by the clerk: the core issues a fee receipt number. */
export function FeeDialog({ open, view, onClose, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('dossiersUi.fee.title', { code: view.code ?? view.id })} onClose={onClose} testId="fee-dialog">
      <FeeForm view={view} onClose={onClose} onDone={onDone} />
    </Dialog>
  );
}
