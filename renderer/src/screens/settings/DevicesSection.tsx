import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel';

/** Placeholder: scanners and printers are configured in later issues. */
export function DevicesSection() {
  const { t } = useTranslation();
  return (
    <Panel title={t('settingsUi.devices.title')} className="settings-panel" testId="settings-devices">
      <p>{t('settingsUi.devices.body')}</p>
      <p className="field__hint">{t('settingsUi.devices.now')}</p>
    </Panel>
  );
}
