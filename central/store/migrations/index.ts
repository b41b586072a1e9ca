import type { CentralMigration } from '../migrate';
import { m001Central } from './001_central';

/** In order; never edit a released migration, add the next one. */
export const CENTRAL_MIGRATIONS: readonly CentralMigration[] = [m001Central];
