import type { Messages } from '../types';

/** Issue #14 (separators): Vietnamese first, English beside it. */
export const separators: Messages = {
  vi: {},
  en: {},
};
