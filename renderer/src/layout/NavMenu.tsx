import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { User } from '../../../core/contract/auth';
import { canOpen, SCREENS } from '../app/screens';
import { comboLabel } from '../shortcuts/keys';
import { SHORTCUTS } from '../shortcuts/registry';

/** The screens this user may open, each with its shortcut from the registry. */
export function NavMenu({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <nav className="app-nav" aria-label={t('ui.nav.label')}>
      <ul className="app-nav__list">
        {SCREENS.filter((s) => canOpen(s, user.role)).map((s) => {
          const combo = SHORTCUTS.find((sc) => sc.id === `screen.${s.id}`)?.combos[0];
          const keys = combo ? comboLabel(combo) : undefined;
          return (
            <li key={s.id}>
              <NavLink to={s.path} className="app-nav__link" aria-keyshortcuts={keys} data-screen={s.id}>
                <span>{t(`ui.nav.${s.id}`)}</span>
                {keys && (
                  <kbd className="app-nav__key" aria-hidden="true">
                    {keys}
                  </kbd>
                )}
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
