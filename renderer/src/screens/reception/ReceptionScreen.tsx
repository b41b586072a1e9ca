import { useTranslation } from 'react-i18next';
import { ScreenPage } from '../../components/ScreenPage';

/** Placeholder until the reception feature lands; it keeps the route, heading and focus handling in place. */
export function ReceptionScreen() {
  const { t } = useTranslation();
  return (
    <ScreenPage title={t('ui.screens.reception.title')}>
      <p className="screen__lead">{t('ui.screens.reception.upcoming')}</p>
    </ScreenPage>
  );
}
