import type { Migration } from '../migrate';
import { m001Core } from './001_core';
import { m002Catalogue } from './002_catalogue';
import { m003Dossiers } from './003_dossiers';

/** In order; never edit a released migration, add the next one. */
export const MIGRATIONS: readonly Migration[] = [m001Core, m002Catalogue, m003Dossiers];
