/**
 * The rows behind a figure (issue #19): the dossiers, pages or queue tickets a supervisor opens from the dashboard,
 * narrowed to one bar (bucket: a day, an hour, a counter, a clerk), newest first, paged, with the total. Each figure
 * selects its rows by the same rule and queries that compute it, so the total equals the figure.
 */
import type { DrillFigure, DrillResult } from '../../../contract/reports';
import { AppError } from '../../../contract/errors';
import type { Outcome } from '../../../domain/reports/classify';
import { isDueSoon } from '../../../domain/reports/classify';
import { reportPeriod } from '../../../domain/reports/period';
import { vietnamHour } from '../../../domain/queue/metrics';
import { PURGE_FIRST } from '../../../store/migrations/009_ocr';
import type { ReportsDeps } from '../reports-deps';
import type { DrillInput } from '../report-figures';
import { localPlusDay } from './dashboard';
import { eachPlacedDossier, openDossiers } from './dossier-rows';
import { periodPagesFrom } from './page-figures';
import { clerkOf, filterSql, makeScope, type Scope } from './scope';

type Bucket = NonNullable<DrillInput['bucket']>;
interface Keyed {
  id: string;
  /** Sort key, newest first. */
  at: string;
}

const OUTCOME_FIGURES: Partial<Record<DrillFigure, Outcome>> = {
  resolvedEarly: 'resolvedEarly',
  resolvedOnTime: 'resolvedOnTime',
  resolvedLate: 'resolvedLate',
  pendingWithin: 'pendingWithin',
  pendingOverdue: 'pendingOverdue',
  withdrawn: 'withdrawn',
};

/** A dossier in a bar: received that day / hour, at that counter, by that clerk. */
function inBucket(b: Bucket | undefined, receivedAt: string, counter: string, createdBy: string): boolean {
  if (!b) return true;
  if (b.day !== undefined && receivedAt.slice(0, 10) !== b.day) return false;
  if (b.hour !== undefined && receivedAt.slice(11, 13) !== b.hour) return false;
  if (b.counter !== undefined && counter !== b.counter) return false;
  if (b.clerk !== undefined && clerkOf(createdBy).toLowerCase() !== b.clerk.toLowerCase()) return false;
  return true;
}

const newestFirst = (a: Keyed, b: Keyed): number => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

function dossierPage(d: Pick<ReportsDeps, 'db'>, keyed: Keyed[], input: DrillInput): DrillResult {
  keyed.sort(newestFirst);
  const ids = keyed.slice(input.offset, input.offset + input.limit).map((k) => k.id);
  const rows =
    ids.length === 0
      ? []
      : (d.db
          .prepare(
            `SELECT d.id, d.code, d.agency_code, d.procedure_code, coalesce(pr.name, json_extract(d.procedure_snapshot, '$.name'), d.procedure_code) AS procedure_name,
               coalesce(a.full_name, json_extract(d.applicant_snapshot, '$.fullName'), '') AS applicant, d.state, d.received_at, d.due_at, d.promised_due_at, d.resolved_at, d.counter_id, d.created_by
             FROM dossiers d LEFT JOIN applicants a ON a.id = d.applicant_id LEFT JOIN procedures pr ON pr.agency_code = d.agency_code AND pr.code = d.procedure_code
             WHERE d.id IN (${ids.map(() => '?').join(', ')})`,
          )
          .all(...ids) as Array<Record<string, string | null>>);
  const byId = new Map(rows.map((r) => [r.id!, r]));
  return {
    kind: 'dossiers',
    total: keyed.length,
    rows: ids.map((id) => {
      const r = byId.get(id)!;
      return {
        id,
        code: r.code ?? null,
        agency: r.agency_code!,
        procedure: r.procedure_code!,
        procedureName: r.procedure_name!,
        applicant: r.applicant!,
        state: r.state!,
        receivedAt: r.received_at ?? null,
        dueAt: r.promised_due_at ?? r.due_at ?? null,
        rescheduledDueAt: r.due_at && r.promised_due_at && r.due_at !== r.promised_due_at ? r.due_at : null,
        resolvedAt: r.resolved_at ?? null,
        counter: r.counter_id!,
        clerk: clerkOf(r.created_by!),
      };
    }),
  };
}

