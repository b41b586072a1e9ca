import { useTranslation } from 'react-i18next';
import { ScreenPage } from '../../components/ScreenPage';

export function NotFoundScreen() {
  const { t } = useTranslation();
  return (
    <ScreenPage title={t('ui.screens.notFound.title')}>
      <p className="screen__lead">{t('ui.screens.notFound.body')}</p>
    </ScreenPage>
  );
}
