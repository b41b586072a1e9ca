/**
 * The groups a fresh data directory starts with (issue #18), made from the catalogue: one per agency (prefixes A, B,
 * C …, the calendar's hours of that agency) and one to collect results. Seeded once (the store inserts them only
 * when it has no group yet), so a centre's own set-up is never overwritten.
 */
import type { ServiceGroup } from '../../contract/queue';
import { serviceGroupSchema } from '../../contract/queue';
import { t } from '../../i18n/translate';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Prefix of the n-th group: A … Z, then AA, AB … (the schema allows two letters). */
function prefixFor(n: number): string {
  return n < LETTERS.length ? LETTERS[n]! : LETTERS[Math.floor(n / LETTERS.length) - 1]! + LETTERS[n % LETTERS.length]!;
}

export function sampleGroups(agencies: ReadonlyArray<{ code: string; name: string }>): ServiceGroup[] {
  // Past 25 agencies and the results group the two-letter prefixes run out; a centre that large sets its own up.
  const list = agencies.slice(0, LETTERS.length * LETTERS.length - 1);
  const groups = list.map((a, i) =>
    serviceGroupSchema.parse({ code: prefixFor(i), name: a.name.slice(0, 120), prefix: prefixFor(i), agencyCode: a.code, hours: { mode: 'calendar' }, sort: i }),
  );
  const collect = prefixFor(list.length);
  groups.push(serviceGroupSchema.parse({ code: 'KQ', name: t('queueService.groups.collect'), prefix: collect, purpose: 'collect', hours: { mode: 'calendar' }, sort: list.length }));
  return groups;
}
