import { useTranslation } from 'react-i18next';
import { ScreenPage } from '../../components/ScreenPage';

/** Placeholder until the queue feature lands; it keeps the route, heading and focus handling in place. */
export function QueueScreen() {
  const { t } = useTranslation();
  return (
    <ScreenPage title={t('ui.screens.queue.title')}>
      <p className="screen__lead">{t('ui.screens.queue.upcoming')}</p>
    </ScreenPage>
  );
}
