/**
 * The supervisor's dashboard (issue #19): the period's counts for the filter (agency, counter, clerk), dossiers received
 * and pages scanned per day (every day), per hour, per counter and per clerk, what is due soon, and now: OCR, the
 * queue's period figures (its store may be unreachable: shown unavailable, not an error) and the sync backlog.
 */
import type { Dashboard, ReportFilter } from '../../../contract/reports';
import { AppError } from '../../../contract/errors';
import { addPlacement, emptyOutcomeCounts, isDueSoon } from '../../../domain/reports/classify';
import { periodDays } from '../../../domain/reports/period';
import { PURGE_FIRST } from '../../../store/migrations/009_ocr';
import type { ReportsDeps } from '../reports-deps';
import { eachPlacedDossier, openDossiers } from './dossier-rows';
import { pageGroups } from './page-figures';
import { digitisedPerAgency, sumDigitised, toPeriodCounts } from './period-counts';
import { clerkOf, userIdOf, type Scope } from './scope';

type Bucket = { dossiers: number; pages: number };
const bucket = (): Bucket => ({ dossiers: 0, pages: 0 });

function bump(m: Map<string, Bucket>, key: string, field: keyof Bucket, n = 1): void {
  let b = m.get(key);
  if (!b) m.set(key, (b = bucket()));
  b[field] += n;
}

/** 24 hours from a local 'YYYY-MM-DDTHH:MM'. */
export function localPlusDay(local: string): string {
  return new Date(Date.parse(`${local}:00Z`) + 86_400_000).toISOString().slice(0, 16);
}

export function dashboardSeries(d: Pick<ReportsDeps, 'db'>, scope: Scope): Pick<Dashboard, 'counts' | 'perDay' | 'perHour' | 'perCounter' | 'perClerk' | 'dueSoon'> {
  const outcomes = emptyOutcomeCounts();
  const days = new Map(periodDays(scope.period).map((day) => [day, bucket()]));
  const hours = new Map<string, Bucket>();
  const counters = new Map<string, Bucket>();
  const clerks = new Map<string, Bucket>();
  eachPlacedDossier(d.db, scope, (row, place) => {
    addPlacement(outcomes, place);
    if (place.carriedOver) return;
    // The bars show the dossiers received in the period: when, at which counter, by whom.
    days.get(row.receivedAt.slice(0, 10))!.dossiers++;
    bump(hours, row.receivedAt.slice(11, 13), 'dossiers');
    bump(counters, row.counter, 'dossiers');
    bump(clerks, row.createdBy, 'dossiers');
  });
  const pageRows = pageGroups(d.db, scope);
  for (const g of pageRows) {
    const day = days.get(g.localHour.slice(0, 10));
    if (day) day.pages += g.pages;
    bump(hours, g.localHour.slice(11, 13), 'pages', g.pages);
    bump(counters, g.counter, 'pages', g.pages);
    bump(clerks, g.clerk, 'pages', g.pages);
  }
  const digitised = sumDigitised(digitisedPerAgency(d, scope, pageRows).values());

  const names = new Map((d.db.prepare('SELECT id, username, display_name FROM users').raw(true).all() as Array<[number, string, string]>).map(([id, u, n]) => [id, { u, n }]));
  const perClerk = [...clerks.entries()].map(([label, b]) => {
    const user = names.get(userIdOf(label) ?? -1);
    return { clerk: user?.u ?? clerkOf(label), name: user?.n ?? clerkOf(label), ...b };
  });
  // A clerk whose label changed (renamed) is still one person: merged by username.
  const merged = new Map<string, (typeof perClerk)[number]>();
  for (const c of perClerk) {
    const m = merged.get(c.clerk);
    if (m) {
      m.dossiers += c.dossiers;
      m.pages += c.pages;
    } else merged.set(c.clerk, { ...c });
  }

  const until = localPlusDay(scope.nowLocal);
  const dueSoon = openDossiers(d.db, scope).filter((r) => isDueSoon({ ...r, resolvedAt: null, withdrawnAt: null }, scope.nowLocal, until)).length;

  const hourKeys = [...hours.keys()].sort();
  return {
    counts: toPeriodCounts(outcomes, digitised),
    perDay: [...days.entries()].map(([day, b]) => ({ day, ...b })),
    perHour: hourKeys.map((hour) => ({ hour, ...hours.get(hour)! })),
    perCounter: [...counters.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([counter, b]) => ({ counter, ...b })),
    perClerk: [...merged.values()].sort((a, b) => (a.clerk < b.clerk ? -1 : 1)),
    dueSoon,
  };
}

