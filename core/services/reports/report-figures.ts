/**
 * Every figure of the supervisors' dashboard and the agencies' period reports, computed here and nowhere else
 * (issue #19), from the rows with SQL on migration 014's covering indexes; each dossier placed by the one rule of
 * core/domain/reports/classify.ts. The parts are in figures/: scope (filter checks), dossier-rows, page-figures,
 * period-counts, dashboard, drill.
 */
import type { Dashboard, DrillResult, PeriodReport, ReportFilter } from '../../contract/reports';
import type { drillInputSchema } from '../../contract/reports';
import type { z } from 'zod';
import { dashboardSeries, ocrNow, queueOfPeriod, syncNow } from './figures/dashboard';
import { drill } from './figures/drill';
import { periodReport } from './figures/period-counts';
import { makeScope } from './figures/scope';
import type { ReportsDeps } from './reports-deps';

export type DrillInput = z.output<typeof drillInputSchema>;

export class ReportFigures {
  constructor(private readonly d: ReportsDeps) {}

  period(filter: Pick<ReportFilter, 'from' | 'to' | 'agency'>): PeriodReport {
    const scope = makeScope(this.d, { from: filter.from, to: filter.to, ...(filter.agency !== undefined ? { agency: filter.agency } : {}) });
    // One read transaction: the figures agree with each other even while counters keep writing.
    const report = this.d.db.transaction(() => periodReport(this.d, scope))();
    return { ...report, generatedAt: scope.nowIso };
  }

  async dashboard(filter: ReportFilter): Promise<Dashboard> {
    const scope = makeScope(this.d, filter);
    const local = this.d.db.transaction(() => ({ series: dashboardSeries(this.d, scope), ocr: ocrNow(this.d), sync: syncNow(this.d) }))();
    const queue = await queueOfPeriod(this.d, filter);
    return { filter, generatedAt: scope.nowIso, ...local.series, ocr: local.ocr, queue, sync: local.sync };
  }

  async drill(input: DrillInput): Promise<DrillResult> {
    return drill(this.d, input);
  }
}
