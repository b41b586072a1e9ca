/** When a live re-read of the dashboard is worth saying aloud: its figures moved, and not too soon after the last. */
import type { Dashboard } from '../../../../core/contract/reports';

export const ANNOUNCE_GAP_MS = 20_000;

/** The parts of the answer a person sees changed (generatedAt always does). */
export function figuresChanged(a: Dashboard | null, b: Dashboard): boolean {
  if (!a) return true;
  const { generatedAt: _a, ...restA } = a;
  const { generatedAt: _b, ...restB } = b;
  return JSON.stringify(restA) !== JSON.stringify(restB);
}

/** "Đã cập nhật" after a quiet re-read: only when something changed, at most once per ANNOUNCE_GAP_MS. */
export function shouldAnnounce(before: Dashboard | null, after: Dashboard, lastAnnouncedAt: number, now: number): boolean {
  return before !== null && figuresChanged(before, after) && now - lastAnnouncedAt >= ANNOUNCE_GAP_MS;
}
