import type { Messages } from '../types';

/** Issue #14 (scan-pipeline): Vietnamese first, English beside it. */
export const scanPipeline: Messages = {
  vi: {},
  en: {},
};