export function ocrNow(d: Pick<ReportsDeps, 'db'>): Dashboard['ocr'] {
  const jobs = new Map(d.db.prepare('SELECT state, count(*) FROM ocr_jobs GROUP BY state').raw(true).all() as Array<[string, number]>);
  // A removed page's job only takes its text out of the index: not OCR work waiting.
  const purges = d.db.prepare(`SELECT count(*) FROM ocr_jobs WHERE state = 'waiting' AND focus_at = ?`).pluck().get(PURGE_FIRST) as number;
  const flaggedUnreviewed = d.db.prepare('SELECT count(*) FROM page_text WHERE flagged = 1 AND review IS NULL').pluck().get() as number;
  return { waiting: (jobs.get('waiting') ?? 0) - purges, running: jobs.get('running') ?? 0, failed: jobs.get('failed') ?? 0, flaggedUnreviewed };
}

export function syncNow(d: Pick<ReportsDeps, 'db' | 'sync' | 'logger'>): Dashboard['sync'] {
  const pending = d.db
    .prepare(`SELECT count(*) AS items, count(DISTINCT dossier_id) AS dossiers, coalesce(sum(bytes), 0) AS bytes, min(created_at) AS oldest FROM sync_outbox WHERE state = 'pending'`)
    .get() as { items: number; dossiers: number; bytes: number; oldest: string | null };
  const rejected = d.db.prepare(`SELECT count(*) FROM sync_outbox WHERE state = 'rejected'`).pluck().get() as number;
  let lastSuccessAt: string | null = null;
  try {
    lastSuccessAt = d.sync.status().lastSuccessAt;
  } catch (err) {
    d.logger.warn('reports: sync status unavailable', { err });
  }
  return { pendingDossiers: pending.dossiers, pendingItems: pending.items, pendingBytes: pending.bytes, oldestPendingAt: pending.oldest, rejected, lastSuccessAt };
}

export async function queueOfPeriod(d: Pick<ReportsDeps, 'queue' | 'logger'>, filter: Pick<ReportFilter, 'from' | 'to'>): Promise<Dashboard['queue']> {
  try {
    const m = await d.queue.metrics(filter.from, filter.to);
    return {
      available: true,
      issued: m.total.issued,
      served: m.total.served,
      noShow: m.total.noShow,
      meanWaitSeconds: m.total.meanWaitSeconds,
      maxWaitSeconds: m.total.maxWaitSeconds,
      meanServiceSeconds: m.total.meanServiceSeconds,
      perHour: m.perHour.map((h) => ({ hour: h.hour, issued: h.issued, meanWaitSeconds: h.meanWaitSeconds })),
      perCounter: m.perCounter.map((c) => ({ counter: c.counter, served: c.served, noShow: c.noShow, meanServiceSeconds: c.meanServiceSeconds })),
    };
  } catch (err) {
    // The queue's store (PostgreSQL for a big centre) may be down: the rest of the dashboard still shows.
    if (!(err instanceof AppError && err.code === 'QUEUE_STORE_UNAVAILABLE')) throw err;
    d.logger.warn('reports: queue figures unavailable', { err });
    return { available: false, issued: 0, served: 0, noShow: 0, meanWaitSeconds: null, maxWaitSeconds: null, meanServiceSeconds: null, perHour: [], perCounter: [] };
  }
}
