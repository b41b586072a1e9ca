import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierView } from '../../../../core/contract/dossiers';
import { api } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { NO_ERROR, placeError, type PlacedError } from './shown-error';

export type TransitionTarget = 'sent_to_agency' | 'result_ready' | 'withdrawn';

export interface ActionDialogProps {
  open: boolean;
  view: DossierView;
  onClose(): void;
  onDone(view: DossierView, message: string): void;
}

function TransitionForm({ to, view, onClose, onDone }: Omit<ActionDialogProps, 'open'> & { to: TransitionTarget }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<PlacedError>(NO_ERROR);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(NO_ERROR);
    try {
      const next = await api.call('dossiers.transition', { id: view.id, to, ...(note.trim() ? { note: note.trim() } : {}) });
      onDone(next, t('dossiersUi.transition.done', { code: next.code ?? next.id, state: t(`dossier.states.${next.state}`) }));
    } catch (err) {
      setError(placeError(t, err, ['note']));
      setBusy(false);
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      <p className={to === 'withdrawn' ? 'notice notice--warning' : undefined}>{t(`dossiersUi.transition.body.${to}`)}</p>
      <FormError message={error.form} testId="transition-error" />
      <Field label={t('dossiersUi.transition.note')} name="note" autoComplete="off" value={note} onValue={setNote} error={error.fields.note} maxLength={1000} />
      <DialogActions
        cancelLabel={t('dossiersUi.actions.cancel')}
        onCancel={onClose}
        label={t(`dossiersUi.transition.confirm.${to}`)}
        busy={busy}
        danger={to === 'withdrawn'}
      />
    </form>
  );
}

/** Confirms a move: sent to the agency, result ready, or withdrawn (which cannot be undone). */
export function TransitionDialog({ to, open, view, onClose, onDone }: ActionDialogProps & { to: TransitionTarget }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t(`dossiersUi.transition.title.${to}`, { code: view.code ?? view.id })} onClose={onClose} testId={`transition-dialog-${to}`}>
      <TransitionForm to={to} view={view} onClose={onClose} onDone={onDone} />
    </Dialog>
  );
}
