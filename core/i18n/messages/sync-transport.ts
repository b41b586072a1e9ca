import type { Messages } from '../types';

/** Issue #17: the sync client's transport (central HTTP calls, uploads, enrolment, code blocks). Vietnamese first, English beside it. */
export const syncTransport: Messages = {
  vi: {},
  en: {},
};
