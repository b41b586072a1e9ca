/**
 * The outbox for supervisors and admins (sync.outbox, pending and refused, oldest first): the dossier, what the
 * item carries, its state, attempts, next try and the last reason; a refused item stands out with the server's
 * reason. "Thử lại ngay" per row (a refused one is sent again) and for all (sync.retry). Re-read on 'sync.changed'.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../../../core/contract/sync';
import { useAnnouncer } from '../../a11y/Announcer';
import { api } from '../../bridge';
import { useCoalescedReload } from '../../bridge/use-coalesced-reload';
import { useEvent } from '../../bridge/use-event';
import { FormError } from '../../components/FormError';
import { describeError } from '../../i18n/error-text';
import { formatBytes, formatSyncTime, outboxRowText } from './sync-text';

export function OutboxPanel() {
  const { t, i18n } = useTranslation();
  const announce = useAnnouncer();
  const captionId = useId();
  const [items, setItems] = useState<OutboxItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const reload = useCoalescedReload(
    null,
    () => api.call('sync.outbox', { limit: 200 }),
    (_key, outcome) => {
      if (outcome.ok) {
        setItems(outcome.value);
        setError(null);
      } else setError(describeError(t, outcome.error).text);
    },
  );
  useEffect(() => reload(), [reload]);
  useEvent('sync.changed', () => reload());
  useEvent('events.lost', () => reload());

  const retry = async (item: OutboxItem | null) => {
    if (busy) return;
    setBusy(item ? String(item.id) : 'all');
    setError(null);
    try {
      const r = await api.call('sync.retry', item ? { itemId: item.id } : {});
      announce(item ? t('syncUi.announce.retried', { code: codeOf(item) }) : t('syncUi.announce.retriedAll', { count: r.due }));
      reload();
    } catch (e) {
      setError(describeError(t, e).text);
    } finally {
      setBusy(null);
    }
  };

  const codeOf = (i: OutboxItem) => i.dossierCode ?? t('syncUi.outbox.noCode');
  const list = items ?? [];
  return (
    <div className="sync-outbox" data-testid="sync-outbox">
      <p className="field__hint">{t('syncUi.outbox.lead')}</p>
      <FormError message={error} testId="sync-outbox-error" />
      {items !== null && (
        <p id={captionId} className="sync-outbox__count" data-testid="sync-outbox-count">
          {list.length === 0 ? t('syncUi.outbox.empty') : t('syncUi.outbox.count', { count: list.length })}
        </p>
      )}
      {list.length > 0 && (
        <>
          <div className="button-row">
            <button type="button" className="btn" aria-busy={busy === 'all'} data-testid="sync-retry-all" onClick={() => void retry(null)}>
              {t('syncUi.outbox.retryAll')}
            </button>
          </div>
          <div className="table-scroll">
            <table className="data-table" aria-labelledby={captionId} data-testid="sync-outbox-items">
              <thead>
                <tr>
                  <th scope="col">{t('syncUi.outbox.dossier')}</th>
                  <th scope="col">{t('syncUi.outbox.what')}</th>
                  <th scope="col">{t('syncUi.outbox.state')}</th>
                  <th scope="col">{t('syncUi.outbox.attempts')}</th>
                  <th scope="col">{t('syncUi.outbox.nextTry')}</th>
                  <th scope="col">{t('syncUi.outbox.reason')}</th>
                  <th scope="col">{t('syncUi.outbox.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((i) => {
                  const row = outboxRowText(t, i, t('syncUi.outbox.noCode'));
                  const rejected = row.rejected;
                  return (
                    <tr key={i.id} data-item={i.id} data-state={i.state} className={rejected ? 'sync-row--rejected' : undefined}>
                      <th scope="row" className="data-table__text">
                        {codeOf(i)}
                      </th>
                      <td className="data-table__text">
                        {t(`syncUi.outbox.kinds.${i.kind}`, { seq: i.seq })}
                        {i.bytes > 0 && <span className="field__hint"> · {t('syncUi.outbox.bytes', { bytes: formatBytes(i.bytes, i18n.language) })}</span>}
                      </td>
                      <td className={rejected ? 'sync-bad' : undefined}>{row.state}</td>
                      <td className="data-table__num">{i.attempts}</td>
                      <td>{i.state === 'pending' ? (i.nextAttemptAt ? formatSyncTime(i.nextAttemptAt) : t('syncUi.outbox.now')) : ''}</td>
                      <td className={rejected ? 'data-table__text sync-bad' : 'data-table__text'} data-testid="sync-item-reason">
                        {row.reason}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="btn"
                          aria-busy={busy === String(i.id)}
                          aria-label={row.actionLabel}
                          data-testid="sync-retry"
                          onClick={() => void retry(i)}
                        >
                          {row.action}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
