import { useSession } from '../../session/session-context';

/** Admins and supervisors change settings (the core enforces it too); clerks see them read-only. */
export function useRoles(): { canEdit: boolean; isAdmin: boolean } {
  const { user } = useSession();
  const role = user?.role;
  return { canEdit: role === 'admin' || role === 'supervisor', isAdmin: role === 'admin' };
}
