import type { Role } from '../contract/method';

/** Who does a write: a logged-in user, or the local system (CLI, background jobs). */
export type Actor =
  | { kind: 'user'; userId: number; username: string; role: Role }
  | { kind: 'system'; name: string; role: Role };

export function actorLabel(a: Actor): string {
  return a.kind === 'user' ? `user:${a.username}#${a.userId}` : `system:${a.name}`;
}
export function actorUserId(a: Actor): number | null {
  return a.kind === 'user' ? a.userId : null;
}
