import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { RadioGroup } from '../../components/RadioGroup';
import { NO_ERROR, placeError, type PlacedError } from './shown-error';
import type { ActionDialogProps } from './TransitionDialog';
import { useReceiverCardScan } from './useReceiverCardScan';

type Method = 'counter' | 'post';

function ReturnForm({ view, onClose, onDone }: Omit<ActionDialogProps, 'open'>) {
  const { t } = useTranslation();
  const [receiverName, setReceiverName] = useState(view.applicant.fullName);
  const [receiverIdNumber, setReceiverIdNumber] = useState(view.applicant.idNumber ?? '');
  const [method, setMethod] = useState<Method>(view.resultReturn);
  const [note, setNote] = useState('');
  const [error, setError] = useState<PlacedError>(NO_ERROR);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const idRef = useRef<HTMLInputElement>(null);
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
    if (!receiverName.trim()) {
      setError({ fields: { receiverName: t('dossiersUi.validation.required', { field: t('dossiersUi.returnResult.receiverName').toLocaleLowerCase() }) }, form: t('dossiersUi.validation.summary') });
      nameRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(NO_ERROR);
    try {
      const next = await api.call('dossiers.returnResult', {
        id: view.id,
        receiverName: receiverName.trim(),
        method,
        ...(receiverIdNumber.trim() ? { receiverIdNumber: receiverIdNumber.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onDone(next, t('dossiersUi.returnResult.done', { code: next.code ?? next.id, name: receiverName.trim() }));
    } catch (err) {
      const placed = placeError(t, err, ['receiverName', 'receiverIdNumber', 'note']);
      setError(placed);
      setBusy(false);
      if (placed.fields.receiverName) nameRef.current?.focus();
      else if (placed.fields.receiverIdNumber) idRef.current?.focus();
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      <FormError message={error.form} testId="return-error" />
      <Field
        label={t('dossiersUi.returnResult.receiverName')}
        name="receiverName"
        required
        autoComplete="off"
        hint={t('dossiersUi.returnResult.receiverNameHint')}
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
