/**
 * Applies a change pulled from the central server, once per cursor (sync_changes), and says what it changed:
 * result_ready and supplement_requested go through the dossier state machine (as the central system's actor,
 * audited); catalogue and calendar updates are imported and their diff recorded ("visible diff").
 * PLACEHOLDER (skeleton): the status-back helper implements it.
 */
import type { AppliedChange } from '../../contract/sync';
import type { Change } from '../../contract/central-api';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { Db } from '../../store/database';
import type { AuditLog } from '../audit/audit-log';
import type { CalendarService } from '../calendar/calendar-service';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { DossierService } from '../dossiers/dossier-service';

export interface ChangeApplierDeps {
  db: Db;
  audit: AuditLog;
  dossiers: DossierService;
  catalogue: CatalogueService;
  calendar: CalendarService;
  logger: Logger;
  clock: Clock;
}

export interface ChangeApplier {
  /** Applies one change (or returns what it did the first time, for a cursor seen before). Never throws for a bad change: outcome 'failed'. */
  apply(change: Change): AppliedChange;
  /** Newest first. */
  list(limit: number): AppliedChange[];
}

export function createChangeApplier(_deps: ChangeApplierDeps): ChangeApplier {
  return {
    apply: () => {
      throw new Error('createChangeApplier: not implemented yet (skeleton)');
    },
    list: () => [],
  };
}
