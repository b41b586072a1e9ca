import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnouncer } from '../../a11y/Announcer';
import { ScreenPage } from '../../components/ScreenPage';
import { formatDateTime } from '../../format/date-time';
import type { IssuedTicket } from './kiosk-issue';
import { TrackQr } from './TrackQr';

/** How long the confirmation stays before the kiosk is ready for the next citizen. */
const SHOW_MS = 15_000;
/** A second tap of the same press must not dismiss the number the citizen has not read yet. */
const GUARD_MS = 800;
/** Keys that move through the page (keyboard and screen-reader users read it) rather than dismiss it. */
const READING_KEYS = new Set(['Tab', 'Shift', 'Control', 'Alt', 'Meta', 'CapsLock']);

/**
 * Step 2: the number, large, with its service, time, people ahead and estimated wait, and whether the ticket is
 * printing (when not, why, and the number stays on screen with the tracking QR). Back to step 1 after 15 s or on any
 * key or touch.
 */
export function KioskTicket({ ticket, onDone }: { ticket: IssuedTicket; onDone(): void }) {
  const { t } = useTranslation();
  const announce = useAnnouncer();

  useEffect(() => {
    announce(t('kioskUi.ticket.announce', { number: ticket.number, service: ticket.serviceName }));
    const shownAt = Date.now();
    const done = setTimeout(onDone, SHOW_MS);
    const dismiss = (e: Event) => {
      if (Date.now() - shownAt < GUARD_MS) return;
      if (e instanceof KeyboardEvent && (e.repeat || READING_KEYS.has(e.key))) return;
      onDone();
    };
    window.addEventListener('keydown', dismiss);
    window.addEventListener('pointerdown', dismiss);
    return () => {
      clearTimeout(done);
      window.removeEventListener('keydown', dismiss);
      window.removeEventListener('pointerdown', dismiss);
    };
    // One confirmation per ticket; announce/t/onDone are stable enough for its 15 s.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ticket.id]);

  const printed = ticket.printJobId !== null && ticket.printError === null;
  return (
    <ScreenPage title={t('kioskUi.ticket.title')} className="kiosk kiosk--ticket">
      <p className="kiosk-ticket__number" data-testid="kiosk-ticket-number">
        {ticket.number}
      </p>
      <dl className="kiosk-ticket__facts">
        <div>
          <dt>{t('kioskUi.ticket.service')}</dt>
          <dd data-testid="kiosk-ticket-service">{ticket.serviceName}</dd>
        </div>
        <div>
          <dt>{t('kioskUi.ticket.time')}</dt>
          <dd>{formatDateTime(ticket.issuedAt).slice(11)}</dd>
        </div>
        <div>
          <dt>{t('kioskUi.ticket.ahead')}</dt>
          <dd data-testid="kiosk-ticket-ahead" data-ahead={ticket.ahead}>
            {t('kioskUi.ticket.aheadValue', { count: ticket.ahead })}
          </dd>
        </div>
        <div>
          <dt>{t('kioskUi.ticket.wait')}</dt>
          <dd>{ticket.estimatedWaitMinutes === null ? t('kioskUi.ticket.waitUnknown') : t('kioskUi.ticket.waitValue', { minutes: ticket.estimatedWaitMinutes })}</dd>
        </div>
        {ticket.priority && (
          <div>
            <dt>{t('kioskUi.ticket.priority')}</dt>
            <dd>{t(`kioskUi.kiosk.priority.${ticket.priority}`)}</dd>
          </div>
        )}
      </dl>
      <p className={printed ? 'kiosk-ticket__print' : 'kiosk-ticket__print kiosk-ticket__print--failed'} data-testid="kiosk-ticket-print" data-printed={printed}>
        {printed
          ? t('kioskUi.ticket.printing')
          : ticket.printError
            ? t('kioskUi.ticket.printFailed', { reason: ticket.printError.message, number: ticket.number })
            : t('kioskUi.ticket.noPrint', { number: ticket.number })}
      </p>
      {!printed && /^https?:$/.test(location.protocol) && <TrackQr trackingId={ticket.trackingId} label={t('kioskUi.ticket.trackQr')} />}
      <button type="button" className="btn btn--primary kiosk-ticket__done" onClick={onDone} data-testid="kiosk-ticket-done">
        {t('kioskUi.ticket.done')}
      </button>
      <p className="kiosk-hint">{t('kioskUi.ticket.backHint')}</p>
    </ScreenPage>
  );
}
