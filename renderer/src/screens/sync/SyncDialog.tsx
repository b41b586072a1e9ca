/**
 * The header's sync dialog: the overview (what waits, last success, errors with reasons, "Đồng bộ ngay") and the
 * way to Settings → Sync, where enrolment, the outbox and the changes received are.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Dialog } from '../../components/Dialog';
import type { SyncView } from './sync-text';
import { SyncOverview } from './SyncOverview';

export function SyncDialog({ open, view, isAdmin, onClose, onSynced }: { open: boolean; view: SyncView; isAdmin: boolean; onClose(): void; onSynced(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const heading = useRef<HTMLParagraphElement>(null);
  const toSettings = () => {
    onClose();
    void navigate('/settings?section=sync');
  };
  return (
    <Dialog open={open} title={t('syncUi.dialog.title')} onClose={onClose} initialFocus={heading} className="dialog--wide" testId="sync-dialog">
      <p ref={heading} tabIndex={-1} className="sync-dialog__lead">
        {t('syncUi.overview.title')}
      </p>
      <SyncOverview view={view} isAdmin={isAdmin} onSynced={onSynced} />
      <div className="dialog__actions">
        <button type="button" className="btn" data-testid="sync-open-settings" onClick={toSettings}>
          {t('syncUi.dialog.openSettings')}
        </button>
        <button type="button" className="btn" onClick={onClose}>
          {t('syncUi.dialog.close')}
        </button>
      </div>
    </Dialog>
  );
}
