import type { CentralMigration } from '../migrate';
import { m001Central } from './001_central';
import { m002AuditDisputes } from './002_audit_disputes';

/** In order; never edit a released migration, add the next one. */
export const CENTRAL_MIGRATIONS: readonly CentralMigration[] = [m001Central, m002AuditDisputes];
