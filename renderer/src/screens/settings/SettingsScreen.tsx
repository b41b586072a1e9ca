import { useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ScreenPage } from '../../components/ScreenPage';
import { CatalogueSection } from './CatalogueSection';
import { CounterSection } from './CounterSection';
import { DevicesSection } from './DevicesSection';
import { PairedDevicesSection } from './PairedDevicesSection';
import { PrintersSection } from '../printing/PrintersSection';
import { QueueSettingsSection } from './queue/QueueSettingsSection';
import { SyncSection } from '../sync/SyncSection';
import { SettingsTabs } from './SettingsTabs';
import { SystemInfoPanel } from './SystemInfoPanel';
import { useRoles } from './useRoles';
import { UsersSection } from './UsersSection';
import { WorkingTimeSection } from './WorkingTimeSection';
import './settings.css';

const SECTIONS = ['counter', 'calendar', 'catalogue', 'users', 'devices', 'pairing', 'queue', 'sync', 'printers'] as const;
type Section = (typeof SECTIONS)[number];

/** Tabs whose label lives with their feature's messages. */
const TAB_LABELS: Partial<Record<Section, string>> = { queue: 'queueUi.settings.tab', pairing: 'kioskUi.devices.tab' };

const PANELS: Record<Section, ComponentType> = {
  counter: CounterSection,
  calendar: WorkingTimeSection,
  catalogue: CatalogueSection,
  users: UsersSection,
  devices: DevicesSection,
  pairing: PairedDevicesSection,
  printers: PrintersSection,
  sync: SyncSection,
  queue: QueueSettingsSection,
};

/**
 * Settings in sections (tabs): counter and forms, working time and holidays, the catalogue, accounts, devices,
 * printers, sync with the central system.
 * Admins and supervisors edit; clerks read. ?section=… opens a section directly (kept out of later navigation,
 * which would move focus to the heading on every tab change).
 */
export function SettingsScreen() {
  const { t } = useTranslation();
  const { canEdit } = useRoles();
  const [params] = useSearchParams();
  const visible = SECTIONS.filter((s) => (s !== 'users' && s !== 'pairing') || canEdit);
  const [selected, setSelected] = useState<Section>(() => {
    const asked = params.get('section') as Section | null;
    return asked && visible.includes(asked) ? asked : 'counter';
  });
  // Asked again while the screen is open (the header's sync dialog links to ?section=sync): that tab is selected.
  const askedNow = params.get('section') as Section | null;
  const [seenAsked, setSeenAsked] = useState(askedNow);
  if (askedNow !== seenAsked) {
    setSeenAsked(askedNow);
    if (askedNow && visible.includes(askedNow)) setSelected(askedNow);
  }
  const Panel = PANELS[selected];

  return (
    <ScreenPage title={t('ui.screens.settings.title')} className="settings-screen">
      <p className="screen__lead">{t('settingsUi.lead')}</p>
      <SettingsTabs<Section>
        tabs={visible.map((id) => ({ id, label: t(TAB_LABELS[id] ?? `settingsUi.tabs.${id}`) }))}
        selected={selected}
        onSelect={setSelected}
        label={t('settingsUi.tabs.label')}
        prefix="settings"
      />
      <div role="tabpanel" id={`settings-panel-${selected}`} aria-labelledby={`settings-tab-${selected}`} className="tabs__panel" data-section={selected}>
        <Panel />
      </div>
      <SystemInfoPanel />
    </ScreenPage>
  );
}
