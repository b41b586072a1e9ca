import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { FormError } from '../../components/FormError';
import { TextAreaField } from '../../components/TextAreaField';
import { ReceiverFields, useReceiver } from './ReceiverFields';
import { NO_ERROR, placeError, type PlacedError } from './shown-error';
import type { ActionDialogProps } from './TransitionDialog';

function CorrectReturnForm({ view, onClose, onDone }: Omit<ActionDialogProps, 'open'>) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<PlacedError>(NO_ERROR);
  const [busy, setBusy] = useState(false);
  const receiver = useReceiver({ name: view.result?.receiverName ?? '', idNumber: view.result?.receiverIdNumber ?? '' }, setError);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const fields: Record<string, string> = {};
    const nameMissing = receiver.nameMissing();
    if (nameMissing) fields.receiverName = nameMissing;
    if (reason.trim().length < 3) fields.reason = t('dossiersUi.validation.reasonShort');
    if (fields.receiverName || fields.reason) {
      setError({ fields, form: t('dossiersUi.validation.summary') });
      (fields.receiverName ? receiver.nameRef : reasonRef).current?.focus();
      return;
    }
    setBusy(true);
    setError(NO_ERROR);
    try {
      const next = await api.call('dossiers.correctReturn', { id: view.id, ...receiver.input(), reason: reason.trim() });
      onDone(next, t('dossiersUi.correctReturn.done', { code: next.code ?? next.id, name: receiver.name.trim() }));
    } catch (err) {
      const placed = placeError(t, err, ['receiverName', 'receiverIdNumber', 'reason']);
      setError(placed);
      setBusy(false);
      if (!receiver.focusPlaced(placed) && placed.fields.reason) reasonRef.current?.focus();
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      <p className="field__hint">{t('dossiersUi.correctReturn.intro')}</p>
      <FormError message={error.form} testId="correct-return-error" />
      <ReceiverFields receiver={receiver} errors={error.fields} />
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
