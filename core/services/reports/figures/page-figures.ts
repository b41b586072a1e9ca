/**
 * Digitisation figures: the pages scanned into dossiers in the period (ready, not removed) with what OCR read of them,
 * and the documents handed in with the dossiers newly received in the period (dossier_items). Read from migration
 * 014's covering indexes; grouped in SQL, rolled up by the caller.
 */
import type { Db } from '../../../store/database';
import { filterSql, type Scope } from './scope';

/** Pages of the period, joined to their dossier (agency, counter) and OCR text, with the scope's filters. */
export function periodPagesFrom(scope: Pick<Scope, 'agency' | 'counter' | 'clerk'>): { sql: string; params: Record<string, string> } {
  const f = filterSql(scope, { dossier: 'd', clerkColumn: 'p.created_by' });
  return {
    sql: `FROM dossier_pages p INDEXED BY dossier_pages_report
      JOIN dossiers d INDEXED BY dossiers_report_keys ON d.id = p.dossier_id
      LEFT JOIN page_text t INDEXED BY page_text_report ON t.page_id = p.id
      WHERE p.kind = 'page' AND p.dossier_id IS NOT NULL AND p.created_at >= @startIso AND p.created_at < @endIso
        AND p.state = 'ready' AND p.removed_at IS NULL${f.sql}`,
    params: f.params,
  };
}

export interface PageGroup {
  /** The grouping keys, in the order asked. */
  keys: string[];
  pages: number;
  read: number;
  flagged: number;
  confidenceSum: number;
  confidenceCount: number;
}

/**
 * Page counts grouped by SQL expressions over p (page), d (dossier) and t (page_text), e.g. the agency and the
 * Vietnam month: `d.agency_code`, `strftime('%Y-%m', p.created_at, '+7 hours')`.
 */
export function pageGroups(db: Db, scope: Scope, groupBy: readonly string[]): PageGroup[] {
  const from = periodPagesFrom(scope);
  const keys = groupBy.map((g, i) => `${g} AS k${i}`).join(', ');
  const rows = db
    .prepare(
      `SELECT ${keys}${keys ? ', ' : ''}count(*) AS pages, count(t.page_id) AS read, coalesce(sum(t.flagged), 0) AS flagged,
         coalesce(sum(t.confidence), 0) AS conf_sum, count(t.confidence) AS conf_n
       ${from.sql}${groupBy.length ? ` GROUP BY ${groupBy.map((_, i) => `k${i}`).join(', ')}` : ''}`,
    )
    .all({ ...from.params, startIso: scope.period.startIso, endIso: scope.period.endIso }) as Array<Record<string, string | number>>;
  return rows.map((r) => ({
    keys: groupBy.map((_, i) => String(r[`k${i}`])),
    pages: Number(r.pages),
    read: Number(r.read),
    flagged: Number(r.flagged),
    confidenceSum: Number(r.conf_sum),
    confidenceCount: Number(r.conf_n),
  }));
}

/** Dossiers with at least one page scanned in the period, per agency. */
export function dossiersDigitised(db: Db, scope: Scope): Map<string, number> {
  const from = periodPagesFrom(scope);
  const rows = db
    .prepare(`SELECT d.agency_code AS agency, count(DISTINCT p.dossier_id) AS n ${from.sql} GROUP BY d.agency_code`)
    .all({ ...from.params, startIso: scope.period.startIso, endIso: scope.period.endIso }) as Array<{ agency: string; n: number }>;
  return new Map(rows.map((r) => [r.agency, r.n]));
}

/** Documents handed in with the dossiers newly received in the period, and those with a page scanned, per agency. */
export function documentCounts(db: Db, scope: Scope): Map<string, { received: number; digitised: number }> {
  const f = filterSql(scope, { dossier: 'd', clerkColumn: 'd.created_by' });
  const rows = db
    .prepare(
      `SELECT d.agency_code AS agency, count(*) AS received, coalesce(sum(i.pages > 0), 0) AS digitised
       FROM dossiers d INDEXED BY dossiers_report_received JOIN dossier_items i ON i.dossier_id = d.id
       WHERE d.promised_due_at IS NOT NULL AND d.received_at >= @start AND d.received_at < @end${f.sql}
       GROUP BY d.agency_code`,
    )
    .all({ ...f.params, start: scope.period.startLocal, end: scope.period.endLocal }) as Array<{ agency: string; received: number; digitised: number }>;
  return new Map(rows.map((r) => [r.agency, { received: r.received, digitised: r.digitised }]));
}
