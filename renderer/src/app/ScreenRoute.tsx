import { ForbiddenScreen } from '../screens/errors/ForbiddenScreen';
import { useSession } from '../session/session-context';
import { canOpen, type ScreenDef } from './screens';

/** A screen behind its role check: a typed-in URL must not show what the navigation hides. */
export function ScreenRoute({ screen }: { screen: ScreenDef }) {
  const { user } = useSession();
  if (!canOpen(screen, user?.role ?? null)) return <ForbiddenScreen />;
  const { Component } = screen;
  return <Component />;
}
