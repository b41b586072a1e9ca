import { createContext, useContext } from 'react';
import type { User } from '../../../core/contract/auth';
import type { ShownError } from '../i18n/error-text';

export type LoginNotice = 'expired' | 'loggedOut' | null;

export type SessionState =
  | { phase: 'booting' }
  | { phase: 'unreachable'; error: ShownError }
  | { phase: 'setup' }
  | { phase: 'login'; notice: LoginNotice }
  | { phase: 'ready'; user: User; expiresAt: string | null };

export interface SetupInput {
  username: string;
  displayName: string;
  password: string;
}

export interface SessionApi {
  state: SessionState;
  /** The logged-in user, or null. */
  user: User | null;
  login(username: string, password: string): Promise<void>;
  setupAdmin(input: SetupInput): Promise<void>;
  logout(): Promise<void>;
  retry(): void;
}

export const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
