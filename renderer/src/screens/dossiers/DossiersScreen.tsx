import { useTranslation } from 'react-i18next';
import { ScreenPage } from '../../components/ScreenPage';

/** Placeholder until the dossiers feature lands; it keeps the route, heading and focus handling in place. */
export function DossiersScreen() {
  const { t } = useTranslation();
  return (
    <ScreenPage title={t('ui.screens.dossiers.title')}>
      <p className="screen__lead">{t('ui.screens.dossiers.upcoming')}</p>
    </ScreenPage>
  );
}
