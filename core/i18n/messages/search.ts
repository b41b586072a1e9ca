import type { Messages } from '../types';

/** Issue #15: full-text search over page text, the motcua search command. Vietnamese first, English beside it. */
export const search: Messages = {
  vi: {},
  en: {},
};
