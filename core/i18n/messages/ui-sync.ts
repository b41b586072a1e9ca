import type { Messages } from '../types';

/** Issue #17: sync screens (header, outbox, enrolment). Vietnamese first, English beside it. */
export const uiSync: Messages = {
  vi: {},
  en: {},
};
