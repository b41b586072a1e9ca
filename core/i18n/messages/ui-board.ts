import type { Messages } from '../types';

/** Issue #18: the display board and its voice. Vietnamese first, English beside it. */
export const uiBoard: Messages = {
  vi: {},
  en: {},
};
