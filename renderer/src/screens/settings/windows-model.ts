/**
 * The working-windows editor's model: the seven weekdays Monday first (as Vietnamese calendars show them),
 * each with its windows as typed. Converting back keeps each day's window order, so the core's error paths
 * (windows.<weekday>.<index>[.start|.end]) point at the window the clerk sees.
 */
import type { CalendarConfig } from '../../../../core/contract/calendar';

export type WindowsConfig = CalendarConfig['defaultWindows'];

export interface EditorWindow {
  start: string;
  end: string;
}

export interface EditorDay {
  /** 0 Sunday … 6 Saturday, the core's key. */
  weekday: number;
  windows: EditorWindow[];
}

export const WEEKDAY_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export function toEditor(config: WindowsConfig): EditorDay[] {
  return WEEKDAY_ORDER.map((weekday) => ({
    weekday,
    windows: (config[String(weekday)] ?? []).map(([start, end]) => ({ start, end })),
  }));
}

export function fromEditor(days: readonly EditorDay[]): WindowsConfig {
  const out: WindowsConfig = {};
  for (const d of days) {
    if (d.windows.length > 0) out[String(d.weekday)] = d.windows.map((w) => [w.start.trim(), w.end.trim()] as [string, string]);
  }
  return out;
}

export interface WindowErrorPlace {
  weekday: number;
  index: number | null;
  part: 'start' | 'end' | null;
}

/** Where a CALENDAR_WINDOWS_INVALID field path points: a weekday, maybe one window, maybe its start or end. */
export function placeWindowsError(field: string | undefined): WindowErrorPlace | null {
  const m = /^windows\.([0-6])(?:\.(\d+)(?:\.(start|end))?)?$/.exec(field ?? '');
  if (!m) return null;
  return { weekday: Number(m[1]), index: m[2] === undefined ? null : Number(m[2]), part: (m[3] as 'start' | 'end' | undefined) ?? null };
}

/** A sensible next window for a day: after its last one, else a morning. */
export function nextWindow(day: EditorDay): EditorWindow {
  const last = day.windows[day.windows.length - 1];
  if (!last) return { start: '08:00', end: '12:00' };
  return last.end < '13:00' ? { start: '13:00', end: '17:00' } : { start: '', end: '' };
}
