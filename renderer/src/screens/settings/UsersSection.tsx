import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../core/contract/auth';
import { ROLES, type Role } from '../../../../core/contract/method';
import { useAnnouncer } from '../../a11y/Announcer';
import { api } from '../../bridge';
import { ApiError } from '../../bridge/api';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { describeError } from '../../i18n/error-text';
import { SelectField } from '../dossiers/fields';
import { formatDateTime } from '../dossiers/format';
import { validateSetup, type SetupField, type SetupProblems } from '../setup/validate';
import { SetPasswordDialog } from './SetPasswordDialog';
import { useRoles } from './useRoles';

const FIELDS: readonly SetupField[] = ['username', 'displayName', 'password', 'confirm'];
const LABEL: Record<SetupField, string> = { username: 'username', displayName: 'displayName', password: 'password', confirm: 'confirm' };

function CreateUserForm({ onCreated }: { onCreated(u: User): void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [values, setValues] = useState({ username: '', displayName: '', password: '', confirm: '' });
  const [role, setRole] = useState<Role>('clerk');
  const [problems, setProblems] = useState<SetupProblems>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const refs: Record<SetupField, RefObject<HTMLInputElement | null>> = {
    username: useRef<HTMLInputElement>(null),
    displayName: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
  };
  const shown = error === null ? null : describeError(t, error);
  const label = (f: SetupField) => t(`settingsUi.users.${LABEL[f]}`);
  const fieldError = (f: SetupField) => {
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
      const u = await api.call('users.create', { username: values.username.trim(), displayName: values.displayName.trim(), role, password: values.password });
      setValues({ username: '', displayName: '', password: '', confirm: '' });
      onCreated(u);
      refs.username.current?.focus();
    } catch (err) {
      setError(err);
      const target = FIELDS.find((f) => err instanceof ApiError && err.field === f);
      if (target) refs[target].current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const anyProblem = FIELDS.some((f) => problems[f]);
  return (
    <section className="settings-subsection" aria-labelledby={headingId}>
      <h3 id={headingId} className="settings-subtitle">
        {t('settingsUi.users.createTitle')}
      </h3>
      <FormError message={shown && !FIELDS.includes(shown.field as SetupField) ? shown.text : anyProblem ? t('ui.validation.summary') : null} testId="user-create-error" />
      <form className="form user-form" noValidate onSubmit={(e) => void submit(e)} data-testid="user-create">
        <Field
          label={label('username')}
          name="username"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          hint={t('ui.setup.usernameHint')}
          value={values.username}
          onValue={set('username')}
          error={fieldError('username')}
          inputRef={refs.username}
        />
        <Field label={label('displayName')} name="displayName" autoComplete="off" required value={values.displayName} onValue={set('displayName')} error={fieldError('displayName')} inputRef={refs.displayName} />
        <SelectField label={t('settingsUi.users.role')} name="role" value={role} onValue={(v) => setRole(v as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`ui.roles.${r}`)}
            </option>
          ))}
        </SelectField>
        <Field
          label={label('password')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t('settingsUi.users.passwordHint')}
          value={values.password}
          onValue={set('password')}
          error={fieldError('password')}
          inputRef={refs.password}
        />
        <Field label={label('confirm')} name="confirm" type="password" autoComplete="new-password" required value={values.confirm} onValue={set('confirm')} error={fieldError('confirm')} inputRef={refs.confirm} />
        <div className="button-row">
          <button type="submit" className="btn btn--primary" aria-busy={busy}>
            {t('settingsUi.users.create')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Staff accounts: the list (admins, supervisors), creating accounts and setting passwords (admins). */
export function UsersSection() {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const { canEdit, isAdmin } = useRoles();
  const headingId = useId();
  const [users, setUsers] = useState<User[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [passwordFor, setPasswordFor] = useState<User | null>(null);

  const load = useCallback(() => {
    api.call('users.list').then(
      (u) => {
        setUsers(u);
        setError(null);
      },
      (e: unknown) => setError(e),
    );
  }, []);

  useEffect(() => {
    if (canEdit) load();
  }, [canEdit, load]);

  return (
    <section className="panel settings-panel" aria-labelledby={headingId} data-testid="settings-users">
      <h2 id={headingId} className="panel__title">
        {t('settingsUi.users.title')}
      </h2>
      {!canEdit ? (
        <p className="notice">{t('settingsUi.users.notAllowed')}</p>
      ) : (
        <>
          {!isAdmin && <p className="notice">{t('settingsUi.users.adminOnly')}</p>}
          <FormError message={error === null ? null : describeError(t, error).text} testId="users-error" />
          {users === null ? (
            error === null && <p>{t('ui.loading')}</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table" data-testid="users-table">
                <caption className="data-table__caption">{t('settingsUi.users.caption', { count: users.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('settingsUi.users.username')}</th>
                    <th scope="col">{t('settingsUi.users.displayName')}</th>
                    <th scope="col">{t('settingsUi.users.role')}</th>
                    <th scope="col">{t('settingsUi.users.status')}</th>
                    <th scope="col">{t('settingsUi.users.createdAt')}</th>
                    {isAdmin && <th scope="col">{t('settingsUi.users.actions')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {users.map((u) => (
                    <tr key={u.id} data-username={u.username}>
                      <th scope="row">{u.username}</th>
                      <td>{u.displayName}</td>
                      <td>{t(`ui.roles.${u.role}`)}</td>
                      <td>{t(u.disabled ? 'settingsUi.users.disabled' : 'settingsUi.users.active')}</td>
                      <td className="data-table__num">{formatDateTime(u.createdAt)}</td>
                      {isAdmin && (
                        <td>
                          <button
                            type="button"
                            className="btn btn--small"
                            aria-haspopup="dialog"
                            aria-label={t('settingsUi.users.setPasswordFor', { name: u.displayName })}
                            onClick={() => setPasswordFor(u)}
                          >
                            {t('settingsUi.users.setPassword')}
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {isAdmin && (
            <>
              <CreateUserForm
                onCreated={(u) => {
                  announce(t('settingsUi.users.created', { username: u.username, role: t(`ui.roles.${u.role}`) }));
                  load();
                }}
              />
              <SetPasswordDialog
                user={passwordFor}
                onClose={() => setPasswordFor(null)}
                onDone={(u) => {
                  setPasswordFor(null);
                  announce(t('settingsUi.users.passwordSet', { name: u.displayName }));
                  load();
                }}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
