/**
 * Sync in the header, always there (like the print queue line): "Đồng bộ: 12 hồ sơ · 3,4 MB chờ gửi · Đồng bộ lần
 * cuối 10:42", offline or not enrolled, and the errors' count; it opens the sync dialog. Live from 'sync.changed'.
 * The line itself is not a live region (its counts move with every item sent): the app's polite region says only
 * the turns that matter — the central lost or back, everything sent, new refusals.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnouncer } from '../../a11y/Announcer';
import { useRoles } from '../settings/useRoles';
import { announcement, distinctErrors, headerLine, heardOf, type Heard } from './sync-text';
import { SyncDialog } from './SyncDialog';
import { useSyncStatus } from './useSyncStatus';
import './sync.css';

export function SyncStatusLine() {
  const { t, i18n } = useTranslation();
  const announce = useAnnouncer();
  const { isAdmin } = useRoles();
  const live = useSyncStatus();
  const { view, eventReason } = live;
  const [open, setOpen] = useState(false);
  const heard = useRef<Heard | null>(null);

  useEffect(() => {
    if (!view) return;
    const after = heardOf(view);
    const reason = eventReason ?? (view.kind === 'status' ? (view.status.errors[0]?.message ?? null) : null);
    const say = announcement(t, heard.current, after, reason);
    heard.current = after;
    if (say) announce(say);
  }, [view, eventReason, t, announce]);

  if (!view) return null;
  const line = headerLine(t, view, i18n.language);
  const status = view.kind === 'status' ? view.status : null;
  return (
    <>
      <button
        type="button"
        className={`btn btn--chrome sync-line sync-line--${line.tone}`}
        aria-haspopup="dialog"
        data-testid="sync-status"
        data-state={status ? (status.enrolled ? status.activity : 'not_enrolled') : view.kind}
        data-pending={status?.pendingDossiers ?? 0}
        data-errors={status ? distinctErrors(status.errors).length : 0}
        onClick={() => setOpen(true)}
      >
        {/* Spaces between the parts: the button's accessible name is read as one sentence. */}
        <span>{t('syncUi.header.label')}</span>{' '}
        <span data-testid="sync-status-text">{line.parts.join(' · ')}</span>
        {line.errors && (
          <>
            {' · '}
            <span className="sync-line__errors">{line.errors}</span>
          </>
        )}
      </button>
      <SyncDialog open={open} view={view} isAdmin={isAdmin} onClose={() => setOpen(false)} onSynced={live.reload} />
    </>
  );
}