/** Page conditions of a bar: its day (an index range), hour, counter, clerk. */
function pageBucketSql(b: Bucket | undefined, scope: Scope): { sql: string; params: Record<string, string> } {
  const params: Record<string, string> = { startIso: scope.period.startIso, endIso: scope.period.endIso };
  let sql = '';
  if (b?.day !== undefined) {
    const day = reportPeriod(b.day, b.day);
    params.startIso = day.startIso > scope.period.startIso ? day.startIso : scope.period.startIso;
    params.endIso = day.endIso < scope.period.endIso ? day.endIso : scope.period.endIso;
  }
  if (b?.hour !== undefined) {
    sql += ` AND strftime('%H', p.created_at, '+7 hours') = @bucketHour`;
    params.bucketHour = b.hour;
  }
  if (b?.counter !== undefined) {
    sql += ' AND d.counter_id = @bucketCounter';
    params.bucketCounter = b.counter;
  }
  if (b?.clerk !== undefined) {
    sql += ` AND p.created_by LIKE @bucketClerk ESCAPE '\\'`;
    params.bucketClerk = `user:${b.clerk.replace(/[\\%_]/g, (c) => `\\${c}`)}#%`;
  }
  return { sql, params };
}

function pageRows(d: Pick<ReportsDeps, 'db'>, ids: string[]): DrillResult & { kind: 'pages' } {
  const rows =
    ids.length === 0
      ? []
      : (d.db
          .prepare(
            `SELECT p.id, p.dossier_id, d.code, p.item_code, p.created_at, p.created_by, t.confidence, t.flagged, j.state AS ocr_state
             FROM dossier_pages p LEFT JOIN dossiers d ON d.id = p.dossier_id LEFT JOIN page_text t ON t.page_id = p.id LEFT JOIN ocr_jobs j ON j.page_id = p.id
             WHERE p.id IN (${ids.map(() => '?').join(', ')})`,
          )
          .all(...ids) as Array<Record<string, string | number | null>>);
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  return {
    kind: 'pages',
    total: 0,
    rows: ids.map((id) => {
      const r = byId.get(id)!;
      return {
        id,
        dossierId: (r.dossier_id as string | null) ?? null,
        dossierCode: (r.code as string | null) ?? null,
        itemCode: r.item_code as string,
        createdAt: r.created_at as string,
        clerk: clerkOf(r.created_by as string),
        confidence: (r.confidence as number | null) ?? null,
        flagged: r.flagged === 1,
        ocrState: (r.ocr_state as string | null) ?? null,
      };
    }),
  };
}

