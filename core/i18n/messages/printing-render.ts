import type { Messages } from '../types';

/** Issue #16: tickets and thermal rendering, reprint marks. Vietnamese first, English beside it. */
export const printingRender: Messages = {
  vi: {},
  en: {},
};
