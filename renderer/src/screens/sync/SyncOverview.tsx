/**
 * Sync at a glance, for everyone at the counter (the header's dialog and Settings → Sync): the central server and
 * counter id, what waits (dossiers, items, bytes), when it last worked and tries next, the recent errors with their
 * reasons (refusals marked), and "Đồng bộ ngay".
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncError } from '../../../../core/contract/sync';
import { useAnnouncer } from '../../a11y/Announcer';
import { api } from '../../bridge';
import { FormError } from '../../components/FormError';
import { describeError } from '../../i18n/error-text';
import { distinctErrors, formatBytes, formatSyncTime, type SyncView } from './sync-text';
import './sync.css';

export function SyncOverview({ view, isAdmin, onSynced }: { view: SyncView | null; isAdmin: boolean; onSynced(): void }) {
  const { t, i18n } = useTranslation();
  if (!view) return null;
  if (view.kind === 'unreadable') return <p className="notice">{t('syncUi.header.unreadable')}</p>;
  if (view.kind === 'not_enrolled' || !view.status.enrolled) {
    return (
      <div data-testid="sync-overview" data-activity="not_enrolled">
        <p className="notice">{t('syncUi.overview.notEnrolled')}</p>
        {!isAdmin && <p className="field__hint">{t('syncUi.overview.notEnrolledClerk')}</p>}
      </div>
    );
  }
  const s = view.status;
  const time = (iso: string | null) => (iso ? formatSyncTime(iso) : t('syncUi.overview.never'));
  return (
    <div data-testid="sync-overview" data-activity={s.activity} data-pending={s.pendingDossiers}>
      <dl className="sync-facts">
        <dt>{t('syncUi.overview.central')}</dt>
        <dd>
          <code data-testid="sync-central">{s.central}</code>
        </dd>
        <dt>{t('syncUi.overview.counter')}</dt>
        <dd data-testid="sync-counter">{s.counterId}</dd>
        <dt>{t('syncUi.overview.state')}</dt>
        <dd className={s.activity === 'offline' ? 'sync-bad' : undefined} data-testid="sync-activity">
          {t(`syncUi.overview.activity.${s.activity}`)}
        </dd>
        <dt>{t('syncUi.overview.waiting')}</dt>
        <dd data-testid="sync-waiting">
          {s.pendingEvents === 0
            ? t('syncUi.overview.nothingWaiting')
            : t(s.pendingBytes > 0 ? 'syncUi.overview.waitingBytes' : 'syncUi.overview.waitingValue', { dossiers: s.pendingDossiers, events: s.pendingEvents, bytes: formatBytes(s.pendingBytes, i18n.language) })}
        </dd>
        {s.oldestPendingAt && (
          <>
            <dt>{t('syncUi.overview.oldest')}</dt>
            <dd>{formatSyncTime(s.oldestPendingAt)}</dd>
          </>
        )}
        <dt>{t('syncUi.overview.lastSuccess')}</dt>
        <dd data-testid="sync-last-success">{time(s.lastSuccessAt)}</dd>
        <dt>{t('syncUi.overview.lastAttempt')}</dt>
        <dd>{time(s.lastAttemptAt)}</dd>
        {s.nextAttemptAt && s.pendingEvents > 0 && (
          <>
            <dt>{t('syncUi.overview.nextAttempt')}</dt>
            <dd>{formatSyncTime(s.nextAttemptAt)}</dd>
          </>
        )}
        {s.rejected > 0 && (
          <>
            <dt>{t('syncUi.overview.rejected')}</dt>
            <dd className="sync-bad">{s.rejected}</dd>
          </>
        )}
      </dl>
      <SyncNowButton onSynced={onSynced} />
      <SyncErrors errors={distinctErrors(s.errors)} />
    </div>
  );
}

function SyncErrors({ errors }: { errors: readonly SyncError[] }) {
  const { t } = useTranslation();
  return (
    <section className="sync-errors" aria-label={t('syncUi.overview.errorsTitle')}>
      <h3 className="sync-subtitle">{t('syncUi.overview.errorsTitle')}</h3>
      {errors.length === 0 ? (
        <p className="field__hint">{t('syncUi.overview.noErrors')}</p>
      ) : (
        <ul className="sync-error-list" data-testid="sync-errors">
          {errors.map((e, i) => (
            <li key={`${e.at}-${e.itemId ?? 'link'}-${i}`} className={e.kind === 'rejected' ? 'sync-error sync-error--rejected' : 'sync-error'} data-kind={e.kind} data-code={e.code}>
              <strong>{t(`syncUi.overview.errorKind.${e.kind}`)}</strong>{' '}
              {t('syncUi.overview.errorLine', {
                at: formatSyncTime(e.at),
                what: e.dossierCode || e.dossierId ? t('syncUi.overview.errorDossier', { code: e.dossierCode ?? e.dossierId }) : t('syncUi.overview.errorGeneral'),
                message: e.message,
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "Đồng bộ ngay": every pending item tried at once, then changes pulled; the outcome is announced. */
export function SyncNowButton({ onSynced }: { onSynced(): void }) {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.call('sync.now', {});
      announce(t('syncUi.announce.synced', r));
    } catch (e) {
      setError(describeError(t, e).text);
    } finally {
      setBusy(false);
      onSynced();
    }
  };
  return (
    <div className="sync-now">
      <button type="button" className="btn btn--primary" aria-busy={busy} data-testid="sync-now" onClick={() => void run()}>
        {busy ? t('syncUi.overview.syncing') : t('syncUi.overview.syncNow')}
      </button>
      <FormError message={error} testId="sync-now-error" />
    </div>
  );
}
