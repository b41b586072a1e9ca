import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../bridge/api';
import { useDocumentTitle } from '../../a11y/useDocumentTitle';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { describeError } from '../../i18n/error-text';
import { useSession } from '../../session/session-context';
import { validateSetup, type SetupField, type SetupProblems, type SetupValues } from './validate';

const FIELDS: readonly SetupField[] = ['username', 'displayName', 'password', 'confirm'];

/** First run: create the first administrator (who is then logged in). */
export function SetupScreen() {
  const { t } = useTranslation();
  const { setupAdmin } = useSession();
  const [values, setValues] = useState<SetupValues>({ username: '', displayName: '', password: '', confirm: '' });
  const [problems, setProblems] = useState<SetupProblems>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const refs: Record<SetupField, RefObject<HTMLInputElement | null>> = {
    username: useRef<HTMLInputElement>(null),
    displayName: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
  };
  useDocumentTitle(t('ui.setup.title'));

  const firstRef = refs.username;
  useEffect(() => {
    firstRef.current?.focus();
  }, [firstRef]);

  const shown = error === null ? null : describeError(t, error);
  const label = (f: SetupField) => t(`ui.setup.${f}`);
  const fieldError = (f: SetupField): string | undefined => {
    const p = problems[f];
    if (p) return t(`ui.validation.${p}`, { field: label(f).toLocaleLowerCase() });
    return shown?.field === f ? shown.text : undefined;
  };
  const set = (f: SetupField) => (v: string) => setValues((old) => ({ ...old, [f]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const found = validateSetup(values);
    setProblems(found);
    setError(null);
    const first = FIELDS.find((f) => found[f]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    setBusy(true);
    try {
      await setupAdmin({ username: values.username.trim(), displayName: values.displayName.trim(), password: values.password });
    } catch (err) {
      setError(err);
      setBusy(false);
      const target = FIELDS.find((f) => err instanceof ApiError && f === err.field);
      if (target) refs[target].current?.focus();
    }
  };

  const hasProblems = FIELDS.some((f) => problems[f]);
  return (
    <>
      <h1 className="auth-card__title">{t('ui.setup.title')}</h1>
      <p className="auth-card__intro">{t('ui.setup.intro')}</p>
      <FormError message={shown && !shown.field ? shown.text : hasProblems ? t('ui.validation.summary') : null} />
      <form className="form" noValidate onSubmit={(e) => void submit(e)} data-testid="setup-form">
        <Field
          label={label('username')}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          hint={t('ui.setup.usernameHint')}
          value={values.username}
          onValue={set('username')}
          error={fieldError('username')}
          inputRef={refs.username}
        />
        <Field
          label={label('displayName')}
          name="displayName"
          autoComplete="name"
          required
          value={values.displayName}
          onValue={set('displayName')}
          error={fieldError('displayName')}
          inputRef={refs.displayName}
        />
        <Field
          label={label('password')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t('ui.setup.passwordHint')}
          value={values.password}
          onValue={set('password')}
          error={fieldError('password')}
          inputRef={refs.password}
        />
        <Field
          label={label('confirm')}
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          value={values.confirm}
          onValue={set('confirm')}
          error={fieldError('confirm')}
          inputRef={refs.confirm}
        />
        <button type="submit" className="btn btn--primary btn--block" aria-busy={busy}>
          {busy ? t('ui.setup.submitting') : t('ui.setup.submit')}
        </button>
      </form>
    </>
  );
}
