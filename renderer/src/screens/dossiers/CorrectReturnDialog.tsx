import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { TextAreaField } from '../../components/TextAreaField';
import { NO_ERROR, placeError, type PlacedError } from './shown-error';
import type { ActionDialogProps } from './TransitionDialog';
import { useReceiverCardScan } from './useReceiverCardScan';

function CorrectReturnForm({ view, onClose, onDone }: Omit<ActionDialogProps, 'open'>) {
  const { t } = useTranslation();
  const [receiverName, setReceiverName] = useState(view.result?.receiverName ?? '');
  const [receiverIdNumber, setReceiverIdNumber] = useState(view.result?.receiverIdNumber ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<PlacedError>(NO_ERROR);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const idRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  useReceiverCardScan(
    (name, idNumber) => {
      setReceiverName(name);
      setReceiverIdNumber(idNumber);
      setError(NO_ERROR);
    },
    (message) => setError({ fields: {}, form: message }),
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const fields: Record<string, string> = {};
    if (!receiverName.trim()) fields.receiverName = t('dossiersUi.validation.required', { field: t('dossiersUi.returnResult.receiverName').toLocaleLowerCase() });
    if (reason.trim().length < 3) fields.reason = t('dossiersUi.validation.reasonShort');
    if (fields.receiverName || fields.reason) {
      setError({ fields, form: t('dossiersUi.validation.summary') });
      (fields.receiverName ? nameRef : reasonRef).current?.focus();
      return;
    }
    setBusy(true);
    setError(NO_ERROR);
    try {
      const next = await api.call('dossiers.correctReturn', {
        id: view.id,
        receiverName: receiverName.trim(),
        ...(receiverIdNumber.trim() ? { receiverIdNumber: receiverIdNumber.trim() } : {}),
        reason: reason.trim(),
      });
      onDone(next, t('dossiersUi.correctReturn.done', { code: next.code ?? next.id, name: receiverName.trim() }));
    } catch (err) {
      const placed = placeError(t, err, ['receiverName', 'receiverIdNumber', 'reason']);
      setError(placed);
      setBusy(false);
      if (placed.fields.receiverName) nameRef.current?.focus();
      else if (placed.fields.receiverIdNumber) idRef.current?.focus();
      else if (placed.fields.reason) reasonRef.current?.focus();
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      <p className="field__hint">{t('dossiersUi.correctReturn.intro')}</p>
      <FormError message={error.form} testId="correct-return-error" />
      <Field
        label={t('dossiersUi.returnResult.receiverName')}
        name="receiverName"
        required
        autoComplete="off"
        value={receiverName}
        onValue={setReceiverName}
        error={error.fields.receiverName}
        inputRef={nameRef}
        maxLength={200}
      />
      <Field
        label={t('dossiersUi.returnResult.receiverId')}
        name="receiverIdNumber"
        autoComplete="off"
        hint={t('dossiersUi.returnResult.receiverIdHint')}
        value={receiverIdNumber}
        onValue={setReceiverIdNumber}
        error={error.fields.receiverIdNumber}
        inputRef={idRef}
        maxLength={20}
      />
      <TextAreaField
        label={t('dossiersUi.correctReturn.reason')}
        name="reason"
        required
        rows={3}
        hint={t('dossiersUi.correctReturn.reasonHint')}
        value={reason}
        onValue={setReason}
        error={error.fields.reason}
        inputRef={reasonRef}
        maxLength={1000}
      />
      <DialogActions cancelLabel={t('dossiersUi.actions.cancel')} onCancel={onClose} label={t('dossiersUi.correctReturn.submit')} busy={busy} />
    </form>
  );
}

/** Who received the result was recorded wrong: correct it, with the reason; the old values stay in the history. */
export function CorrectReturnDialog({ open, view, onClose, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('dossiersUi.correctReturn.title', { code: view.code ?? view.id })} onClose={onClose} testId="correct-return-dialog">
      <CorrectReturnForm view={view} onClose={onClose} onDone={onDone} />
    </Dialog>
  );
}
