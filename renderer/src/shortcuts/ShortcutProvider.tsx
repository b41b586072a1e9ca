/** Global keyboard handling from the shortcut registry, and the app-wide dialogs it opens (help, logout). */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../session/session-context';
import { HelpOverlay } from './HelpOverlay';
import { LogoutDialog } from './LogoutDialog';
import { findShortcut, type ShortcutContext } from './registry';
import { ShellContext, type ShellActions } from './shell-context';

type ShellDialog = 'help' | 'logout' | null;

export function ShortcutProvider({ children }: { children: ReactNode }) {
  const [dialog, setDialog] = useState<ShellDialog>(null);
  const dialogRef = useRef<ShellDialog>(null);
  const navigate = useNavigate();
  const { user, logout } = useSession();

  useEffect(() => {
    dialogRef.current = dialog;
  }, [dialog]);

  useEffect(() => {
    const ctx: ShortcutContext = {
      user,
      navigate: (path) => void navigate(path),
      openHelp: () => setDialog('help'),
      requestLogout: () => setDialog('logout'),
      closeDialog: () => {
        if (dialogRef.current === null) return false;
        dialogRef.current = null;
        setDialog(null);
        return true;
      },
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || e.repeat) return;
      const s = findShortcut(e, user);
      if (s && s.run(ctx) !== false) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [user, navigate]);

  const actions = useMemo<ShellActions>(() => ({ openHelp: () => setDialog('help'), requestLogout: () => setDialog('logout') }), []);
  const close = () => setDialog(null);

  return (
    <ShellContext.Provider value={actions}>
      {children}
      <HelpOverlay open={dialog === 'help'} user={user} onClose={close} />
      {user && (
        <LogoutDialog
          open={dialog === 'logout'}
          user={user}
          onClose={close}
          onConfirm={() => {
            close();
            void logout();
          }}
        />
      )}
    </ShellContext.Provider>
  );
}
