/**
 * The agencies' period report (issue #19): the counts for the whole filter, per agency, per procedure and per month,
 * from one pass over the period's dossiers and one grouped read of its pages.
 */
import type { PeriodCounts, PeriodReport } from '../../../contract/reports';
import { addPlacement, emptyOutcomeCounts, onTimeRate, type OutcomeCounts } from '../../../domain/reports/classify';
import { periodMonths } from '../../../domain/reports/period';
import type { ReportsDeps } from '../reports-deps';
import { eachPlacedDossier } from './dossier-rows';
import { documentCounts, dossiersDigitised, pageGroups, type PageGroup } from './page-figures';
import type { Scope } from './scope';

export interface DigitisedCounts {
  pagesDigitised: number;
  dossiersDigitised: number;
  documentsReceived: number;
  documentsDigitised: number;
  pagesRead: number;
  pagesFlagged: number;
  confidenceSum: number;
  confidenceCount: number;
}

export const emptyDigitised = (): DigitisedCounts => ({
  pagesDigitised: 0, dossiersDigitised: 0, documentsReceived: 0, documentsDigitised: 0, pagesRead: 0, pagesFlagged: 0, confidenceSum: 0, confidenceCount: 0,
});

export function addPages(c: DigitisedCounts, g: PageGroup): void {
  c.pagesDigitised += g.pages;
  c.pagesRead += g.read;
  c.pagesFlagged += g.flagged;
  c.confidenceSum += g.confidenceSum;
  c.confidenceCount += g.confidenceCount;
}

export function toPeriodCounts(o: OutcomeCounts, g: DigitisedCounts): PeriodCounts {
  return {
    ...o,
    onTimeRate: onTimeRate(o),
    pagesDigitised: g.pagesDigitised,
    dossiersDigitised: g.dossiersDigitised,
    documentsReceived: g.documentsReceived,
    documentsDigitised: g.documentsDigitised,
    digitisedRate: g.documentsReceived === 0 ? null : g.documentsDigitised / g.documentsReceived,
    meanOcrConfidence: g.confidenceCount === 0 ? null : g.confidenceSum / g.confidenceCount,
    pagesRead: g.pagesRead,
    pagesFlagged: g.pagesFlagged,
  };
}

/** Digitisation counts of the scope per agency (pages, dossiers, documents, OCR). */
export function digitisedPerAgency(d: Pick<ReportsDeps, 'db'>, scope: Scope, pageRows: readonly PageGroup[]): Map<string, DigitisedCounts> {
  const per = new Map<string, DigitisedCounts>();
  const get = (agency: string): DigitisedCounts => {
    let c = per.get(agency);
    if (!c) per.set(agency, (c = emptyDigitised()));
    return c;
  };
  for (const g of pageRows) addPages(get(g.agency), g);
  for (const [agency, n] of dossiersDigitised(pageRows)) get(agency).dossiersDigitised = n;
  for (const [agency, docs] of documentCounts(d.db, scope)) {
    get(agency).documentsReceived = docs.received;
    get(agency).documentsDigitised = docs.digitised;
  }
  return per;
}

export function sumDigitised(list: Iterable<DigitisedCounts>): DigitisedCounts {
  const total = emptyDigitised();
  for (const c of list) for (const k of Object.keys(total) as Array<keyof DigitisedCounts>) total[k] += c[k];
  return total;
}

export function sumOutcomes(list: Iterable<OutcomeCounts>): OutcomeCounts {
  const total = emptyOutcomeCounts();
  for (const c of list) for (const k of Object.keys(total) as Array<keyof OutcomeCounts>) total[k] += c[k];
  return total;
}

export function periodReport(d: Pick<ReportsDeps, 'db' | 'catalogue'>, scope: Scope): Omit<PeriodReport, 'generatedAt'> {
  const perAgency = new Map<string, OutcomeCounts>();
  const perProcedure = new Map<string, { agency: string; procedure: string; received: number; resolved: number; resolvedLate: number; pendingOverdue: number }>();
  const months = periodMonths(scope.period);
  const perMonth = new Map(months.map((m) => [m, { month: m, newlyReceived: 0, resolved: 0, resolvedLate: 0, pagesDigitised: 0 }]));

  eachPlacedDossier(d.db, scope, (row, place) => {
    let a = perAgency.get(row.agency);
    if (!a) perAgency.set(row.agency, (a = emptyOutcomeCounts()));
    addPlacement(a, place);
    const key = `${row.agency}\u0000${row.procedure}`;
    let p = perProcedure.get(key);
    if (!p) perProcedure.set(key, (p = { agency: row.agency, procedure: row.procedure, received: 0, resolved: 0, resolvedLate: 0, pendingOverdue: 0 }));
    p.received++;
    const resolved = place.outcome === 'resolvedEarly' || place.outcome === 'resolvedOnTime' || place.outcome === 'resolvedLate';
    if (resolved) p.resolved++;
    if (place.outcome === 'resolvedLate') p.resolvedLate++;
    if (place.outcome === 'pendingOverdue') p.pendingOverdue++;
    if (!place.carriedOver) perMonth.get(row.receivedAt.slice(0, 7))!.newlyReceived++;
    if (resolved) {
      const m = perMonth.get(row.resolvedAt!.slice(0, 7))!;
      m.resolved++;
      if (place.outcome === 'resolvedLate') m.resolvedLate++;
    }
  });

  const pageRows = pageGroups(d.db, scope);
  for (const g of pageRows) {
    const m = perMonth.get(g.localHour.slice(0, 7));
    if (m) m.pagesDigitised += g.pages;
  }
  const digitised = digitisedPerAgency(d, scope, pageRows);

  const agencyNames = new Map(d.catalogue.agencies().map((a) => [a.code, a.name]));
  // Every agency of the catalogue (zeros included) unless one is asked for, and any other agency with figures.
  const codes = new Set<string>(scope.agency !== null ? [scope.agency] : agencyNames.keys());
  for (const c of [...perAgency.keys(), ...digitised.keys()]) codes.add(c);
  const agencies = [...codes].sort().map((agency) => ({
    agency,
    name: agencyNames.get(agency) ?? agency,
    ...toPeriodCounts(perAgency.get(agency) ?? emptyOutcomeCounts(), digitised.get(agency) ?? emptyDigitised()),
  }));

  const procedureNames = new Map(
    (d.db.prepare('SELECT agency_code, code, name FROM procedures').raw(true).all() as Array<[string, string, string]>).map(([a, c, n]) => [`${a}\u0000${c}`, n]),
  );
  const procedures = [...perProcedure.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, p]) => ({ ...p, name: procedureNames.get(key) ?? p.procedure }));

  return {
    ...toPeriodCounts(sumOutcomes(perAgency.values()), sumDigitised(digitised.values())),
    from: scope.period.from,
    to: scope.period.to,
    agency: scope.agency,
    perAgency: agencies,
    perProcedure: procedures,
    perMonth: months.map((m) => perMonth.get(m)!),
  };
}
