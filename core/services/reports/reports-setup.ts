/**
 * The reports' composition (issue #19): the figures (one place), the handlers, and the live 'reports.changed' event.
 */
import type { reportsContract } from '../../contract/reports';
import type { Handlers } from '../../rpc/handlers';
import { ReportFigures } from './report-figures';
import type { ReportsDeps } from './reports-deps';
import { reportsHandlers } from './reports-handlers';
import { ReportsEvents } from './reports-events';

export interface Reports {
  handlers: Handlers<typeof reportsContract>;
  figures: ReportFigures;
  /** The live 'reports.changed' (its stats() for tests and the bench). */
  events: ReportsEvents;
  close(): Promise<void>;
}

export function createReports(deps: ReportsDeps): Reports {
  const figures = new ReportFigures(deps);
  const events = new ReportsEvents(deps);
  return {
    handlers: reportsHandlers(figures, deps.catalogue, deps.resourcesDir),
    figures,
    events,
    async close() {
      events.close();
    },
  };
}
