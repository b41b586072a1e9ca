/**
 * Settings → Đồng bộ: the status for everyone (with "Đồng bộ ngay"); enrolment for admins; the outbox with
 * retry-now for supervisors and admins (the contract's access: clerks do not see what they cannot do); the
 * changes received from the central server.
 */
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel';
import { useRoles } from '../settings/useRoles';
import { ChangesPanel } from './ChangesPanel';
import { EnrolForm } from './EnrolForm';
import { OutboxPanel } from './OutboxPanel';
import { SyncOverview } from './SyncOverview';
import { useSyncStatus } from './useSyncStatus';
import './sync.css';

export function SyncSection() {
  const { t } = useTranslation();
  const { canEdit, isAdmin } = useRoles();
  const live = useSyncStatus();
  const enrolled = live.view?.kind === 'status' && live.view.status.enrolled;
  return (
    <div className="sync-section" data-testid="settings-sync">
      <Panel title={t('syncUi.overview.title')} className="settings-panel" testId="sync-status-panel">
        <SyncOverview view={live.view} isAdmin={isAdmin} onSynced={live.reload} />
      </Panel>
      {isAdmin && (
        <Panel title={enrolled ? t('syncUi.enrol.reTitle') : t('syncUi.enrol.title')} className="settings-panel" testId="sync-enrol-panel">
          <EnrolForm enrolled={enrolled} onEnrolled={live.show} />
        </Panel>
      )}
      {canEdit && enrolled && (
        <Panel title={t('syncUi.outbox.title')} className="settings-panel" testId="sync-outbox-panel">
          <OutboxPanel />
        </Panel>
      )}
      {enrolled && (
        <Panel title={t('syncUi.changes.title')} className="settings-panel" testId="sync-changes-panel">
          <ChangesPanel />
        </Panel>
      )}
    </div>
  );
}
