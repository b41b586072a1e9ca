import type { Migration } from '../migrate';
import { m001Core } from './001_core';

/** In order; never edit a released migration, add the next one. */
export const MIGRATIONS: readonly Migration[] = [m001Core];
