import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../a11y/useDocumentTitle';
import { UsernameField } from '../../accounts/UsernameField';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { SubmitButton } from '../../components/SubmitButton';
import { describeError } from '../../i18n/error-text';
import { useSession, type LoginNotice } from '../../session/session-context';

type FieldName = 'username' | 'password';

/** Username + password; Enter submits. A wrong password clears the password field and puts the cursor back in it. */
export function LoginScreen({ notice }: { notice: LoginNotice }) {
  const { t } = useTranslation();
  const { login } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<ReadonlySet<FieldName>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  useDocumentTitle(t('ui.login.title'));

  useEffect(() => {
    usernameRef.current?.focus();
  }, []);

  const shown = error === null ? null : describeError(t, error);
  const fieldError = (f: FieldName): string | undefined => {
    if (missing.has(f)) return t('ui.validation.required', { field: t(`ui.login.${f}`).toLocaleLowerCase() });
    return shown?.field === f ? shown.text : undefined;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const empty = new Set<FieldName>();
    if (!username.trim()) empty.add('username');
    if (!password) empty.add('password');
    setMissing(empty);
    if (empty.size > 0) {
      setError(null);
      (empty.has('username') ? usernameRef : passwordRef).current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (err) {
      setError(err);
      setPassword('');
      passwordRef.current?.focus();
      setBusy(false);
    }
  };

  return (
    <>
      <h1 className="auth-card__title">{t('ui.login.title')}</h1>
      <p className="auth-card__intro">{t('ui.login.intro')}</p>
      {notice && (
        <p className="notice" data-testid="login-notice">
          {t(notice === 'expired' ? 'ui.login.sessionExpired' : 'ui.login.loggedOut')}
        </p>
      )}
      <FormError message={shown && !shown.field ? shown.text : missing.size > 0 ? t('ui.validation.summary') : null} />
      <form className="form" noValidate onSubmit={(e) => void submit(e)} data-testid="login-form">
        <UsernameField
          label={t('ui.login.username')}
          autoComplete="username"
          value={username}
          onValue={setUsername}
          error={fieldError('username')}
          inputRef={usernameRef}
        />
        <Field
          label={t('ui.login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onValue={setPassword}
          error={fieldError('password')}
          inputRef={passwordRef}
        />
        <SubmitButton label={t('ui.login.submit')} busy={busy} busyLabel={t('ui.login.submitting')} block />
      </form>
    </>
  );
}
