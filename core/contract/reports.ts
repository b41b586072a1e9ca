/**
 * Supervisors' figures and the agencies' period reports (issue #19). Every figure is computed in one place
 * (core/services/reports/) from the rows; the dashboard, the period report (JSON, XLSX, PDF) and the CLI read the same.
 *
 * The period is whole days in Vietnam time, [from 00:00, to 24:00). The report's shape is the agencies' half-year one:
 *   received (tiếp nhận) = carriedOver (from earlier periods, still open at `from`) + newlyReceived (received in the period)
 *   received = resolvedEarly + resolvedOnTime + resolvedLate + pendingWithin + pendingOverdue + withdrawn
 * - resolved (đã giải quyết): the result became ready in the period. Judged against the due date promised at receipt
 *   (an apology's new appointment does not make a late dossier on time): late when ready after it; early when ready on
 *   an earlier day; on time otherwise (the due day itself, by the promised time).
 * - pending (đang giải quyết): received by the period's end, not resolved nor withdrawn by then; overdue when the
 *   promised due time is before the period's end (or before now, for a period that has not ended).
 * - withdrawn (rút hồ sơ): the applicant took it back during the period.
 */
import { z } from 'zod';
import { command, query } from './method';

const MANAGERS = ['admin', 'supervisor'] as const;

