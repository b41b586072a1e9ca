import { useTranslation } from 'react-i18next';
import { ScreenPage } from '../../components/ScreenPage';
import { useSession } from '../../session/session-context';

export function ForbiddenScreen() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <ScreenPage title={t('ui.screens.forbidden.title')}>
      <p className="screen__lead">{t('ui.screens.forbidden.body', { role: user ? t(`ui.roles.${user.role}`) : '' })}</p>
    </ScreenPage>
  );
}
