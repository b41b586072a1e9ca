import { useTranslation } from 'react-i18next';
import type { QueueConfig, Ticket } from '../../../../core/contract/queue';
import { Panel } from '../../components/Panel';
import { timeOf, waitedMinutes } from './ticket-text';

/** The services this counter calls from (every active one while no counter is configured). */
export function servedGroups(config: QueueConfig, counter: number | null): QueueConfig['groups'] {
  if (!config.countersConfigured) return config.groups.filter((g) => g.active);
  const c = config.counters.find((x) => x.number === counter);
  return config.groups.filter((g) => c?.groups.includes(g.code));
}

/** Today's waiting tickets per service this counter serves, in the order they were taken; priority ones marked. */
export function WaitingList({ config, counter, waiting, now }: { config: QueueConfig; counter: number | null; waiting: Ticket[]; now: number }) {
  const { t } = useTranslation();
  const groups = servedGroups(config, counter);
  return (
    <Panel title={t('queueUi.waiting.title')} className="queue-waiting" testId="queue-waiting">
      {groups.length === 0 && <p>{t('queueUi.waiting.noGroups')}</p>}
      {groups.map((g) => {
        const rows = waiting.filter((w) => w.service === g.code).sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
        return (
          <div key={g.code} className="table-scroll queue-waiting__group" data-service={g.code}>
            <table className="data-table">
              <caption className="data-table__caption">{t('queueUi.waiting.caption', { name: g.name, count: rows.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('queueUi.waiting.number')}</th>
                  <th scope="col">{t('queueUi.waiting.priority')}</th>
                  <th scope="col">{t('queueUi.waiting.issued')}</th>
                  <th scope="col">{t('queueUi.waiting.note')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 ? (
                  <tr>
                    <td colSpan={4}>{t('queueUi.waiting.empty')}</td>
                  </tr>
                ) : (
                  rows.map((w) => (
                    <tr key={w.id} data-ticket={w.number}>
                      <th scope="row">{w.number}</th>
                      <td>{w.priority ? t(`queueUi.priority.${w.priority}`) : ''}</td>
                      <td>{t('queueUi.waiting.issuedValue', { time: timeOf(w.issuedAt), count: waitedMinutes(w, now) })}</td>
                      <td>
                        {[
                          w.targetCounter !== null ? t('queueUi.waiting.forCounter', { counter: w.targetCounter }) : '',
                          w.transfers > 0 ? t('queueUi.waiting.transferred') : '',
                          w.purpose === 'collect' ? t('queueUi.purpose.collect') : '',
                        ]
                          .filter(Boolean)
                          .join('; ')}
                      </td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        );
      })}
    </Panel>
  );
}
