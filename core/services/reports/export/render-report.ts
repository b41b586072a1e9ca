/**
 * The period report as a file: XLSX (exceljs) or PDF (pdf-lib, the app's Vietnamese font), with charts, in the
 * agencies' half-year shape (issue #19). Both files come from the same tables (report-tables.ts) and charts.
 */
import type { PeriodReport } from '../../../contract/reports';
import { renderCharts } from './report-charts';
import { reportFileName } from './report-labels';
import { renderPdf } from './pdf-report';
import { renderXlsx } from './xlsx-report';

export interface RenderedReport {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

export const REPORT_MEDIA_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export async function renderReport(report: PeriodReport, format: 'xlsx' | 'pdf', o: { agencyName: string | null; resourcesDir?: string }): Promise<RenderedReport> {
  const charts = await renderCharts(report, o.resourcesDir ? { resourcesDir: o.resourcesDir } : {});
  const bytes =
    format === 'xlsx'
      ? await renderXlsx(report, { agencyName: o.agencyName, charts })
      : await renderPdf(report, { agencyName: o.agencyName, charts, ...(o.resourcesDir ? { resourcesDir: o.resourcesDir } : {}) });
  return { fileName: reportFileName(report.from, report.to, report.agency, format), mediaType: REPORT_MEDIA_TYPES[format], bytes };
}
