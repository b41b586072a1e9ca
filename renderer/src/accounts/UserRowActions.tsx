import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../core/contract/auth';
import { ROLES, type Role } from '../../../core/contract/method';
import { api } from '../bridge';

/**
 * An administrator's actions on one account row: unlock (only while held back), disable/enable, change role
 * (chosen, then applied with its button: a select that acted on change would fire on every arrow key).
 * Each call's result or error goes to the section, which announces it and reloads the list.
 * The select starts at the account's role and starts again at it whenever that role changes (applied here, or by
 * another admin and seen when the list reloads), so it never offers a stale role as the current one; this holds
 * without the caller keying the component by role.
 */
export function UserRowActions({
  user,
  onSetPassword,
  onDone,
  onError,
}: {
  user: UserView;
  onSetPassword(u: UserView): void;
  onDone(message: string): void;
  onError(e: unknown): void;
}) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(user.role);
  // React's "adjust state when a prop changes" pattern: reset during render, no effect and no stale frame.
  const [shownRole, setShownRole] = useState<Role>(user.role);
  if (shownRole !== user.role) {
    setShownRole(user.role);
    setRole(user.role);
  }
  const [busy, setBusy] = useState(false);
  const name = user.displayName;

  const act = async (fn: () => Promise<UserView>, message: (u: UserView) => string) => {
    if (busy) return;
    setBusy(true);
    try {
      onDone(message(await fn()));
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="button-row user-actions">
      <button type="button" className="btn btn--small" aria-haspopup="dialog" aria-label={t('settingsUi.users.setPasswordFor', { name })} onClick={() => onSetPassword(user)}>
        {t('settingsUi.users.setPassword')}
      </button>
      {user.lockedUntil && (
        <button
          type="button"
          className="btn btn--small"
          aria-label={t('settingsUi.users.unlockFor', { name })}
          aria-busy={busy}
          onClick={() => void act(() => api.call('users.unlock', { userId: user.id }), () => t('settingsUi.users.unlocked', { name }))}
        >
          {t('settingsUi.users.unlock')}
        </button>
      )}
      <button
        type="button"
        className={user.disabled ? 'btn btn--small' : 'btn btn--small btn--danger-outline'}
        aria-label={t(user.disabled ? 'settingsUi.users.enableFor' : 'settingsUi.users.disableFor', { name })}
        aria-busy={busy}
        onClick={() =>
          void act(
            () => api.call('users.setDisabled', { userId: user.id, disabled: !user.disabled }),
            (u) => t(u.disabled ? 'settingsUi.users.disabledDone' : 'settingsUi.users.enabledDone', { name }),
          )
        }
      >
        {t(user.disabled ? 'settingsUi.users.enable' : 'settingsUi.users.disable')}
      </button>
      <select className="user-actions__role" aria-label={t('settingsUi.users.newRole', { name })} value={role} onChange={(e) => setRole(e.target.value as Role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`ui.roles.${r}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn btn--small"
        aria-label={t('settingsUi.users.changeRoleFor', { name })}
        aria-busy={busy}
        disabled={role === user.role}
        onClick={() =>
          void act(
            () => api.call('users.setRole', { userId: user.id, role }),
            (u) => t('settingsUi.users.roleChanged', { name, role: t(`ui.roles.${u.role}`) }),
          )
        }
      >
        {t('settingsUi.users.changeRole')}
      </button>
    </div>
  );
}
