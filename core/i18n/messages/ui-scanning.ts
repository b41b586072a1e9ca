import type { Messages } from '../types';

/** Issue #14 (ui-scanning): Vietnamese first, English beside it. */
export const uiScanning: Messages = {
  vi: {},
  en: {},
};
