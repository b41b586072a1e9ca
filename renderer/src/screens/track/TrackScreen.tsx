import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { MethodOutput } from '../../../../core/contract/index';
import { api, ApiError } from '../../bridge';
import { FormError } from '../../components/FormError';
import { ScreenPage } from '../../components/ScreenPage';
import { describeError } from '../../i18n/error-text';
import './track.css';

type Tracked = MethodOutput<'queue.track'>;

/** A phone cannot subscribe to events (no login): it asks again this often. */
const REFRESH_SECONDS = 15;

/** Codes meaning there is no such ticket (rather than "the server could not answer"). */
const isUnknownTicket = (e: unknown) => e instanceof ApiError && (e.code === 'RPC_INVALID_INPUT' || /NOT_FOUND|UNKNOWN/.test(e.code));

const clock = (d: Date) => d.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: 'Asia/Ho_Chi_Minh' });

/**
 * The page a ticket's QR opens on the citizen's phone (public, no login): the number, service, state, people ahead,
 * estimated wait, and the counter once called. Refreshes itself; an unknown or expired ticket says so plainly.
 */
export function TrackScreen() {
  const { t } = useTranslation();
  const { trackingId = '' } = useParams();
  const [data, setData] = useState<Tracked | null>(null);
  const [notFound, setNotFound] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);

  const load = useCallback(() => {
    api.call('queue.track', { trackingId }).then(
      (r) => {
        setData(r);
        setNotFound(false);
        setError(null);
        setUpdatedAt(new Date());
      },
      (e: unknown) => {
        if (isUnknownTicket(e)) {
          setData(null);
          setNotFound(true);
          setError(null);
        } else setError(describeError(t, e).text); // keep what was shown; the next round tries again
      },
    );
  }, [t, trackingId]);

  useEffect(() => {
    load();
    const timer = setInterval(load, REFRESH_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [load]);

  const called = data && (data.state === 'called' || data.state === 'serving') && data.counter !== null;
  return (
    <ScreenPage title={t('kioskUi.track.title')} className="track">
      <FormError message={error} testId="track-error" />
      {notFound ? (
        <p className="track__notice" data-testid="track-not-found">
          {t('kioskUi.track.notFound')}
        </p>
      ) : !data ? (
        !error && <p role="status">{t('kioskUi.track.loading')}</p>
      ) : (
        <>
          <p className="track__number" data-testid="track-number">
            <span className="visually-hidden">{t('kioskUi.track.number')}: </span>
            {data.number}
          </p>
          <p className="track__service">{data.serviceName}</p>
          <div role="status" className="track__status">
            <p className={`track__state track__state--${data.state}`} data-testid="track-state" data-state={data.state}>
              {t(`kioskUi.track.states.${data.state}`)}
            </p>
            {called && (
              <p className="track__counter" data-testid="track-counter">
                {t('kioskUi.track.counter', { counter: data.counter })}
              </p>
            )}
          </div>
          {data.state === 'waiting' && (
            <dl className="track__facts">
              <div>
                <dt>{t('kioskUi.track.ahead')}</dt>
                <dd data-testid="track-ahead">{t('kioskUi.track.aheadValue', { count: data.ahead })}</dd>
              </div>
              <div>
                <dt>{t('kioskUi.track.wait')}</dt>
                <dd>{data.estimatedWaitMinutes === null ? t('kioskUi.track.waitUnknown') : t('kioskUi.track.waitValue', { minutes: data.estimatedWaitMinutes })}</dd>
              </div>
            </dl>
          )}
        </>
      )}
      {updatedAt && <p className="track__updated">{t('kioskUi.track.updated', { time: clock(updatedAt), seconds: REFRESH_SECONDS })}</p>}
      <button type="button" className="btn track__refresh" onClick={load} data-testid="track-refresh">
        {t('kioskUi.track.refresh')}
      </button>
    </ScreenPage>
  );
}
