import type { calendarContract } from '../../contract/calendar';
import type { Handlers } from '../../rpc/handlers';
import type { CalendarService } from './calendar-service';

export function calendarHandlers(calendar: CalendarService): Handlers<typeof calendarContract> {
  return {
    dueDate: (input) => ({ due: calendar.due(input) }),
    holidays: (input) => {
      const cal = calendar.holidayCalendar();
      return {
        official: cal.isOfficialYear(input.year),
        holidays: cal.holidaysOf(input.year).map((h) => ({ date: h.date, kind: h.kind, name: h.names.vi, nameEn: h.names.en })),
        workdays: cal.makeupWorkdaysOf(input.year),
      };
    },
    getConfig: () => calendar.config(),
    setWindows: (input, ctx) => calendar.setWindows(ctx.actor, input.agencyCode, input.windows),
    setOfficial: (input, ctx) => calendar.setOfficial(ctx.actor, input.official),
  };
}
