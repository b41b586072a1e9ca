import type { Messages } from '../types';

/** Issue #14 (events): Vietnamese first, English beside it. */
export const events: Messages = {
  vi: {},
  en: {},
};
