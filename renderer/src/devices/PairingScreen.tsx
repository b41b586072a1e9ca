import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceKind } from '../../../core/contract/method';
import type { PairedDevice } from '../../../core/contract/pairing';
import { api, ApiError } from '../bridge';
import { ScreenPage } from '../components/ScreenPage';
import { formatDateTime } from '../format/date-time';
import { describeError } from '../i18n/error-text';

/** How often the device asks whether its code was approved. */
const CLAIM_EVERY_MS = 2_000;
/** Wait before asking for a code again after the core could not give one. */
const RETRY_MS = 3_000;

interface Request {
  requestId: string;
  code: string;
  secret: string;
  expiresAt: string;
}

/** Errors after which this request is dead (expired, unknown, already claimed): a new code is asked for. */
const requestDead = (e: unknown) => e instanceof ApiError && (e.code.startsWith('PAIRING_') || e.code === 'RPC_INVALID_INPUT');

/**
 * The device side of pairing: asks for a code (pairing.request), shows it very large with what the admin does with it,
 * and claims the token every 2 s until the admin approved it (then hands the token up) or the code expired (then asks
 * for a new one). Nothing to type here: the screen is public.
 */
export function PairingScreen({ kind, revoked, onPaired }: { kind: DeviceKind; revoked: boolean; onPaired(token: string, device: PairedDevice): void }) {
  const { t } = useTranslation();
  const [request, setRequest] = useState<Request | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped to ask for a new code (first mount, expiry, a dead request).
  const [round, setRound] = useState(0);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let current: Request | null = null;
    const again = () => {
      if (!stopped) setRound((n) => n + 1);
    };
    const claim = async () => {
      if (stopped || !current) return;
      if (Date.parse(current.expiresAt) <= Date.now()) return again();
      try {
        const r = await api.call('pairing.claim', { requestId: current.requestId, secret: current.secret });
        if (stopped) return;
        if (r.status === 'paired') {
          stopped = true;
          onPaired(r.token, r.device);
          return;
        }
      } catch (e) {
        if (stopped) return;
        if (requestDead(e)) return again();
        // The connection dropped: keep the code, ask again on the next tick.
      }
      timer = setTimeout(() => void claim(), CLAIM_EVERY_MS);
    };
    api.call('pairing.request', { kind }).then(
      (r) => {
        if (stopped) return;
        current = r;
        setRequest(r);
        setError(null);
        timer = setTimeout(() => void claim(), CLAIM_EVERY_MS);
      },
      (e: unknown) => {
        if (stopped) return;
        setRequest(null);
        setError(describeError(t, e).text);
        // Paced by the core (too many requests from this address): wait as long as it says.
        const wait = e instanceof ApiError && typeof e.params.seconds === 'number' ? e.params.seconds * 1000 : RETRY_MS;
        timer = setTimeout(again, wait);
      },
    );
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // onPaired and t are read when they fire; a new code only on a new round or kind.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [round, kind]);

  const code = request?.code ?? '';
  return (
    <ScreenPage title={t(`kioskUi.pairing.title.${kind}`)} className="device-gate pairing">
      {revoked && (
        <p className="pairing__notice" data-testid="pairing-revoked">
          {t('kioskUi.pairing.revoked')}
        </p>
      )}
      <p className="pairing__lead">{t('kioskUi.pairing.lead')}</p>
      {request ? (
        <>
          <p className="pairing__code-label">{t('kioskUi.pairing.codeLabel')}</p>
          {/* Read digit by digit: a screen reader says "1 2 3 4 5 6", not "one hundred twenty-three thousand…". */}
          <p className="pairing__code" data-testid="pairing-code" data-code={code}>
            <span aria-hidden="true">
              {code.slice(0, 3)} {code.slice(3)}
            </span>
            <span className="visually-hidden">{code.split('').join(' ')}</span>
          </p>
          <p className="pairing__instructions">{t('kioskUi.pairing.instructions')}</p>
          <p className="pairing__hint">{t('kioskUi.pairing.expires', { time: formatDateTime(request.expiresAt).slice(11) })}</p>
          <p role="status" className="pairing__hint">
            {t('kioskUi.pairing.waiting')}
          </p>
        </>
      ) : (
        <p role="status" className="pairing__hint">
          {error ? t('kioskUi.pairing.offline', { reason: error }) : t('kioskUi.pairing.requesting')}
        </p>
      )}
    </ScreenPage>
  );
}
