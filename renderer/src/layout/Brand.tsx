import { useTranslation } from 'react-i18next';

export function Brand() {
  const { t } = useTranslation();
  return (
    <div className="brand">
      <span className="brand__name">{t('ui.appName')}</span>
      <span className="brand__tagline">{t('ui.appTagline')}</span>
    </div>
  );
}
