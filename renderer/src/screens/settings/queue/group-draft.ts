/**
 * A service group as its edit form holds it (strings as typed) and back. The windows of a group's own opening
 * hours are typed per weekday as "07:30-11:30, 13:30-17:00" (empty: closed that day); the core checks the times.
 * Pure: no React, no I/O.
 */
import type { OpeningHours, ServiceGroup } from '../../../../../core/contract/queue';

export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '0'] as const;

export interface GroupDraft {
  code: string;
  name: string;
  prefix: string;
  startNumber: string;
  agencyCode: string;
  fieldCodes: string;
  procedureCodes: string;
  purpose: 'submit' | 'collect';
  hoursMode: OpeningHours['mode'];
  /** Weekday "0".."6" → windows as typed. */
  windows: Record<string, string>;
  openOnHolidays: boolean;
  dailyCap: string;
  active: boolean;
  sort: string;
}

export function emptyGroupDraft(): GroupDraft {
  return {
    code: '',
    name: '',
    prefix: '',
    startNumber: '1',
    agencyCode: '',
    fieldCodes: '',
    procedureCodes: '',
    purpose: 'submit',
    hoursMode: 'calendar',
    windows: Object.fromEntries(WEEKDAYS.map((d) => [d, ''])),
    openOnHolidays: false,
    dailyCap: '',
    active: true,
    sort: '0',
  };
}

export function groupToDraft(g: ServiceGroup): GroupDraft {
  const windows = Object.fromEntries(WEEKDAYS.map((d) => [d, g.hours.mode === 'windows' ? (g.hours.windows[d] ?? []).map(([a, b]) => `${a}-${b}`).join(', ') : '']));
  return {
    code: g.code,
    name: g.name,
    prefix: g.prefix,
    startNumber: String(g.startNumber),
    agencyCode: g.agencyCode ?? '',
    fieldCodes: g.fieldCodes.join(', '),
    procedureCodes: g.procedureCodes.join(', '),
    purpose: g.purpose,
    hoursMode: g.hours.mode,
    windows,
    openOnHolidays: g.hours.mode === 'windows' && g.hours.openOnHolidays,
    dailyCap: g.dailyCap === null ? '' : String(g.dailyCap),
    active: g.active,
    sort: String(g.sort),
  };
}

const list = (s: string): string[] =>
  s
    .split(/[,;\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** A whole number as typed; NaN when it is not one (the core then names the field). */
const whole = (s: string): number => (/^\s*\d+\s*$/.test(s) ? Number(s) : Number.NaN);

export type DraftProblem = { field: string; message: 'windowsFormat' | 'wholeNumber' };

/** The group to send, or the first field the form can tell is wrong without asking the core. */
export function draftToGroup(d: GroupDraft): { group: ServiceGroup } | { problem: DraftProblem } {
  for (const [field, value, optional] of [
    ['startNumber', d.startNumber, false],
    ['dailyCap', d.dailyCap, true],
    ['sort', d.sort, false],
  ] as const) {
    if (optional && !value.trim()) continue;
    if (Number.isNaN(whole(value))) return { problem: { field, message: 'wholeNumber' } };
  }
  let hours: OpeningHours;
  if (d.hoursMode === 'windows') {
    const windows: Record<string, [string, string][]> = {};
    for (const day of WEEKDAYS) {
      const parts = list((d.windows[day] ?? '').replace(/\s*[-–]\s*/g, '-'));
      const pairs = parts.map((p) => /^(\d{1,2}:\d{2})-(\d{1,2}:\d{2})$/.exec(p));
      if (pairs.some((m) => m === null)) return { problem: { field: `windows.${day}`, message: 'windowsFormat' } };
      if (pairs.length) windows[day] = pairs.map((m) => [m![1]!.padStart(5, '0'), m![2]!.padStart(5, '0')]);
    }
    hours = { mode: 'windows', windows, openOnHolidays: d.openOnHolidays };
  } else hours = { mode: d.hoursMode };
  return {
    group: {
      code: d.code.trim().toUpperCase(),
      name: d.name.trim(),
      prefix: d.prefix.trim().toUpperCase(),
      startNumber: whole(d.startNumber),
      agencyCode: d.agencyCode.trim() || null,
      fieldCodes: list(d.fieldCodes),
      procedureCodes: list(d.procedureCodes),
      purpose: d.purpose,
      hours,
      dailyCap: d.dailyCap.trim() ? whole(d.dailyCap) : null,
      active: d.active,
      sort: whole(d.sort),
    },
  };
}
