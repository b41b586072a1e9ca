/**
 * Before `central catalogue|calendar --file F` publishes a file to every counter: the counters' own parsers judge it
 * (the calendar's parseOfficialCalendar, which CalendarService.setOfficial applies, and the catalogue's
 * parseCatalogue, which the counter's change applier uses), so the central never publishes what every counter
 * would refuse. An empty list means it is publishable.
 */
import { isAppError, type ErrorParams } from '../core/contract/errors';
import { parseOfficialCalendar } from '../core/domain/calendar/official-calendar';
import { parseCatalogue } from '../core/domain/catalogue/validate';

export interface PublishProblem {
  code: string;
  params: ErrorParams;
  /** Where in a catalogue: sheet, row and column as the catalogue parser names them. */
  where?: string;
}

export function publishProblems(kind: 'catalogue' | 'calendar', data: Record<string, unknown>): PublishProblem[] {
  if (kind === 'calendar') {
    try {
      parseOfficialCalendar(data);
      return [];
    } catch (e) {
      if (isAppError(e)) return [{ code: e.code, params: e.params }];
      throw e;
    }
  }
  // `mode` ('merge' | 'replace') is the change's own field: the counter takes it off before parsing, so do we.
  const { mode: _mode, ...file } = data;
  const parsed = parseCatalogue(file);
  if (parsed.catalogue && parsed.errors.length === 0) return [];
  return parsed.errors.map((i) => ({ code: i.code, params: i.params, where: [i.sheet, i.row || '', i.column ?? ''].filter((x) => x !== '').join(' ') }));
}
