import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel';
import { ScannerSettings } from './ScannerSettings';
import { ScannersFound } from './ScannersFound';
import { useRoles } from './useRoles';

/**
 * Devices: document scanners (those found now, eSCL addresses, the folder scanner). Everyone sees them; admins and
 * supervisors change them. The HID barcode scanner needs no setting; printers have their own tab (Printers).
 */
export function DevicesSection() {
  const { t } = useTranslation();
  const { canEdit } = useRoles();
  // Bumped after each save, so the list of scanners found is read again.
  const [version, setVersion] = useState(0);
  return (
    <>
      <Panel title={t('scanner.settings.title')} className="settings-panel" testId="settings-devices">
        {!canEdit && <p className="notice">{t('settingsUi.readOnly')}</p>}
        <p className="field__hint">{t('scanner.settings.lead')}</p>
        <ScannersFound version={version} />
        <ScannerSettings canEdit={canEdit} onSaved={() => setVersion((v) => v + 1)} />
      </Panel>
      <Panel title={t('settingsUi.devices.title')} className="settings-panel" testId="settings-other-devices">
        <p>{t('settingsUi.devices.body')}</p>
        <p className="field__hint">{t('settingsUi.devices.now')}</p>
      </Panel>
    </>
  );
}
