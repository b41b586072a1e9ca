import type { Messages } from '../types';

/** Issue #18: the clerk's queue screen, reception's ticket, queue settings. Vietnamese first, English beside it. */
export const uiQueue: Messages = {
  vi: {},
  en: {},
};
