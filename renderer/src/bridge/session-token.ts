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
