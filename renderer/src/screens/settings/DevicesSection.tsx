import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Placeholder: scanners and printers are configured in later issues. */
export function DevicesSection() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="panel settings-panel" aria-labelledby={headingId} data-testid="settings-devices">
      <h2 id={headingId} className="panel__title">
        {t('settingsUi.devices.title')}
      </h2>
      <p>{t('settingsUi.devices.body')}</p>
      <p className="field__hint">{t('settingsUi.devices.now')}</p>
    </section>
  );
}
