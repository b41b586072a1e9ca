import type { Messages } from '../types';

/** Issue #15: searchable PDF/A building, the motcua pdf command. Vietnamese first, English beside it. */
export const pdf: Messages = {
  vi: {},
  en: {},
};