export async function drill(d: ReportsDeps, input: DrillInput): Promise<DrillResult> {
  const scope = makeScope(d, input.filter);
  const b = input.bucket;
  if (b?.day !== undefined && (b.day < scope.period.from || b.day > scope.period.to)) {
    throw new AppError('REPORT_BAD_PERIOD', { from: b.day, to: scope.period.to }, { field: 'bucket.day' });
  }
  const figure = input.figure;

  if (figure === 'received' || figure === 'carriedOver' || figure === 'newlyReceived' || OUTCOME_FIGURES[figure]) {
    const keyed: Keyed[] = [];
    eachPlacedDossier(d.db, scope, (row, place) => {
      const match =
        figure === 'received' || (figure === 'carriedOver' ? place.carriedOver : figure === 'newlyReceived' ? !place.carriedOver : place.outcome === OUTCOME_FIGURES[figure]);
      if (match && inBucket(b, row.receivedAt, row.counter, row.createdBy)) keyed.push({ id: row.id, at: row.receivedAt });
    });
    return dossierPage(d, keyed, input);
  }
  if (figure === 'dueSoon') {
    const until = localPlusDay(scope.nowLocal);
    const keyed = openDossiers(d.db, scope)
      .filter((r) => isDueSoon({ ...r, resolvedAt: null, withdrawnAt: null }, scope.nowLocal, until) && inBucket(b, r.receivedAt, r.counter, r.createdBy))
      .map((r) => ({ id: r.id, at: r.receivedAt }));
    return dossierPage(d, keyed, input);
  }
  if (figure === 'documentsNotDigitised') {
    // The dossiers newly received in the period with a document handed in and no page of it scanned.
    const f = filterSql(scope, { dossier: 'd', clerkColumn: 'd.created_by' });
    const rows = d.db
      .prepare(
        `SELECT d.id, d.received_at, d.counter_id, d.created_by FROM dossiers d INDEXED BY dossiers_report_received
         WHERE d.promised_due_at IS NOT NULL AND d.received_at >= @start AND d.received_at < @end${f.sql}
           AND EXISTS (SELECT 1 FROM dossier_items i WHERE i.dossier_id = d.id AND (i.first_page_at IS NULL OR i.first_page_at >= @endIso))`,
      )
      .raw(true)
      .all({ ...f.params, start: scope.period.startLocal, end: scope.period.endLocal, endIso: scope.period.endIso }) as Array<[string, string, string, string]>;
    return dossierPage(d, rows.filter((r) => inBucket(b, r[1], r[2], r[3])).map((r) => ({ id: r[0], at: r[1] })), input);
  }
  if (figure === 'dossiersDigitised') {
    const from = periodPagesFrom(scope);
    const bucketSql = pageBucketSql(b, scope);
    const rows = d.db
      .prepare(`SELECT DISTINCT d.id, d.received_at ${from.sql}${bucketSql.sql}`)
      .raw(true)
      .all({ ...from.params, ...bucketSql.params }) as Array<[string, string]>;
    return dossierPage(d, rows.map((r) => ({ id: r[0], at: r[1] })), input);
  }
  if (figure === 'syncBacklog') {
    const rows = d.db
      .prepare(
        `SELECT d.id, d.received_at, d.counter_id, d.created_by FROM dossiers d INDEXED BY dossiers_report_keys
         WHERE d.id IN (SELECT dossier_id FROM sync_outbox WHERE state = 'pending')${filterSql(scope, { dossier: 'd', clerkColumn: 'd.created_by' }).sql}`,
      )
      .raw(true)
      .all(filterSql(scope, { dossier: 'd', clerkColumn: 'd.created_by' }).params) as Array<[string, string | null, string, string]>;
    return dossierPage(d, rows.map((r) => ({ id: r[0], at: r[1] ?? '' })), input);
  }
  if (figure === 'pagesDigitised' || figure === 'pagesFlagged') {
    const from = periodPagesFrom(scope);
    const bucketSql = pageBucketSql(b, scope);
    const where = `${from.sql}${bucketSql.sql}${figure === 'pagesFlagged' ? ' AND t.flagged = 1' : ''}`;
    const params = { ...from.params, ...bucketSql.params };
    const total = d.db.prepare(`SELECT count(*) ${where}`).pluck().get(params) as number;
    const ids = d.db
      .prepare(`SELECT p.id ${where} ORDER BY p.created_at DESC, p.id DESC LIMIT @limit OFFSET @offset`)
      .pluck()
      .all({ ...params, limit: input.limit, offset: input.offset }) as string[];
    return { ...pageRows(d, ids), total };
  }
  if (figure === 'ocrBacklog') {
    // Now, not of the period: the pages waiting for OCR or being read (not removed pages' clean-up jobs).
    const where = `FROM ocr_jobs j JOIN dossier_pages p ON p.id = j.page_id WHERE j.state IN ('waiting', 'running') AND j.focus_at IS NOT '${PURGE_FIRST}'`;
    const total = d.db.prepare(`SELECT count(*) ${where}`).pluck().get() as number;
    const ids = d.db.prepare(`SELECT p.id ${where} ORDER BY p.created_at DESC, p.id DESC LIMIT ? OFFSET ?`).pluck().all(input.limit, input.offset) as string[];
    return { ...pageRows(d, ids), total };
  }
  // Queue tickets of the period's days (a bar: its day, the hour they were issued, the counter that called them).
  const counter = b?.counter === undefined ? null : Number(b.counter);
  if (counter !== null && !Number.isInteger(counter)) return { kind: 'tickets', total: 0, rows: [] };
  const keys = (await d.queue.ticketKeysBetween({ from: b?.day ?? scope.period.from, to: b?.day ?? scope.period.to, noShowOnly: figure === 'ticketsNoShow', counter }))
    .filter((t) => b?.hour === undefined || vietnamHour(t.issuedAt) === b.hour)
    .reverse();
  const page = keys.slice(input.offset, input.offset + input.limit);
  const tickets = new Map((await d.queue.ticketsByIds(page.map((t) => t.id))).map((t) => [t.id, t]));
  return {
    kind: 'tickets',
    total: keys.length,
    rows: page.map((k) => {
      const t = tickets.get(k.id)!;
      return {
        id: t.id,
        number: t.number,
        service: t.service,
        state: t.state,
        counter: t.counter,
        issuedAt: t.issuedAt,
        calledAt: t.calledAt,
        waitSeconds: t.calledAt === null ? null : (Date.parse(t.calledAt) - Date.parse(t.issuedAt)) / 1000,
      };
    }),
  };
}

