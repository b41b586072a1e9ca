/**
 * scans.separatorSheet: the Patch-T sheet, or with a procedure code the sheets of its checklist. The contract names
 * a procedure by its code alone; codes are unique per agency, so the agency is asked for only when several agencies
 * of this catalogue share the code.
 */
import type { scansContract } from '../../../contract/scans';
import { AppError, isAppError } from '../../../contract/errors';
import type { Agency, Procedure } from '../../../domain/catalogue/schema';
import type { Handlers } from '../../../rpc/handlers';

/** What the handler needs of CatalogueService. */
export interface ProcedureSource {
  agencies(): Agency[];
  procedure(agencyCode: string, code: string): Procedure;
}

export interface SeparatorSheetHandlerOptions {
  /** Where fonts/ is; default: the repository's resources/. */
  resourcesDir?: string;
}

type SeparatorSheetHandler = Handlers<typeof scansContract>['separatorSheet'];

export function separatorSheetHandler(catalogue: ProcedureSource, options: SeparatorSheetHandlerOptions = {}): SeparatorSheetHandler {
  const resources = options.resourcesDir ? { resourcesDir: options.resourcesDir } : {};
  return async (input) => {
    // pdf-lib, fontkit, bwip-js and qrcode load when a sheet is first asked for, not at every start.
    const { separatorSheet } = await import('./sheet');
    if (!input.procedureCode) return separatorSheet(resources);
    const procedure = findProcedure(catalogue, input.procedureCode, input.agencyCode);
    return separatorSheet({ ...resources, procedure });
  };
}

export function findProcedure(catalogue: ProcedureSource, code: string, agencyCode?: string): Procedure {
  const agencies = agencyCode ? [agencyCode] : catalogue.agencies().map((a) => a.code);
  const found: Procedure[] = [];
  for (const agency of agencies) {
    try {
      found.push(catalogue.procedure(agency, code));
    } catch (e) {
      if (!isAppError(e) || (e.code !== 'CATALOGUE_PROCEDURE_NOT_FOUND' && e.code !== 'CATALOGUE_AGENCY_NOT_FOUND')) throw e;
    }
  }
  const [only] = found;
  if (!only) throw new AppError('CATALOGUE_PROCEDURE_CODE_NOT_FOUND', { code }, { field: 'procedureCode' });
  if (found.length > 1) {
    throw new AppError('CATALOGUE_PROCEDURE_CODE_AMBIGUOUS', { code, agencies: found.map((p) => p.agencyCode).join(', ') }, { field: 'agencyCode' });
  }
  return only;
}
