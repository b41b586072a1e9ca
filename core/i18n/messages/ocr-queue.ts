import type { Messages } from '../types';

/** Issue #15: the OCR queue, page quality flags, document PDFs. Vietnamese first, English beside it. */
export const ocrQueue: Messages = {
  vi: {},
  en: {},
};
