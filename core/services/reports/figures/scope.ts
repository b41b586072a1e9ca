/**
 * A report's filter checked and turned into what the queries need: the period's bounds in both time formats, the
 * instant pending dossiers are judged at, and the agency / counter / clerk conditions (SQL and JS).
 */
import type { ReportFilter } from '../../../contract/reports';
import { AppError } from '../../../contract/errors';
import { formatLocalDateTime } from '../../../domain/calendar/index';
import { judgedAt, reportPeriod, type ReportPeriod } from '../../../domain/reports/period';
import { vietnamLocal } from '../../../domain/time/vietnam';
import type { ReportsDeps } from '../reports-deps';

export interface Scope {
  period: ReportPeriod;
  agency: string | null;
  counter: string | null;
  /** A clerk's username (case as typed; matched without case). */
  clerk: string | null;
  nowIso: string;
  nowLocal: string;
  /** min(period end, now), local. */
  judgeLocal: string;
}

export function makeScope(d: Pick<ReportsDeps, 'db' | 'catalogue' | 'clock'>, filter: Partial<ReportFilter> & Pick<ReportFilter, 'from' | 'to'>): Scope {
  const period = reportPeriod(filter.from, filter.to);
  const agency = filter.agency ?? null;
  if (agency !== null && !d.catalogue.hasAgency(agency)) {
    // An agency no longer in the catalogue still has its dossiers' history.
    const known = d.db.prepare('SELECT 1 FROM dossiers WHERE agency_code = ? LIMIT 1').get(agency);
    if (!known) throw new AppError('REPORT_UNKNOWN_AGENCY', { agency }, { field: 'agency' });
  }
  // A counter or clerk typed wrong would give a report of zeros that looks true: refused like an unknown agency.
  if (filter.counter !== undefined && !d.db.prepare('SELECT 1 FROM dossiers WHERE counter_id = ? LIMIT 1').get(filter.counter)) {
    throw new AppError('REPORT_UNKNOWN_COUNTER', { counter: filter.counter }, { field: 'counter' });
  }
  if (filter.clerk !== undefined && !d.db.prepare('SELECT 1 FROM users WHERE username = ?').get(filter.clerk)) {
    throw new AppError('REPORT_UNKNOWN_CLERK', { clerk: filter.clerk }, { field: 'clerk' });
  }
  const now = d.clock.now();
  const nowLocal = formatLocalDateTime(vietnamLocal(now));
  return { period, agency, counter: filter.counter ?? null, clerk: filter.clerk ?? null, nowIso: now.toISOString(), nowLocal, judgeLocal: judgedAt(period, nowLocal) };
}

/** The username in an actor label 'user:<name>#<id>' (dossiers.created_by, dossier_pages.created_by); the label otherwise. */
export function clerkOf(label: string): string {
  const m = /^user:(.*)#\d+$/.exec(label);
  return m ? m[1]! : label;
}

/** The user id in an actor label, or null. */
export function userIdOf(label: string): number | null {
  const m = /^user:.*#(\d+)$/.exec(label);
  return m ? Number(m[1]) : null;
}

const likeEscape = (v: string): string => v.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * SQL conditions (AND …) on a dossier alias `d` and optionally a page alias `p` for the scope's filters. The clerk is
 * the receiving clerk of a dossier (d.created_by) or, for pages, the scanning one (p.created_by).
 */
export function filterSql(s: Pick<Scope, 'agency' | 'counter' | 'clerk'>, o: { dossier: string; clerkColumn: string }): { sql: string; params: Record<string, string> } {
  const parts: string[] = [];
  const params: Record<string, string> = {};
  if (s.agency !== null) {
    parts.push(`${o.dossier}.agency_code = @agency`);
    params.agency = s.agency;
  }
  if (s.counter !== null) {
    parts.push(`${o.dossier}.counter_id = @counter`);
    params.counter = s.counter;
  }
  if (s.clerk !== null) {
    parts.push(`${o.clerkColumn} LIKE @clerk ESCAPE '\\'`);
    params.clerk = `user:${likeEscape(s.clerk)}#%`;
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}
