import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User, UserView } from '../../../../core/contract/auth';
import { ROLES, type Role } from '../../../../core/contract/method';
import { useAnnouncer } from '../../a11y/Announcer';
import { AccountFields } from '../../accounts/AccountFields';
import { UserRowActions } from '../../accounts/UserRowActions';
import { useAccountForm } from '../../accounts/useAccountForm';
import { ACCOUNT_FIELDS, type AccountField } from '../../accounts/validate';
import { api } from '../../bridge';
import { FormError } from '../../components/FormError';
import { Panel } from '../../components/Panel';
import { SelectField } from '../../components/SelectField';
import { SubmitButton } from '../../components/SubmitButton';
import { formatDateTime } from '../../format/date-time';
import { describeError } from '../../i18n/error-text';
import { SetPasswordDialog } from './SetPasswordDialog';
import { useRoles } from './useRoles';

function CreateUserForm({ onCreated }: { onCreated(u: User): void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const form = useAccountForm((f) => t(`settingsUi.users.${f}`));
  const [role, setRole] = useState<Role>('clerk');

  const submit = form.submitHandler(async (account, el) => {
    const u = await api.call('users.create', { ...account, role });
    form.reset(el);
    onCreated(u);
  });

  const { shown } = form;
  return (
    <section className="settings-subsection" aria-labelledby={headingId}>
      <h3 id={headingId} className="settings-subtitle">
        {t('settingsUi.users.createTitle')}
      </h3>
      <FormError message={shown && !ACCOUNT_FIELDS.includes(shown.field as AccountField) ? shown.text : form.hasProblems ? t('ui.validation.summary') : null} testId="user-create-error" />
      <form className="form user-form" noValidate onSubmit={(e) => void submit(e)} data-testid="user-create">
        <AccountFields form={form} usernameHint={t('ui.setup.usernameHint')} passwordHint={t('settingsUi.users.passwordHint')} ownAccount={false}>
          <SelectField label={t('settingsUi.users.role')} name="role" value={role} onValue={(v) => setRole(v as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`ui.roles.${r}`)}
              </option>
            ))}
          </SelectField>
        </AccountFields>
        <div className="button-row">
          <SubmitButton label={t('settingsUi.users.create')} busy={form.busy} />
        </div>
      </form>
    </section>
  );
}

/** Staff accounts: the list with lock state (admins, supervisors); creating, unlocking, disabling, roles and passwords (admins). */
export function UsersSection() {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const { canEdit, isAdmin } = useRoles();
  const [users, setUsers] = useState<UserView[] | null>(null);
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
    <Panel title={t('settingsUi.users.title')} className="settings-panel" testId="settings-users">
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
                      <td data-testid="user-status">
                        {t(u.disabled ? 'settingsUi.users.disabled' : 'settingsUi.users.active')}
                        {u.lockedUntil && (
                          <>
                            <br />
                            <strong>{t('settingsUi.users.lockedUntil', { time: formatDateTime(u.lockedUntil) })}</strong>
                          </>
                        )}
                      </td>
                      <td className="data-table__num">{formatDateTime(u.createdAt)}</td>
                      {isAdmin && (
                        <td>
                          <UserRowActions
                            user={u}
                            onSetPassword={setPasswordFor}
                            onDone={(message) => {
                              setError(null);
                              announce(message);
                              load();
                            }}
                            onError={setError}
                          />
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
    </Panel>
  );
}
