/**
 * The period report as a file: XLSX (exceljs) or PDF (pdf-lib, the app's Vietnamese font), with charts, in the
 * agencies' half-year shape (issue #19). PLACEHOLDER: filled by its owner.
 */
import type { PeriodReport } from '../../../contract/reports';

export interface RenderedReport {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

export async function renderReport(_report: PeriodReport, _format: 'xlsx' | 'pdf', _o: { agencyName: string | null }): Promise<RenderedReport> {
  throw new Error('not built yet');
}
