import { useTranslation } from 'react-i18next';
import type { User } from '../../../core/contract/auth';
import { useShell } from '../shortcuts/shell-context';

/** Who is working on this computer, with the logout button (asks first, like Ctrl+L). */
export function UserBar({ user }: { user: User }) {
  const { t } = useTranslation();
  const { requestLogout } = useShell();
  return (
    <div className="user-bar">
      <p className="user-bar__who" data-testid="current-user">
        <span className="visually-hidden">{t('ui.user.label')}: </span>
        <span className="user-bar__name">{user.displayName}</span>
        <span className="user-bar__role">{t(`ui.roles.${user.role}`)}</span>
      </p>
      <button type="button" className="btn btn--chrome" aria-keyshortcuts="Control+L" onClick={requestLogout} data-testid="logout-button">
        {t('ui.user.logout')} <kbd className="btn__key">Ctrl+L</kbd>
      </button>
    </div>
  );
}
