import type { Messages } from '../types';

/** Issue #18: the kiosk and the pairing screens. Vietnamese first, English beside it. */
export const uiKiosk: Messages = {
  vi: {},
  en: {},
};
