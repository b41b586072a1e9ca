import type { Messages } from '../types';

/** Issue #16: printing screens (settings, queue, reception, dossier). Vietnamese first, English beside it. */
export const uiPrinting: Messages = {
  vi: {},
  en: {},
};
