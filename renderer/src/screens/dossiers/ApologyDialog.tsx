import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { TextAreaField } from '../../components/TextAreaField';
import { formatDateTime, parseVnDateTime } from '../../format/date-time';
import { NO_ERROR, placeError, type PlacedError } from './shown-error';
import type { ActionDialogProps } from './TransitionDialog';

function ApologyForm({ view, onClose, onDone }: Omit<ActionDialogProps, 'open'>) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [newDue, setNewDue] = useState(formatDateTime(view.due));
  const [error, setError] = useState<PlacedError>(NO_ERROR);
  const [busy, setBusy] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const dueRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const fields: Record<string, string> = {};
    if (reason.trim().length < 3) fields.reason = t('dossiersUi.validation.reasonShort');
    const due = parseVnDateTime(newDue);
    if (!due) fields.newDue = t('dossiersUi.validation.dateTime');
    if (fields.reason || fields.newDue) {
      setError({ fields, form: t('dossiersUi.validation.summary') });
      (fields.reason ? reasonRef : dueRef).current?.focus();
      return;
    }
    setBusy(true);
    setError(NO_ERROR);
    try {
      const next = await api.call('dossiers.apologise', { id: view.id, reason: reason.trim(), newDue: due! });
      onDone(next, t('dossiersUi.apology.done', { code: next.code ?? next.id, due: formatDateTime(next.due) }));
    } catch (err) {
      const placed = placeError(t, err, ['reason', 'newDue']);
      setError(placed);
      setBusy(false);
      if (placed.fields.newDue) dueRef.current?.focus();
      else if (placed.fields.reason) reasonRef.current?.focus();
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      <FormError message={error.form} testId="apology-error" />
      <TextAreaField
        label={t('dossiersUi.apology.reason')}
        name="reason"
        required
        rows={3}
        hint={t('dossiersUi.apology.reasonHint')}
        value={reason}
        onValue={setReason}
        error={error.fields.reason}
        inputRef={reasonRef}
        maxLength={2000}
      />
      <Field
        label={t('dossiersUi.apology.newDue')}
        name="newDue"
        required
        autoComplete="off"
        inputMode="numeric"
        hint={t('dossiersUi.apology.newDueHint', { due: formatDateTime(view.due) || t('dossiersUi.detail.none') })}
        value={newDue}
        onValue={setNewDue}
        error={error.fields.newDue}
        inputRef={dueRef}
      />
      <DialogActions cancelLabel={t('dossiersUi.actions.cancel')} onCancel={onClose} label={t('dossiersUi.apology.submit')} busy={busy} />
    </form>
  );
}

/** The dossier runs late: the reason and a new appointment, for the apology slip. */
export function ApologyDialog({ open, view, onClose, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('dossiersUi.apology.title', { code: view.code ?? view.id })} onClose={onClose} testId="apology-dialog">
      <ApologyForm view={view} onClose={onClose} onDone={onDone} />
    </Dialog>
  );
}
