import type { Messages } from '../types';

/** Issue #16: the print CLI. Vietnamese first, English beside it. */
export const cliPrint: Messages = {
  vi: {},
  en: {},
};
