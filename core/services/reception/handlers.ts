import type { receptionContract } from '../../contract/reception';
import { formatLocalDateTime } from '../../domain/calendar/index';
import { vietnamLocal } from '../../domain/time/vietnam';
import type { Clock } from '../../platform/clock';
import type { Handlers } from '../../rpc/handlers';
import type { CalendarService } from '../calendar/calendar-service';
import type { ReceptionDraftStore } from './draft-store';
import type { PageStore } from '../documents/page-store';
import type { ScanService } from '../scanning/scan-service';

export function receptionHandlers(
  drafts: ReceptionDraftStore,
  calendar: CalendarService,
  clock: Clock,
  tray?: { pages: Pick<PageStore, 'discardTray'>; scans: Pick<ScanService, 'stopTrayJobs'> },
): Handlers<typeof receptionContract> {
  return {
    getDraft: (_input, ctx) => drafts.get(ctx.actor),
    saveDraft: (input, ctx) => drafts.save(ctx.actor, input.data),
    discardDraft: (_input, ctx) => {
      // Starting over: pages scanned for the abandoned dossier must not go into the next one. Scans still
      // running into the tray stop first (pages they already stored are set aside with the rest).
      tray?.scans.stopTrayJobs(ctx.actor);
      tray?.pages.discardTray(ctx.actor);
      return drafts.discard(ctx.actor);
    },
    workingTime: (input) => {
      const now = formatLocalDateTime(vietnamLocal(clock.now()));
      return { now, working: calendar.isWorkingTime(now, input.agencyCode) };
    },
  };
}
