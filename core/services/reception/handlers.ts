import type { receptionContract } from '../../contract/reception';
import { formatLocalDateTime } from '../../domain/calendar/index';
import { vietnamLocal } from '../../domain/time/vietnam';
import type { Clock } from '../../platform/clock';
import type { Handlers } from '../../rpc/handlers';
import type { CalendarService } from '../calendar/calendar-service';
import type { ReceptionDraftStore } from './draft-store';
import type { PageStore } from '../documents/page-store';

export function receptionHandlers(drafts: ReceptionDraftStore, calendar: CalendarService, clock: Clock, pages?: Pick<PageStore, 'discardTray'>): Handlers<typeof receptionContract> {
  return {
    getDraft: (_input, ctx) => drafts.get(ctx.actor),
    saveDraft: (input, ctx) => drafts.save(ctx.actor, input.data),
    discardDraft: (_input, ctx) => {
      // Starting over: pages scanned for the abandoned dossier must not go into the next one.
      pages?.discardTray(ctx.actor);
      return drafts.discard(ctx.actor);
    },
    workingTime: (input) => {
      const now = formatLocalDateTime(vietnamLocal(clock.now()));
      return { now, working: calendar.isWorkingTime(now, input.agencyCode) };
    },
  };
}
