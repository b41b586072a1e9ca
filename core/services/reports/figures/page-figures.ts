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

/** Pages of one dossier scanned in one UTC hour by one clerk, with what OCR read of them. */
export interface PageGroup {
  dossierId: string;
  agency: string;
  counter: string;
  /** Vietnam local 'YYYY-MM-DDTHH' the pages were scanned in. */
  localHour: string;
  clerk: string;
  pages: number;
  read: number;
  flagged: number;
  confidenceSum: number;
  confidenceCount: number;
}

const localHours = new Map<string, string>();
/** 'YYYY-MM-DDTHH' in Vietnam of a UTC 'YYYY-MM-DDTHH' (whole-hour offset: days and months follow exactly). */
function localHourOf(utcHour: string): string {
  let l = localHours.get(utcHour);
  if (l === undefined) {
    l = new Date(Date.parse(`${utcHour}:00:00Z`) + 7 * 3_600_000).toISOString().slice(0, 13);
    if (localHours.size < 100_000) localHours.set(utcHour, l);
  }
  return l;
}

/**
 * The period's pages in one indexed pass, grouped by dossier, hour and clerk (ordered by dossier): every page figure
 * (per agency, month, day, hour, counter, clerk; dossiers with pages; OCR) is summed from these by the caller.
 */
export function pageGroups(db: Db, scope: Scope): PageGroup[] {
  const from = periodPagesFrom(scope);
  const rows = db
    .prepare(
      `SELECT p.dossier_id, d.agency_code, d.counter_id, substr(p.created_at, 1, 13), p.created_by, count(*), count(t.page_id), coalesce(sum(t.flagged), 0),
         coalesce(sum(t.confidence), 0), count(t.confidence)
       ${from.sql} GROUP BY p.dossier_id, 4, p.created_by`,
    )
    .raw(true)
    .all({ ...from.params, startIso: scope.period.startIso, endIso: scope.period.endIso }) as Array<[string, string, string, string, string, number, number, number, number, number]>;
  return rows.map((r) => ({
    dossierId: r[0], agency: r[1], counter: r[2], localHour: localHourOf(r[3]), clerk: r[4], pages: r[5], read: r[6], flagged: r[7], confidenceSum: r[8], confidenceCount: r[9],
  }));
}

/** Dossiers with at least one page scanned in the period, per agency. */
export function dossiersDigitised(groups: readonly PageGroup[]): Map<string, number> {
  const seen = new Map<string, Set<string>>();
  for (const g of groups) {
    let s = seen.get(g.agency);
    if (!s) seen.set(g.agency, (s = new Set()));
    s.add(g.dossierId);
  }
  return new Map([...seen].map(([agency, s]) => [agency, s.size]));
}

/** Documents handed in with the dossiers newly received in the period, and those with a page scanned by its end, per agency. */
export function documentCounts(db: Db, scope: Scope): Map<string, { received: number; digitised: number }> {
  const f = filterSql(scope, { dossier: 'd', clerkColumn: 'd.created_by' });
  const rows = db
    .prepare(
      `SELECT d.agency_code AS agency, count(*) AS received, coalesce(sum(i.first_page_at < @endIso), 0) AS digitised
       FROM dossiers d INDEXED BY dossiers_report_received JOIN dossier_items i ON i.dossier_id = d.id
       WHERE d.promised_due_at IS NOT NULL AND d.received_at >= @start AND d.received_at < @end${f.sql}
       GROUP BY d.agency_code`,
    )
    .all({ ...f.params, start: scope.period.startLocal, end: scope.period.endLocal, endIso: scope.period.endIso }) as Array<{ agency: string; received: number; digitised: number }>;
  return new Map(rows.map((r) => [r.agency, { received: r.received, digitised: r.digitised }]));
}
