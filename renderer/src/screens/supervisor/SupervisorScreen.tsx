import { useTranslation } from 'react-i18next';
import { ScreenPage } from '../../components/ScreenPage';

/** Placeholder until the supervisor feature lands; it keeps the route, heading and focus handling in place. */
export function SupervisorScreen() {
  const { t } = useTranslation();
  return (
    <ScreenPage title={t('ui.screens.supervisor.title')}>
      <p className="screen__lead">{t('ui.screens.supervisor.upcoming')}</p>
    </ScreenPage>
  );
}
