/**
 * Login throttling with growing holds, kept in SQLite (auth_throttle) so every process on the data folder sees it.
 * Three counters per attempt: the name from this peer (a stranger trying one account), the name from all peers
 * (an account under attack from many machines, the bound on passwords checked for it) and the peer for all
 * names (a machine spraying names). Past its allowance a counter holds further attempts back for a delay that
 * doubles with each further failure, up to a cap, so a stranger cannot keep an account closed for long and a
 * correct password from another machine still gets through until the account-wide allowance is spent.
 *
 * `reserve` runs inside the caller's IMMEDIATE transaction and counts the attempt as a failure BEFORE the password
 * is checked: however calls interleave, no more attempts are checked than the allowances let through.
 */
import type { Db } from '../../store/database';

export type ThrottleScope = 'account' | 'account_peer' | 'peer';

export interface ThrottlePolicy {
  /** Wrong passwords for one account from one peer before it is held back. */
  maxFailedAttempts: number;
  /** Wrong passwords for one account from all peers together before it is held back. */
  accountMaxFailedAttempts: number;
  /** Wrong passwords from one peer, all names together, before that peer is held back. */
  peerMaxFailedAttempts: number;
  /** First hold, seconds; each further failure doubles it. */
  lockSeconds: number;
  /** Longest hold, seconds. */
  maxLockSeconds: number;
  /** Failures are forgotten this long after a counter's first one (unless it is held back). */
  windowMinutes: number;
}

export interface Hold {
  scope: ThrottleScope;
  until: Date;
}

interface Row {
  failures: number;
  window_start: string;
  blocked_until: string | null;
}

interface Key {
  scope: ThrottleScope;
  name: string;
  peer: string;
  limit: number;
}

export type Reservation = { held: Hold } | { held: null; /** A hold this attempt started, shown if it fails. */ started: Hold | null };

export function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

export class LoginThrottle {
  private lastPrune = 0;

  constructor(private readonly db: Db, private readonly policy: ThrottlePolicy) {}

  private keys(name: string, peer: string): Key[] {
    return [
      { scope: 'account_peer', name, peer, limit: this.policy.maxFailedAttempts },
      { scope: 'account', name, peer: '', limit: this.policy.accountMaxFailedAttempts },
      { scope: 'peer', name: '', peer, limit: this.policy.peerMaxFailedAttempts },
    ];
  }

  private get(k: Key): Row | undefined {
    return this.db
      .prepare<[string, string, string], Row>('SELECT failures, window_start, blocked_until FROM auth_throttle WHERE scope = ? AND name = ? AND peer = ?')
      .get(k.scope, k.name, k.peer);
  }

  /** Held back now? Else count this attempt as a failure on every counter. Call inside an IMMEDIATE transaction. */
  reserve(name: string, peer: string, now: Date): Reservation {
    this.prune(now);
    const keys = this.keys(name, peer);
    const rows = keys.map((k) => this.get(k));
    // The peer's hold first: it says nothing about the name. Then the name's (same for real and unknown names).
    for (const i of [2, 0, 1]) {
      const until = rows[i]?.blocked_until ? new Date(rows[i]!.blocked_until!) : null;
      if (until && until > now) return { held: { scope: keys[i]!.scope, until } };
    }
    let started: Hold | null = null;
    const windowMs = this.policy.windowMinutes * 60_000;
    keys.forEach((k, i) => {
      const row = rows[i];
      const fresh = !row || now.getTime() - new Date(row.window_start).getTime() >= windowMs;
      const failures = fresh ? 1 : row.failures + 1;
      let blockedUntil: string | null = null;
      if (failures >= k.limit) {
        const seconds = Math.min(this.policy.maxLockSeconds, this.policy.lockSeconds * 2 ** Math.min(30, failures - k.limit));
        const until = new Date(now.getTime() + seconds * 1000);
        blockedUntil = until.toISOString();
        // The account's hold is what its user sees; a peer hold only if nothing about the name was started.
        if (!started || (started.scope === 'peer' && k.scope !== 'peer')) started = { scope: k.scope, until };
      }
      this.db
        .prepare(
          `INSERT INTO auth_throttle (scope, name, peer, failures, window_start, blocked_until) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (scope, name, peer) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start,
             blocked_until = excluded.blocked_until`,
        )
        .run(k.scope, k.name, k.peer, failures, fresh ? now.toISOString() : row.window_start, blockedUntil);
    });
    return { held: null, started };
  }

  /**
   * The password was right: the name's counters start again (from every peer: the owner proved it), and the peer's
   * count gets back the one failure reserved for this attempt (not more: a peer must not clear its own record by
   * logging into an account it holds between guesses).
   */
  succeeded(name: string, peer: string): void {
    this.clear(name);
    this.db
      .prepare(
        `UPDATE auth_throttle SET failures = MAX(0, failures - 1),
           blocked_until = CASE WHEN failures - 1 < ? THEN NULL ELSE blocked_until END
         WHERE scope = 'peer' AND name = '' AND peer = ?`,
      )
      .run(this.policy.peerMaxFailedAttempts, peer);
  }

  /** An administrator lifts every hold on the name. Returns whether there was anything to lift. */
  clear(name: string): boolean {
    return this.db.prepare("DELETE FROM auth_throttle WHERE scope IN ('account', 'account_peer') AND name = ?").run(name).changes > 0;
  }

  /** Until when the name is held back (account-wide, or from any one peer), or null; for the users list. */
  heldUntil(name: string, now: Date): string | null {
    const r = this.db
      .prepare<[string, string], { until: string | null }>(
        "SELECT MAX(blocked_until) AS until FROM auth_throttle WHERE scope IN ('account', 'account_peer') AND name = ? AND blocked_until > ?",
      )
      .get(name, now.toISOString());
    return r?.until ?? null;
  }

  /** Forget counters whose window has passed and that hold nothing back (at most once a minute). */
  private prune(now: Date): void {
    if (now.getTime() - this.lastPrune < 60_000 && now.getTime() >= this.lastPrune) return;
    this.lastPrune = now.getTime();
    const cutoff = new Date(now.getTime() - this.policy.windowMinutes * 60_000).toISOString();
    this.db
      .prepare('DELETE FROM auth_throttle WHERE window_start < ? AND (blocked_until IS NULL OR blocked_until <= ?)')
      .run(cutoff, now.toISOString());
  }
}
