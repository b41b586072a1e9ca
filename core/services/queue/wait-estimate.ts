/**
 * The estimated wait of a ticket (issue #18): the people ahead times the group's mean service time (the last 20
 * finished tickets; 5 minutes before any), shared among the counters serving the group now.
 */
import type { QueueStore } from './queue-store';

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

/** Minutes until a ticket with `ahead` people before it is called, from the store's recent service times. */
export async function waitMinutes(s: QueueStore, service: string, ahead: number, day: string): Promise<number> {
  if (ahead === 0) return 0;
  const [recent, counters] = await Promise.all([s.recentServiceSeconds(service, RECENT_SERVICES), servingCounters(s, service, day)]);
  return estimatedWaitMinutes(ahead, meanServiceMinutes(recent), counters);
}

/** Active counters that call from the group; before counters are configured, those that called today. */
async function servingCounters(s: QueueStore, service: string, day: string): Promise<number> {
  const counters = await s.counters();
  if (counters.length > 0) return counters.filter((c) => c.active && c.groups.includes(service)).length;
  return (await s.lastCallPerCounter(day)).length;
}
