/**
 * The session token of this tab. sessionStorage: it survives reloads and reconnects but not closing the tab,
 * and is not shared with other tabs (each tab is its own connection and session binding).
 */
const KEY = 'motcua.session';

export function readSessionToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null; // storage disabled: the session then lasts as long as the connection
  }
}

export function writeSessionToken(token: string | null): void {
  try {
    if (token === null) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, token);
  } catch {
    /* storage disabled: nothing to keep */
  }
}

const ENDED_KEY = 'motcua.sessionEnded';

/**
 * Remembers that this tab's session was ended by the core (expired, password changed, revoked), so a reload
 * right after still tells the clerk why they are at the login page instead of showing it silently.
 */
export function markSessionEnded(ended: boolean): void {
  try {
    if (ended) sessionStorage.setItem(ENDED_KEY, '1');
    else sessionStorage.removeItem(ENDED_KEY);
  } catch {
    /* storage disabled: the notice lasts until the reload */
  }
}

export function wasSessionEnded(): boolean {
  try {
    return sessionStorage.getItem(ENDED_KEY) === '1';
  } catch {
    return false;
  }
}
