import type { Messages } from '../types';

/** Issue #18: pairing kiosks and boards, HTTPS in LAN mode. Vietnamese first, English beside it. */
export const queueDevices: Messages = {
  vi: {},
  en: {},
};
