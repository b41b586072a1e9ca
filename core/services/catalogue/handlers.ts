import type { catalogueContract } from '../../contract/catalogue';
import type { Handlers } from '../../rpc/handlers';
import type { UploadStaging } from '../documents/upload-staging';
import type { CatalogueService } from './catalogue-service';

export function catalogueHandlers(catalogue: CatalogueService, staging: UploadStaging): Handlers<typeof catalogueContract> {
  return {
    agencies: () => catalogue.agencies(),
    search: (input) =>
      catalogue
        .search(input.query, { agencyCode: input.agencyCode, limit: input.limit, includeInactive: input.includeInactive })
        .map((h) => ({
          agencyCode: h.procedure.agencyCode,
          code: h.procedure.code,
          name: h.name,
          field: h.procedure.field,
          processing: h.procedure.processing,
          match: h.match,
          highlights: h.highlights,
        })),
    get: (input) => catalogue.procedure(input.agencyCode, input.code),
    import: (input, ctx) => catalogue.importUpload(ctx.actor, staging, input.uploadId, input.format, input.mode),
    export: async (input) => ({ format: input.format, contentBase64: Buffer.from(await catalogue.export(input.format)).toString('base64') }),
  };
}
