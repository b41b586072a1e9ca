import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../core/contract/auth';
import { NewPasswordFields } from '../../accounts/NewPasswordFields';
import { api } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { FormError } from '../../components/FormError';
import { describeError } from '../../i18n/error-text';

function PasswordForm({ user, onClose, onDone }: { user: User; onClose(): void; onDone(u: User): void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<{ password?: string; confirm?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const found: { password?: string; confirm?: string } = {};
    if (password.length < 8) found.password = t('ui.validation.passwordTooShort');
    if (confirm !== password) found.confirm = t('ui.validation.passwordMismatch');
    setProblems(found);
    setError(null);
    if (found.password || found.confirm) {
      (found.password ? passwordRef : confirmRef).current?.focus();
      return;
    }
    setBusy(true);
    try {
      await api.call('users.setPassword', { userId: user.id, password });
      onDone(user);
    } catch (err) {
      setError(describeError(t, err).text);
      setBusy(false);
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      <FormError message={error ?? (problems.password || problems.confirm ? t('ui.validation.summary') : null)} testId="password-error" />
      <NewPasswordFields
        passwordLabel={t('settingsUi.users.password')}
        confirmLabel={t('settingsUi.users.confirm')}
        hint={t('settingsUi.users.passwordHint')}
        names={{ password: 'new-password', confirm: 'confirm-password' }}
        password={password}
        confirm={confirm}
        onPassword={setPassword}
        onConfirm={setConfirm}
        passwordError={problems.password}
        confirmError={problems.confirm}
        passwordRef={passwordRef}
        confirmRef={confirmRef}
      />
      <DialogActions cancelLabel={t('settingsUi.cancel')} onCancel={onClose} label={t('settingsUi.users.setPassword')} busy={busy} />
    </form>
  );
}

/** An admin sets a user's password (which also unlocks a locked account). */
export function SetPasswordDialog({ user, onClose, onDone }: { user: User | null; onClose(): void; onDone(u: User): void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={user !== null} title={user ? t('settingsUi.users.setPasswordFor', { name: user.displayName }) : ''} onClose={onClose} testId="password-dialog">
      {user && <PasswordForm user={user} onClose={onClose} onDone={onDone} />}
    </Dialog>
  );
}
