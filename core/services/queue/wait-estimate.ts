/**
 * The estimated wait of a ticket (issue #18): the people ahead times the group's mean service time (the last 20
 * finished tickets; 5 minutes before any), shared among the counters serving the group now.
 */
export const RECENT_SERVICES = 20;
export const DEFAULT_SERVICE_MINUTES = 5;

export function meanServiceMinutes(recentSeconds: readonly number[]): number {
  const usable = recentSeconds.filter((s) => Number.isFinite(s) && s >= 0);
  if (usable.length === 0) return DEFAULT_SERVICE_MINUTES;
  return usable.reduce((a, b) => a + b, 0) / usable.length / 60;
}

export function estimatedWaitMinutes(ahead: number, meanMinutes: number, servingCounters: number): number {
  return Math.ceil((ahead * meanMinutes) / Math.max(1, servingCounters));
}
