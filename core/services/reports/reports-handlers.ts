/** The reports.* methods (core/contract/reports.ts) over the figures and the file renderers. */
import type { reportsContract } from '../../contract/reports';
import type { Handlers } from '../../rpc/handlers';
import type { CatalogueService } from '../catalogue/catalogue-service';
import { renderReport } from './export/render-report';
import type { ReportFigures } from './report-figures';

export function reportsHandlers(figures: ReportFigures, catalogue: CatalogueService, resourcesDir?: string): Handlers<typeof reportsContract> {
  return {
    dashboard: (filter) => figures.dashboard(filter),
    period: (filter) => figures.period(filter),
    drill: (input) => figures.drill(input),
    export: async ({ format, ...filter }) => {
      const report = figures.period(filter);
      const agencyName = filter.agency ? (catalogue.agencies().find((a) => a.code === filter.agency)?.name ?? filter.agency) : null;
      const file = await renderReport(report, format, { agencyName, ...(resourcesDir ? { resourcesDir } : {}) });
      return { fileName: file.fileName, mediaType: file.mediaType, bytes: file.bytes.length, base64: file.bytes.toString('base64') };
    },
  };
}
