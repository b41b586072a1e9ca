import { useTranslation } from 'react-i18next';
import { ScreenPage } from '../../components/ScreenPage';
import './kiosk.css';

/** The citizen-facing ticket kiosk (full screen, large type). Placeholder until the queue feature lands. */
export function KioskScreen() {
  const { t } = useTranslation();
  return (
    <ScreenPage title={t('ui.screens.kiosk.title')} className="kiosk">
      <p className="kiosk__lead">{t('ui.screens.kiosk.upcoming')}</p>
    </ScreenPage>
  );
}
