import { createContext, useContext } from 'react';

/** The app-wide dialogs any component can open (buttons in the header, shortcuts). */
export interface ShellActions {
  openHelp(): void;
  requestLogout(): void;
}

export const ShellContext = createContext<ShellActions>({ openHelp: () => {}, requestLogout: () => {} });

export function useShell(): ShellActions {
  return useContext(ShellContext);
}
