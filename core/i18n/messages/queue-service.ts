import type { Messages } from '../types';

/** Issue #18: queue service, store and CLI. Vietnamese first, English beside it. */
export const queueService: Messages = {
  vi: {},
  en: {},
};
