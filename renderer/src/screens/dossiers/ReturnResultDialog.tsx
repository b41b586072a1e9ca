import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { RadioGroup } from '../../components/RadioGroup';
import { ReceiverFields, useReceiver } from './ReceiverFields';
import { NO_ERROR, placeError, type PlacedError } from './shown-error';
import type { ActionDialogProps } from './TransitionDialog';

type Method = 'counter' | 'post';

function ReturnForm({ view, onClose, onDone }: Omit<ActionDialogProps, 'open'>) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<Method>(view.resultReturn);
  const [note, setNote] = useState('');
  const [error, setError] = useState<PlacedError>(NO_ERROR);
  const [busy, setBusy] = useState(false);
  const receiver = useReceiver({ name: view.applicant.fullName, idNumber: view.applicant.idNumber ?? '' }, setError);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const nameMissing = receiver.nameMissing();
    if (nameMissing) {
      setError({ fields: { receiverName: nameMissing }, form: t('dossiersUi.validation.summary') });
      receiver.nameRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(NO_ERROR);
    try {
      const next = await api.call('dossiers.returnResult', {
        id: view.id,
        ...receiver.input(),
        method,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onDone(next, t('dossiersUi.returnResult.done', { code: next.code ?? next.id, name: receiver.name.trim() }));
    } catch (err) {
      const placed = placeError(t, err, ['receiverName', 'receiverIdNumber', 'note']);
      setError(placed);
      setBusy(false);
      receiver.focusPlaced(placed);
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      <FormError message={error.form} testId="return-error" />
      <ReceiverFields receiver={receiver} errors={error.fields} nameHint={t('dossiersUi.returnResult.receiverNameHint')} />
      <RadioGroup<Method>
        legend={t('dossiersUi.returnResult.method')}
        name="method"
        value={method}
        onValue={setMethod}
        options={[
          { value: 'counter', label: t('dossiersUi.detail.returnMethods.counter') },
          { value: 'post', label: t('dossiersUi.detail.returnMethods.post') },
        ]}
      />
      <Field label={t('dossiersUi.returnResult.note')} name="note" autoComplete="off" value={note} onValue={setNote} error={error.fields.note} maxLength={1000} />
      <DialogActions cancelLabel={t('dossiersUi.actions.cancel')} onCancel={onClose} label={t('dossiersUi.returnResult.submit')} busy={busy} />
    </form>
  );
}

/** Hand the result over: to whom (the applicant unless someone else collects it), how, with a note. */
export function ReturnResultDialog({ open, view, onClose, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('dossiersUi.returnResult.title', { code: view.code ?? view.id })} onClose={onClose} testId="return-dialog">
      <ReturnForm view={view} onClose={onClose} onDone={onDone} />
    </Dialog>
  );
}
