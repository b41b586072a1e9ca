import type { Messages } from '../types';

/** Issue #16: ESC/POS printer status and delivery outcomes. Vietnamese first, English beside it. */
export const printingEscpos: Messages = {
  vi: {},
  en: {},
};
