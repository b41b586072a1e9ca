/**
 * Who is logged in on this tab/window. Boots from auth.status (first run → setup), re-binds a kept token with
 * auth.resume after a reload, and returns to the login screen with a message when the session ends
 * (absolute expiry, or the core refusing the session on any call).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SessionInfo } from '../../../core/contract/auth';
import { useAnnouncer } from '../a11y/Announcer';
import { api } from '../bridge';
import { onSessionLost } from '../bridge/session-events';
import { markSessionEnded, readSessionToken, wasSessionEnded, writeSessionToken } from '../bridge/session-token';
import { describeError } from '../i18n/error-text';
import { SessionContext, type SessionApi, type SessionState, type SetupInput } from './session-context';

/** setTimeout's largest delay (~24.8 days); a longer session is checked again after that. */
const MAX_TIMER_MS = 2 ** 31 - 1;

async function boot(): Promise<SessionState> {
  const status = await api.call('auth.status');
  if (status.needsSetup) return { phase: 'setup' };
  const token = readSessionToken();
  if (token) {
    try {
      const s = await api.call('auth.resume', { token });
      return { phase: 'ready', user: s.user, expiresAt: s.expiresAt };
    } catch {
      writeSessionToken(null);
      markSessionEnded(true);
      return status.user ? { phase: 'ready', user: status.user, expiresAt: null } : { phase: 'login', notice: 'expired' };
    }
  }
  // Ended while this tab was open, then reloaded: still say why.
  return status.user ? { phase: 'ready', user: status.user, expiresAt: null } : { phase: 'login', notice: wasSessionEnded() ? 'expired' : null };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const navigate = useNavigate();
  const [state, setState] = useState<SessionState>({ phase: 'booting' });
  const [attempt, setAttempt] = useState(0);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  useEffect(() => {
    let cancelled = false;
    boot().then(
      (s) => !cancelled && setState(s),
      (e: unknown) => !cancelled && setState({ phase: 'unreachable', error: describeError(t, e) }),
    );
    return () => {
      cancelled = true;
    };
    // t is only used to word a boot failure; a language switch must not re-run the boot.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);

  const expire = useCallback(() => {
    if (stateRef.current.phase !== 'ready') return;
    writeSessionToken(null);
    markSessionEnded(true);
    setState({ phase: 'login', notice: 'expired' });
    announce(t('ui.login.sessionExpired'), 'assertive');
  }, [announce, t]);

  useEffect(() => onSessionLost(expire), [expire]);

  const expiresAt = state.phase === 'ready' ? state.expiresAt : null;
  useEffect(() => {
    if (!expiresAt) return;
    const check = () => {
      const left = new Date(expiresAt).getTime() - Date.now();
      if (left <= 0) expire();
      else timer = setTimeout(check, Math.min(left, MAX_TIMER_MS));
    };
    let timer = setTimeout(check, 0);
    return () => clearTimeout(timer);
  }, [expiresAt, expire]);

  const begin = useCallback(
    (s: SessionInfo) => {
      writeSessionToken(s.token);
      markSessionEnded(false);
      setState({ phase: 'ready', user: s.user, expiresAt: s.expiresAt });
      announce(t('ui.login.success', { name: s.user.displayName }));
    },
    [announce, t],
  );

  const login = useCallback(
    async (username: string, password: string) => begin(await api.call('auth.login', { username, password })),
    [begin],
  );
  const setupAdmin = useCallback(async (input: SetupInput) => begin(await api.call('auth.setupAdmin', input)), [begin]);

  const logout = useCallback(async () => {
    try {
      await api.call('auth.logout');
    } catch {
      /* the session is dropped locally either way */
    }
    writeSessionToken(null);
    markSessionEnded(false);
    setState({ phase: 'login', notice: 'loggedOut' });
    void navigate('/');
    announce(t('ui.login.loggedOut'));
  }, [announce, navigate, t]);

  const retry = useCallback(() => {
    setState({ phase: 'booting' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo<SessionApi>(
    () => ({ state, user: state.phase === 'ready' ? state.user : null, login, setupAdmin, logout, retry }),
    [state, login, setupAdmin, logout, retry],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
