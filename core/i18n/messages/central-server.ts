import type { Messages } from '../types';

/** Issue #17: the reference central server's replies and admin CLI. Vietnamese first, English beside it. */
export const centralServer: Messages = {
  vi: {},
  en: {},
};
