import type { receptionContract } from '../../contract/reception';
import { formatLocalDateTime } from '../../domain/calendar/index';
import { vietnamLocal } from '../../domain/time/vietnam';
import type { Clock } from '../../platform/clock';
import type { Handlers } from '../../rpc/handlers';
import type { CalendarService } from '../calendar/calendar-service';
import type { ReceptionDraftStore } from './draft-store';

export function receptionHandlers(drafts: ReceptionDraftStore, calendar: CalendarService, clock: Clock): Handlers<typeof receptionContract> {
  return {
    getDraft: (_input, ctx) => drafts.get(ctx.actor),
    saveDraft: (input, ctx) => drafts.save(ctx.actor, input.data),
    discardDraft: (_input, ctx) => drafts.discard(ctx.actor),
    workingTime: (input) => {
      const now = formatLocalDateTime(vietnamLocal(clock.now()));
      return { now, working: calendar.isWorkingTime(now, input.agencyCode) };
    },
  };
}
