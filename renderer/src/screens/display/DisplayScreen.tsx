import { useTranslation } from 'react-i18next';
import { ScreenPage } from '../../components/ScreenPage';
import './display.css';

/** The queue display board facing the waiting room (full screen). Placeholder until the queue feature lands. */
export function DisplayScreen() {
  const { t } = useTranslation();
  return (
    <ScreenPage title={t('ui.screens.display.title')} className="display-board">
      <p className="display-board__lead">{t('ui.screens.display.upcoming')}</p>
    </ScreenPage>
  );
}
