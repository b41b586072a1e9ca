/** First run: a counter with an empty catalogue gets the shipped sample so it can be tried at once. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCatalogue } from '../../domain/catalogue/validate';
import type { Logger } from '../../platform/logger';
import type { CatalogueService } from './catalogue-service';

export async function seedSampleCatalogue(catalogue: CatalogueService, resourcesDir: string, logger: Logger): Promise<void> {
  const file = path.join(resourcesDir, 'catalogue', 'sample.json');
  try {
    const result = parseCatalogue(JSON.parse(await readFile(file, 'utf8')) as unknown);
    if (!result.catalogue) {
      logger.error('sample catalogue is invalid', { file, errors: result.errors.slice(0, 5) });
      return;
    }
    // Emptiness is decided in the write transaction: another process starting now may have stored it first.
    if (!catalogue.storeIfEmpty({ kind: 'system', name: 'sample-catalogue', role: 'admin' }, result.catalogue)) return;
    logger.info('sample catalogue loaded', { agencies: result.catalogue.agencies.length, procedures: result.catalogue.procedures.length });
  } catch (err) {
    logger.warn('sample catalogue not loaded', { file, err });
  }
}
