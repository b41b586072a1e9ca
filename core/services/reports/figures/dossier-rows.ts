/**
 * The dossiers a period's report counts, read from migration 014's covering indexes (never the wide rows), each
 * placed by the one rule (core/domain/reports/classify.ts). The set is four disjoint index ranges:
 *   received in the period; received before it and resolved since its start; … withdrawn since its start (not
 *   resolved); … still open now. Together: every dossier received before the end and not closed before the start.
 */
import { placeInPeriod, type Placement } from '../../../domain/reports/classify';
import type { Db } from '../../../store/database';
import { filterSql, type Scope } from './scope';

export interface DossierFigureRow {
  id: string;
  agency: string;
  procedure: string;
  counter: string;
  createdBy: string;
  receivedAt: string;
  promisedDueAt: string;
  resolvedAt: string | null;
  withdrawnAt: string | null;
}

const COLUMNS = 'd.id, d.agency_code, d.procedure_code, d.counter_id, d.created_by, d.received_at, d.promised_due_at, d.resolved_at, d.withdrawn_at';
type Raw = [string, string, string, string, string, string, string, string | null, string | null];

const PARTS = [
  `FROM dossiers d INDEXED BY dossiers_report_received WHERE d.promised_due_at IS NOT NULL AND d.received_at >= @start AND d.received_at < @end`,
  `FROM dossiers d INDEXED BY dossiers_report_resolved WHERE d.resolved_at IS NOT NULL AND d.promised_due_at IS NOT NULL AND d.resolved_at >= @start AND d.received_at < @start`,
  `FROM dossiers d INDEXED BY dossiers_report_withdrawn WHERE d.withdrawn_at IS NOT NULL AND d.promised_due_at IS NOT NULL AND d.withdrawn_at >= @start AND d.resolved_at IS NULL AND d.received_at < @start`,
  `FROM dossiers d INDEXED BY dossiers_report_open WHERE d.promised_due_at IS NOT NULL AND d.resolved_at IS NULL AND d.withdrawn_at IS NULL AND d.received_at < @start`,
];

/** The SQL of the period's dossiers (exported for the query-plan test). */
export function periodDossiersSql(scope: Pick<Scope, 'agency' | 'counter' | 'clerk'>): { sql: string; params: Record<string, string> } {
  const f = filterSql(scope, { dossier: 'd', clerkColumn: 'd.created_by' });
  return { sql: PARTS.map((p) => `SELECT ${COLUMNS} ${p}${f.sql}`).join('\nUNION ALL\n'), params: f.params };
}

/** Calls back each dossier of the period's report with its place. */
export function eachPlacedDossier(db: Db, scope: Scope, fn: (row: DossierFigureRow, place: Placement) => void): void {
  const q = periodDossiersSql(scope);
  const bounds = { startLocal: scope.period.startLocal, endLocal: scope.period.endLocal, judgeLocal: scope.judgeLocal };
  const stmt = db.prepare(q.sql).raw(true);
  for (const r of stmt.iterate({ ...q.params, start: scope.period.startLocal, end: scope.period.endLocal }) as IterableIterator<Raw>) {
    const row: DossierFigureRow = {
      id: r[0], agency: r[1], procedure: r[2], counter: r[3], createdBy: r[4], receivedAt: r[5], promisedDueAt: r[6], resolvedAt: r[7], withdrawnAt: r[8],
    };
    const place = placeInPeriod(row, bounds);
    if (place) fn(row, place);
  }
}

export interface OpenDossierRow {
  id: string;
  receivedAt: string;
  promisedDueAt: string;
  dueAt: string | null;
  counter: string;
  createdBy: string;
}

/** The dossiers open now (received, not resolved nor withdrawn) in the scope's agency / counter / clerk. */
export function openDossiers(db: Db, scope: Pick<Scope, 'agency' | 'counter' | 'clerk'>): OpenDossierRow[] {
  const f = filterSql(scope, { dossier: 'd', clerkColumn: 'd.created_by' });
  const rows = db
    .prepare(
      `SELECT d.id, d.received_at, d.promised_due_at, d.due_at, d.counter_id, d.created_by FROM dossiers d INDEXED BY dossiers_report_open
       WHERE d.promised_due_at IS NOT NULL AND d.resolved_at IS NULL AND d.withdrawn_at IS NULL AND d.received_at IS NOT NULL${f.sql}`,
    )
    .raw(true)
    .all(f.params) as Array<[string, string, string, string | null, string, string]>;
  return rows.map((r) => ({ id: r[0], receivedAt: r[1], promisedDueAt: r[2], dueAt: r[3], counter: r[4], createdBy: r[5] }));
}
