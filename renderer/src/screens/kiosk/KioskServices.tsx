import { useTranslation } from 'react-i18next';
import type { QueueStatus } from '../../../../core/contract/queue';

export type ServiceStatus = QueueStatus['services'][number];

/**
 * The services as large touch targets. A closed one stays in the list and in the Tab order (aria-disabled, so a
 * keyboard or screen-reader user hears why it is closed) but does nothing when pressed.
 */
export function KioskServices({ services, busy, onChoose }: { services: readonly ServiceStatus[]; busy: boolean; onChoose(s: ServiceStatus): void }) {
  const { t } = useTranslation();
  return (
    <ul className="kiosk-services" aria-label={t('kioskUi.kiosk.services')}>
      {services.map((s) => {
        const closed = !s.open;
        return (
          <li key={s.code}>
            <button
              type="button"
              className={closed ? 'kiosk-service kiosk-service--closed' : 'kiosk-service'}
              aria-disabled={closed || busy || undefined}
              data-testid="kiosk-service"
              data-code={s.code}
              onClick={() => {
                if (!closed && !busy) onChoose(s);
              }}
            >
              <span className="kiosk-service__name">{s.name}</span>
              {s.purpose === 'collect' && <span className="kiosk-service__tag">{t('kioskUi.kiosk.collect')}</span>}
              <span className="kiosk-service__info" data-testid="kiosk-service-info">
                {closed
                  ? t(`kioskUi.kiosk.closed.${s.closedReason ?? 'other'}`, { defaultValue: t('kioskUi.kiosk.closed.other') })
                  : [t('kioskUi.kiosk.waiting', { count: s.waiting }), s.estimatedWaitMinutes !== null && s.waiting > 0 ? t('kioskUi.kiosk.wait', { minutes: s.estimatedWaitMinutes }) : null]
                      .filter(Boolean)
                      .join(' · ')}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
