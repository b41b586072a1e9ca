/**
 * What a catalogue or calendar update from the central system changes here, as lines for people (the "visible
 * diff" of issue #17). Pure: the caller gives the before and after; the words come from i18n (syncChanges.*).
 */
import type { OfficialCalendar } from '../calendar/official-calendar';
import type { Catalogue } from '../catalogue/schema';

export interface DiffLine {
  key: string;
  params: Record<string, string>;
}

/** before: the stored rows' JSON by key; after: the catalogue being stored. replace: what after lacks is removed. */
export function catalogueDiff(
  before: { agencies: Map<string, { name: string }>; procedures: Map<string, { json: string; name: string; code: string; agencyCode: string }> },
  after: Catalogue,
  mode: 'merge' | 'replace',
): DiffLine[] {
  const lines: DiffLine[] = [];
  const afterAgencies = new Set(after.agencies.map((a) => a.code));
  for (const a of after.agencies) if (!before.agencies.has(a.code)) lines.push({ key: 'syncChanges.agencyAdded', params: { code: a.code, name: a.name } });
  const seen = new Set<string>();
  for (const p of after.procedures) {
    const key = `${p.agencyCode}\u0000${p.code}`;
    seen.add(key);
    const old = before.procedures.get(key);
    const params = { code: p.code, name: p.name, agency: p.agencyCode };
    if (!old) lines.push({ key: 'syncChanges.procedureAdded', params });
    else if (old.json !== JSON.stringify(p)) lines.push({ key: 'syncChanges.procedureChanged', params });
  }
  if (mode === 'replace') {
    for (const [key, p] of before.procedures) {
      if (!seen.has(key)) lines.push({ key: 'syncChanges.procedureRemoved', params: { code: p.code, name: p.name, agency: p.agencyCode } });
    }
    for (const [code, a] of before.agencies) if (!afterAgencies.has(code)) lines.push({ key: 'syncChanges.agencyRemoved', params: { code, name: a.name } });
  }
  return lines.length ? lines : [{ key: 'syncChanges.catalogueSame', params: {} }];
}

function dates(c: OfficialCalendar | null, list: 'holidays' | 'workdays'): Set<string> {
  return new Set(Object.values(c?.years ?? {}).flatMap((y) => y[list]));
}

/** The official calendar replaces the previous one whole: days off and make-up days added or removed, by date. */
export function calendarDiff(before: OfficialCalendar | null, after: OfficialCalendar | null): DiffLine[] {
  const lines: { date: string; line: DiffLine }[] = [];
  for (const [list, added, removed] of [
    ['holidays', 'syncChanges.holidayAdded', 'syncChanges.holidayRemoved'],
    ['workdays', 'syncChanges.workdayAdded', 'syncChanges.workdayRemoved'],
  ] as const) {
    const old = dates(before, list);
    const now = dates(after, list);
    for (const d of now) if (!old.has(d)) lines.push({ date: d, line: { key: added, params: { date: d } } });
    for (const d of old) if (!now.has(d)) lines.push({ date: d, line: { key: removed, params: { date: d } } });
  }
  lines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return lines.length ? lines.map((l) => l.line) : [{ key: 'syncChanges.calendarSame', params: {} }];
}
