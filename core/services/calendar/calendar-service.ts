/**
 * Working calendars of the agencies: windows per agency (or the default), the official holiday file, and due
 * dates computed with them. Configuration lives in settings, so it is audited and backed up with the rest.
 */
import type { CalendarConfig } from '../../contract/calendar';
import { AppError } from '../../contract/errors';
import {
  computeDue,
  createHolidayCalendar,
  DEFAULT_WINDOWS,
  formatLocalDateTime,
  isWorkingTime,
  parseOfficialCalendar,
  validateWindows,
  type HolidayCalendar,
  type LocalDateTime,
  type WindowsConfig,
} from '../../domain/calendar/index';
import type { Actor } from '../actor';
import type { SettingsService } from '../settings/settings-service';

const KEY = 'calendar.config';

export class CalendarService {
  private cachedCalendar: { source: unknown; calendar: HolidayCalendar } | null = null;

  /** agencyExists: the catalogue's answer; without it agency codes are taken as given. */
  constructor(
    private readonly settings: SettingsService,
    private readonly agencyExists?: (code: string) => boolean,
  ) {}

  private requireAgency(agencyCode: string | undefined): void {
    if (agencyCode !== undefined && this.agencyExists && !this.agencyExists(agencyCode)) {
      throw new AppError('CATALOGUE_AGENCY_NOT_FOUND', { agencyCode }, { field: 'agencyCode' });
    }
  }

  config(): CalendarConfig {
    const stored = this.settings.get<CalendarConfig>(KEY);
    return {
      defaultWindows: stored?.defaultWindows ?? (DEFAULT_WINDOWS as CalendarConfig['defaultWindows']),
      agencyWindows: stored?.agencyWindows ?? {},
      official: stored?.official ?? null,
    };
  }

  setWindows(actor: Actor, agencyCode: string | undefined, windows: WindowsConfig | null): CalendarConfig {
    if (windows) {
      // No working minute in the week would make every due date impossible to compute.
      if (validateWindows(windows).byWeekday.every((day) => day.length === 0)) throw new AppError('CALENDAR_NO_WORKING_TIME', {}, { field: 'windows' });
      this.requireAgency(agencyCode);
    }
    const c = this.config();
    if (agencyCode === undefined) c.defaultWindows = (windows ?? DEFAULT_WINDOWS) as CalendarConfig['defaultWindows'];
    else if (windows === null) delete c.agencyWindows[agencyCode];
    else c.agencyWindows[agencyCode] = windows as CalendarConfig['defaultWindows'];
    this.settings.set(actor, KEY, c);
    return c;
  }

  setOfficial(actor: Actor, official: unknown): CalendarConfig {
    const c = this.config();
    c.official = official === null ? null : parseOfficialCalendar(official);
    this.settings.set(actor, KEY, c);
    return c;
  }

  holidayCalendar(official?: unknown): HolidayCalendar {
    if (official !== undefined) return createHolidayCalendar({ official: parseOfficialCalendar(official) });
    const source = this.config().official;
    if (this.cachedCalendar?.source !== source || !this.cachedCalendar) {
      const calendar = createHolidayCalendar(source ? { official: parseOfficialCalendar(source) } : {});
      this.cachedCalendar = { source, calendar };
    }
    return this.cachedCalendar.calendar;
  }

  windowsFor(agencyCode: string | undefined): WindowsConfig {
    const c = this.config();
    return (agencyCode !== undefined ? c.agencyWindows[agencyCode] : undefined) ?? c.defaultWindows;
  }

  /** Inside a working window of that agency (a window's end counts: a due time may be 17:00). */
  isWorkingTime(at: string, agencyCode?: string): boolean {
    return isWorkingTime(at, { windows: this.windowsFor(agencyCode), calendar: this.holidayCalendar() });
  }

  due(input: { received: LocalDateTime | string; days?: number; hours?: number; agencyCode?: string; official?: unknown }): string {
    this.requireAgency(input.agencyCode);
    const due = computeDue({
      received: input.received,
      ...(input.days !== undefined ? { days: input.days } : {}),
      ...(input.hours !== undefined ? { hours: input.hours } : {}),
      windows: this.windowsFor(input.agencyCode),
      calendar: this.holidayCalendar(input.official),
    });
    return formatLocalDateTime(due);
  }
}
