import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../core/contract/queue';
import { Panel } from '../../components/Panel';
import { timeOf, waitedMinutes } from './ticket-text';

/** The ticket called or served at this counter now: number, service, priority, the applicant from the kiosk's CCCD scan, the wait. */
export function CurrentTicket({ ticket, now }: { ticket: Ticket | null; now: number }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('queueUi.current.title')} className="queue-current" testId="queue-current">
      {ticket === null ? (
        <p data-testid="queue-current-none">{t('queueUi.current.none')}</p>
      ) : (
        <dl className="queue-current__facts" data-ticket={ticket.number} data-state={ticket.state}>
          <div className="queue-current__number">
            <dt>{t('queueUi.current.number')}</dt>
            <dd data-testid="queue-current-number">{ticket.number}</dd>
          </div>
          <div>
            <dt>{t('queueUi.current.service')}</dt>
            <dd>{ticket.serviceName}</dd>
          </div>
          <div>
            <dt>{t('queueUi.current.state')}</dt>
            <dd data-testid="queue-current-state">{t(`queueUi.states.${ticket.state}`)}</dd>
          </div>
          <div>
            <dt>{t('queueUi.current.priority')}</dt>
            <dd>{ticket.priority ? t(`queueUi.priority.${ticket.priority}`) : t('queueUi.current.noPriority')}</dd>
          </div>
          <div>
            <dt>{t('queueUi.current.applicant')}</dt>
            <dd data-testid="queue-current-applicant">
              {ticket.applicant ? t('queueUi.current.applicantValue', { name: ticket.applicant.fullName, id: ticket.applicant.idNumber }) : t('queueUi.current.noApplicant')}
            </dd>
          </div>
          <div>
            <dt>{t('queueUi.current.waited')}</dt>
            <dd>{t('queueUi.current.waitedValue', { count: waitedMinutes(ticket, now), issued: timeOf(ticket.issuedAt) })}</dd>
          </div>
          {ticket.calls > 1 && (
            <div>
              <dt>{t('queueUi.current.calls')}</dt>
              <dd>{ticket.calls}</dd>
            </div>
          )}
        </dl>
      )}
    </Panel>
  );
}
