/** Working-time engine: Vietnamese lunar calendar, public holidays, official holiday file, due dates. */
export {
  type DateInput,
  type LocalDate,
  daysInMonth,
  formatIsoDate,
  isValidDate,
  tryParseIsoDate,
  weekdayOfJdn,
} from './civil';
export { hungKingsDate, lunarToSolar, solarToLunar, tetDate, VIETNAM_TZ, type LunarDate } from './lunar';
export {
  parseOfficialCalendar,
  parseOfficialCalendarText,
  type OfficialCalendar,
  type OfficialYear,
} from './official-calendar';
export {
  builtinHolidays,
  createHolidayCalendar,
  type Holiday,
  type HolidayCalendar,
  type HolidayCalendarOptions,
  type HolidayKind,
} from './holidays';
export {
  compareLocalDateTime,
  formatLocalDateTime,
  formatVn,
  isValidLocalDateTime,
  parseLocalDateTime,
  toLocalDateTime,
  type LocalDateTime,
} from './local-datetime';
export {
  computeDue,
  DEFAULT_HOURS_PER_DAY,
  DEFAULT_MAKEUP_WEEKDAY,
  DEFAULT_WINDOWS,
  isWorkingTime,
  validateWindows,
  windowsOnDate,
  type DueInput,
  type WindowsConfig,
  type WindowSpec,
  type WorkingTimeOptions,
  type WorkingWindows,
} from './working-time';
