import type { Messages } from '../types';

/** Issue #14 (scan-pages): Vietnamese first, English beside it. */
export const scanPages: Messages = {
  vi: {},
  en: {},
};
