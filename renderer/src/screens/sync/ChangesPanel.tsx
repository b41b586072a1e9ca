/**
 * The changes pulled from the central server and what applying each did here (sync.changes, newest first): a
 * result ready, a supplement requested, catalogue and calendar updates with their diff lines. Re-read when
 * 'sync.changed' says changes were applied.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppliedChange } from '../../../../core/contract/sync';
import { api } from '../../bridge';
import { useCoalescedReload } from '../../bridge/use-coalesced-reload';
import { useEvent } from '../../bridge/use-event';
import { FormError } from '../../components/FormError';
import { describeError } from '../../i18n/error-text';
import { formatSyncTime } from './sync-text';

export function ChangesPanel() {
  const { t } = useTranslation();
  const [changes, setChanges] = useState<AppliedChange[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCoalescedReload(
    null,
    () => api.call('sync.changes', { limit: 100 }),
    (_key, outcome) => {
      if (outcome.ok) {
        setChanges(outcome.value);
        setError(null);
      } else setError(describeError(t, outcome.error).text);
    },
  );
  useEffect(() => reload(), [reload]);
  useEvent('sync.changed', (d) => {
    if (d.changesApplied > 0) reload();
  });
  useEvent('events.lost', () => reload());

  return (
    <div data-testid="sync-changes">
      <FormError message={error} testId="sync-changes-error" />
      {changes !== null && changes.length === 0 && <p className="field__hint">{t('syncUi.changes.empty')}</p>}
      {changes !== null && changes.length > 0 && (
        <ol className="sync-change-list">
          {changes.map((c) => (
            <li key={c.cursor} className={c.outcome === 'failed' ? 'sync-change sync-change--failed' : 'sync-change'} data-kind={c.kind} data-outcome={c.outcome}>
              <p className="sync-change__head">
                <strong>{t(`syncUi.changes.kinds.${c.kind}`)}</strong>
                {c.dossierCode && <span> · {c.dossierCode}</span>}
                <span> · {formatSyncTime(c.appliedAt)}</span>
                <span className={c.outcome === 'failed' ? 'sync-bad' : undefined}> · {t(`syncUi.changes.outcomes.${c.outcome}`)}</span>
              </p>
              {c.error && <p className="sync-bad">{c.error.message}</p>}
              {c.diff.length > 0 ? (
                <ul className="sync-diff" aria-label={t('syncUi.changes.diff')}>
                  {c.diff.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              ) : (
                <p className="field__hint">{t('syncUi.changes.noDiff')}</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
