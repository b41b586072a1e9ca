/**
 * Every screen of the app in one list: its route, who may open it and whether it shows the app chrome.
 * Navigation, routes, shortcuts (Alt+1…) and the help overlay are all derived from this list.
 */
import type { ComponentType } from 'react';
import type { Role } from '../../../core/contract/method';
import { DisplayScreen } from '../screens/display/DisplayScreen';
import { DossiersScreen } from '../screens/dossiers/DossiersScreen';
import { KioskScreen } from '../screens/kiosk/KioskScreen';
import { QueueScreen } from '../screens/queue/QueueScreen';
import { ReceptionScreen } from '../screens/reception/ReceptionScreen';
import { SEARCH_PATH } from '../screens/search/commands';
import { SearchScreen } from '../screens/search/SearchScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { SupervisorScreen } from '../screens/supervisor/SupervisorScreen';
import { TrackScreen } from '../screens/track/TrackScreen';

export type ScreenId = 'reception' | 'queue' | 'dossiers' | 'supervisor' | 'settings' | 'kiosk' | 'display';

export interface ScreenDef {
  id: ScreenId;
  path: string;
  /** Roles allowed; absent: every logged-in user. */
  roles?: readonly Role[];
  /** Full screen without the app chrome and without a login (citizen-facing kiosk and display board). */
  fullScreen: boolean;
  Component: ComponentType;
}

export const SCREENS: readonly ScreenDef[] = [
  { id: 'reception', path: '/reception', fullScreen: false, Component: ReceptionScreen },
  { id: 'queue', path: '/queue', fullScreen: false, Component: QueueScreen },
  { id: 'dossiers', path: '/dossiers', fullScreen: false, Component: DossiersScreen },
  { id: 'supervisor', path: '/supervisor', roles: ['supervisor', 'admin'], fullScreen: false, Component: SupervisorScreen },
  { id: 'settings', path: '/settings', fullScreen: false, Component: SettingsScreen },
  { id: 'kiosk', path: '/kiosk', fullScreen: true, Component: KioskScreen },
  { id: 'display', path: '/display', fullScreen: true, Component: DisplayScreen },
];

/**
 * Screens inside another one (same access, same navigation entry): reached from their parent and by their own
 * shortcut, not by an Alt+number, so the numbers clerks know stay as they are.
 */
export interface SubScreenDef {
  parent: ScreenId;
  path: string;
  Component: ComponentType;
}

export const SUB_SCREENS: readonly SubScreenDef[] = [{ parent: 'dossiers', path: SEARCH_PATH, Component: SearchScreen }];

/** A sub-screen as a screen of its own for routing, with its parent's access rule. */
export function subScreenDef(sub: SubScreenDef): ScreenDef {
  const parent = SCREENS.find((s) => s.id === sub.parent)!;
  return { ...parent, path: sub.path, Component: sub.Component };
}

/**
 * Public pages outside the app's screens: full screen, no login, no navigation entry or shortcut (a citizen's phone
 * opens them from a QR code).
 */
export interface PublicPageDef {
  path: string;
  Component: ComponentType;
}

export const PUBLIC_PAGES: readonly PublicPageDef[] = [{ path: '/track/:trackingId', Component: TrackScreen }];

export const HOME_PATH = '/reception';

export function canOpen(screen: ScreenDef, role: Role | null): boolean {
  if (screen.fullScreen && !screen.roles) return true;
  if (role === null) return false;
  return !screen.roles || screen.roles.includes(role);
}
