/**
 * When a failed outbox item (or the whole worker, offline) is tried again: exponential with full jitter, so many
 * counters coming back after one outage do not all knock at once. The wait is drawn in [base, ceiling] where the
 * ceiling doubles with each attempt up to max (2 s … 10 min by default); the floor of `base` keeps a failing server
 * from being hit in a tight loop. The result is stored (next_attempt_at), so a restart honours it.
 */
export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
}

export const DEFAULT_BACKOFF = { baseMs: 2_000, maxMs: 600_000 } as const;

/** attempts: how many tries have failed so far (1 after the first failure). random: [0, 1). */
export function backoffDelayMs(attempts: number, o: BackoffOptions = {}, random: () => number = Math.random): number {
  const base = Math.max(1, o.baseMs ?? DEFAULT_BACKOFF.baseMs);
  const max = Math.max(base, o.maxMs ?? DEFAULT_BACKOFF.maxMs);
  const exponent = Math.min(Math.max(0, attempts - 1), 40);
  const ceiling = Math.min(max, base * 2 ** exponent);
  return Math.round(base + random() * (ceiling - base));
}

export function nextAttemptAt(now: Date, attempts: number, o: BackoffOptions = {}, random?: () => number): string {
  return new Date(now.getTime() + backoffDelayMs(attempts, o, random)).toISOString();
}
