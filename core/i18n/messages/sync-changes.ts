import type { Messages } from '../types';

/** Issue #17: changes pulled from the central server, the DVCQG mapping, audit verify --central. Vietnamese first, English beside it. */
export const syncChanges: Messages = {
  vi: {},
  en: {},
};