/** "YYYY-MM-DD", a day in Vietnam time. */
export const reportDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const reportFilterSchema = z
  .object({
    from: reportDaySchema,
    to: reportDaySchema,
    /** Agency code; absent: every agency. */
    agency: z.string().trim().min(1).max(40).optional(),
    /** The receiving counter (dossiers.counter_id); absent: every counter. */
    counter: z.string().trim().min(1).max(100).optional(),
    /** The receiving or scanning clerk (username); absent: everyone. */
    clerk: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type ReportFilter = z.infer<typeof reportFilterSchema>;

/** The counts of the agencies' report, for the whole filter or one agency. */
export const periodCountsSchema = z.object({
  received: z.number().int(),
  carriedOver: z.number().int(),
  newlyReceived: z.number().int(),
  resolved: z.number().int(),
  resolvedEarly: z.number().int(),
  resolvedOnTime: z.number().int(),
  resolvedLate: z.number().int(),
  pending: z.number().int(),
  pendingWithin: z.number().int(),
  pendingOverdue: z.number().int(),
  withdrawn: z.number().int(),
  /** (early + on time) / resolved, 0..1; null when none was resolved. */
  onTimeRate: z.number().nullable(),
  /** Pages scanned in the period into dossiers (not removed, ready). */
  pagesDigitised: z.number().int(),
  /** Dossiers with at least one page scanned in the period. */
  dossiersDigitised: z.number().int(),
  /** Documents handed in (received checklist lines) of the dossiers newly received in the period … */
  documentsReceived: z.number().int(),
  /** … and of those, the ones with at least one page scanned (the "100% digitised" target). */
  documentsDigitised: z.number().int(),
  /** documentsDigitised / documentsReceived, 0..1; null when none. */
  digitisedRate: z.number().nullable(),
  /** Mean OCR confidence (0..100) of the period's pages read; null when none. */
  meanOcrConfidence: z.number().nullable(),
  pagesRead: z.number().int(),
  pagesFlagged: z.number().int(),
});
export type PeriodCounts = z.infer<typeof periodCountsSchema>;

export const periodReportSchema = periodCountsSchema.extend({
  from: reportDaySchema,
  to: reportDaySchema,
  agency: z.string().nullable(),
  /** ISO instant the figures were read. */
  generatedAt: z.string(),
  perAgency: z.array(periodCountsSchema.extend({ agency: z.string(), name: z.string() })),
  perProcedure: z.array(
    z.object({
      agency: z.string(),
      procedure: z.string(),
      name: z.string(),
      received: z.number().int(),
      resolved: z.number().int(),
      resolvedLate: z.number().int(),
      pendingOverdue: z.number().int(),
    }),
  ),
  perMonth: z.array(z.object({ month: z.string(), newlyReceived: z.number().int(), resolved: z.number().int(), resolvedLate: z.number().int(), pagesDigitised: z.number().int() })),
});
export type PeriodReport = z.infer<typeof periodReportSchema>;

const bucketCounts = z.object({ dossiers: z.number().int(), pages: z.number().int() });

export const dashboardSchema = z.object({
  filter: reportFilterSchema,
  generatedAt: z.string(),
  counts: periodCountsSchema,
  /** Dossiers received and pages scanned per day (every day of the period, zeros included) and per hour of day. */
  perDay: z.array(bucketCounts.extend({ day: reportDaySchema })),
  perHour: z.array(bucketCounts.extend({ hour: z.string() })),
  perCounter: z.array(bucketCounts.extend({ counter: z.string() })),
  perClerk: z.array(bucketCounts.extend({ clerk: z.string(), name: z.string() })),
  /** Pending dossiers due within the next 24 hours (from now). */
  dueSoon: z.number().int(),
  /** Now, not of the period. */
  ocr: z.object({ waiting: z.number().int(), running: z.number().int(), failed: z.number().int(), flaggedUnreviewed: z.number().int() }),
  /** The period's queue (null with the reason when the queue's store cannot be reached). */
  queue: z.object({
    available: z.boolean(),
    issued: z.number().int(),
    served: z.number().int(),
    noShow: z.number().int(),
    meanWaitSeconds: z.number().nullable(),
    maxWaitSeconds: z.number().nullable(),
    meanServiceSeconds: z.number().nullable(),
    perHour: z.array(z.object({ hour: z.string(), issued: z.number().int(), meanWaitSeconds: z.number().nullable() })),
    perCounter: z.array(z.object({ counter: z.number().int(), served: z.number().int(), noShow: z.number().int(), meanServiceSeconds: z.number().nullable() })),
  }),
  /** Now: what waits to reach the central system and how old the oldest is. */
  sync: z.object({
    pendingDossiers: z.number().int(),
    pendingItems: z.number().int(),
    pendingBytes: z.number().int(),
    oldestPendingAt: z.string().nullable(),
    rejected: z.number().int(),
    lastSuccessAt: z.string().nullable(),
  }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** The figures a supervisor can open to see the rows behind them. */
export const drillFigureSchema = z.enum([
  'received',
  'carriedOver',
  'newlyReceived',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'pendingWithin',
  'pendingOverdue',
  'withdrawn',
  'dueSoon',
  'dossiersDigitised',
  'documentsNotDigitised',
  'pagesDigitised',
  'pagesFlagged',
  'ocrBacklog',
  'syncBacklog',
  'ticketsIssued',
  'ticketsNoShow',
]);
export type DrillFigure = z.infer<typeof drillFigureSchema>;

export const drillInputSchema = z
  .object({
    figure: drillFigureSchema,
    filter: reportFilterSchema,
    /** Narrow to one bar of a chart: a day "YYYY-MM-DD", an hour "08", a counter id or a clerk's username. */
    bucket: z
      .object({ day: reportDaySchema.optional(), hour: z.string().regex(/^\d{2}$/).optional(), counter: z.string().max(100).optional(), clerk: z.string().max(100).optional() })
      .strict()
      .optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict();

export const drillDossierSchema = z.object({
  id: z.string(),
  code: z.string().nullable(),
  agency: z.string(),
  procedure: z.string(),
  procedureName: z.string(),
  applicant: z.string(),
  state: z.string(),
  receivedAt: z.string().nullable(),
  /** The due date promised at receipt: what the figure judged. */
  dueAt: z.string().nullable(),
  /** The appointment now, when an apology moved it (else null). */
  rescheduledDueAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  counter: z.string(),
  clerk: z.string(),
});
export const drillPageSchema = z.object({
  id: z.string(),
  dossierId: z.string().nullable(),
  dossierCode: z.string().nullable(),
  itemCode: z.string(),
  createdAt: z.string(),
  clerk: z.string(),
  confidence: z.number().nullable(),
  flagged: z.boolean(),
  ocrState: z.string().nullable(),
});
export const drillTicketSchema = z.object({
  id: z.string(),
  number: z.string(),
  service: z.string(),
  state: z.string(),
  counter: z.number().int().nullable(),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  waitSeconds: z.number().nullable(),
});
export const drillResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dossiers'), total: z.number().int(), rows: z.array(drillDossierSchema) }),
  z.object({ kind: z.literal('pages'), total: z.number().int(), rows: z.array(drillPageSchema) }),
  z.object({ kind: z.literal('tickets'), total: z.number().int(), rows: z.array(drillTicketSchema) }),
]);
export type DrillResult = z.infer<typeof drillResultSchema>;

export const reportFormatSchema = z.enum(['xlsx', 'pdf']);

export const reportsContract = {
  dashboard: query({
    summary: 'The supervisor dashboard: the period figures, per day/hour/counter/clerk, OCR, queue and sync now',
    access: MANAGERS,
    input: reportFilterSchema,
    output: dashboardSchema,
  }),
  period: query({
    summary: "The agencies' period report (received; resolved early, on time, late; pending within or past due; digitisation)",
    access: MANAGERS,
    input: reportFilterSchema.omit({ counter: true, clerk: true }),
    output: periodReportSchema,
  }),
  drill: query({
    summary: 'The dossiers, pages or tickets behind one figure (paged)',
    access: MANAGERS,
    input: drillInputSchema,
    output: drillResultSchema,
  }),
  export: command({
    summary: 'The period report as an XLSX or PDF file in Vietnamese with charts (base64)',
    access: MANAGERS,
    input: reportFilterSchema.omit({ counter: true, clerk: true }).extend({ format: reportFormatSchema }).strict(),
    output: z.object({ fileName: z.string(), mediaType: z.string(), bytes: z.number().int(), base64: z.string() }),
  }),
};
