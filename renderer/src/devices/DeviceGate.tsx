import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceKind } from '../../../core/contract/method';
import type { PairedDevice } from '../../../core/contract/pairing';
import { useAnnouncer } from '../a11y/Announcer';
import { api, ApiError } from '../bridge';
import { ScreenPage } from '../components/ScreenPage';
import { describeError } from '../i18n/error-text';
import { useSession } from '../session/session-context';
import { isTokenRefused, onDeviceCheck, readDeviceToken, setActiveDeviceKind, writeDeviceToken } from './device-token';
import { PairingScreen } from './PairingScreen';
import './devices.css';

/** Wait before trying a kept token again when the core could not be reached (the token itself was not refused). */
const RETRY_MS = 3_000;
/**
 * While paired, the token is checked again this often: a revoke leaves an idle board's connection open (its calls and
 * events just stop), so without it the screen would go on showing stale numbers; it also keeps "last seen" current.
 */
const HEARTBEAT_MS = 20_000;

type Phase = { phase: 'checking' } | { phase: 'paired'; device: PairedDevice } | { phase: 'pairing'; revoked: boolean } | { phase: 'offline'; reason: string };

/**
 * Citizen-facing screens (kiosk, display board) run on paired devices, not logged-in users (issue #18): children render
 * once this connection is bound to a device token of that kind (pairing.resume, again after every reconnect by the web
 * bridge) or a logged-in user may use the screen; otherwise the pairing screen shows the code an admin types.
 */
export function DeviceGate({ kind, children }: { kind: DeviceKind; children: ReactNode }) {
  const { t } = useTranslation();
  const { state } = useSession();
  if (state.phase === 'booting') {
    return (
      <ScreenPage title={t(`kioskUi.pairing.title.${kind}`)} className="device-gate">
        <p role="status">{t('kioskUi.pairing.checking')}</p>
      </ScreenPage>
    );
  }
  if (state.phase === 'ready') return <>{children}</>;
  return <DeviceSession kind={kind}>{children}</DeviceSession>;
}

/** No user here: the device's own token, or pairing. */
function DeviceSession({ kind, children }: { kind: DeviceKind; children: ReactNode }) {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const [phase, setPhase] = useState<Phase>(() => (readDeviceToken(kind) ? { phase: 'checking' } : { phase: 'pairing', revoked: false }));
  // Only the latest check may settle the phase (a reconnect and a refused call can both ask at once).
  const seq = useRef(0);
  const retry = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const checkAgain = useRef<() => void>(() => {});

  const check = useCallback(() => {
    clearTimeout(retry.current);
    const mine = ++seq.current;
    const token = readDeviceToken(kind);
    // No token (another tab of this device dropped it): refused like a revoked one.
    const resumed = token ? api.call('pairing.resume', { token }) : Promise.reject(new ApiError('pairing.resume', { code: 'PAIRING_NO_TOKEN', message: '', params: {} }));
    resumed.then(
      (device) => {
        if (mine !== seq.current) return;
        if (device.kind !== kind) {
          writeDeviceToken(kind, null);
          setPhase({ phase: 'pairing', revoked: true });
          return;
        }
        setPhase((p) => (p.phase === 'paired' && p.device.id === device.id ? p : { phase: 'paired', device }));
      },
      (e: unknown) => {
        if (mine !== seq.current) return;
        if (e instanceof ApiError && isTokenRefused(e.code)) {
          writeDeviceToken(kind, null);
          // Already pairing (a second refused call asked too): the screen and its notice stay as they are.
          setPhase((p) => (p.phase === 'pairing' ? p : { phase: 'pairing', revoked: token !== null }));
          if (token) announce(t('kioskUi.pairing.revoked'), 'assertive');
          return;
        }
        setPhase({ phase: 'offline', reason: describeError(t, e).text });
        retry.current = setTimeout(() => checkAgain.current(), RETRY_MS);
      },
    );
  }, [announce, kind, t]);

  useEffect(() => {
    checkAgain.current = check;
  }, [check]);

  useEffect(() => {
    setActiveDeviceKind(kind);
    if (readDeviceToken(kind)) check();
    const off = onDeviceCheck(check);
    return () => {
      off();
      clearTimeout(retry.current);
      seq.current += 1;
      setActiveDeviceKind(null);
    };
  }, [check, kind]);

  const isPaired = phase.phase === 'paired';
  useEffect(() => {
    if (!isPaired) return;
    const timer = setInterval(() => checkAgain.current(), HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [isPaired]);

  const paired = useCallback(
    (token: string, device: PairedDevice) => {
      writeDeviceToken(kind, token);
      announce(t('kioskUi.pairing.paired', { name: device.name }));
      setPhase({ phase: 'checking' });
      check();
    },
    [announce, check, kind, t],
  );

  switch (phase.phase) {
    case 'paired':
      return <>{children}</>;
    case 'pairing':
      return <PairingScreen kind={kind} revoked={phase.revoked} onPaired={paired} />;
    case 'checking':
    case 'offline':
      return (
        <ScreenPage title={t(`kioskUi.pairing.title.${kind}`)} className="device-gate">
          <p role="status" className="device-gate__status">
            {phase.phase === 'checking' ? t('kioskUi.pairing.checking') : t('kioskUi.pairing.offline', { reason: phase.reason })}
          </p>
        </ScreenPage>
      );
  }
}
