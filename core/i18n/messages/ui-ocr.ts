import type { Messages } from '../types';

/** Issue #15: OCR and search screens. Vietnamese first, English beside it. */
export const uiOcr: Messages = {
  vi: {},
  en: {},
};
