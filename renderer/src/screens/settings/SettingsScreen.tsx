import { useTranslation } from 'react-i18next';
import { ScreenPage } from '../../components/ScreenPage';
import { SystemInfoPanel } from './SystemInfoPanel';

export function SettingsScreen() {
  const { t } = useTranslation();
  return (
    <ScreenPage title={t('ui.screens.settings.title')}>
      <p className="screen__lead">{t('ui.screens.settings.upcoming')}</p>
      <SystemInfoPanel />
    </ScreenPage>
  );
}
