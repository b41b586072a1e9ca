import type { Messages } from '../types';

/** Issue #19: the supervisor dashboard screen. Vietnamese first, English beside it. */
export const uiSupervisor: Messages = {
  vi: { supervisorUi: {} },
  en: { supervisorUi: {} },
};
