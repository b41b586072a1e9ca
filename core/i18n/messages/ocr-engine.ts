import type { Messages } from '../types';

/** Issue #15: the OCR engine (tesseract.js pool), the motcua ocr command. Vietnamese first, English beside it. */
export const ocrEngine: Messages = {
  vi: {},
  en: {},
};
