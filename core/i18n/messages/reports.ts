import type { Messages } from '../types';

/** Issue #19: the period reports (figures, files, CLI). Vietnamese first, English beside it. */
export const reportsMessages: Messages = {
  vi: { reports: {} },
  en: { reports: {} },
};
