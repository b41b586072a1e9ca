import type { Messages } from '../types';

/** Issue #16: the printer transports and discovery (native/printers). Vietnamese first, English beside it. */
export const printingDevices: Messages = {
  vi: {},
  en: {},
};
