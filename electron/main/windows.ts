/** Creates the app's two kinds of window with the same locked-down webPreferences. */
import { BrowserWindow, screen, type WebPreferences } from 'electron';
import { appRouteUrl } from './app-origin';
import { displayBoardPlacement } from './display';
import { secureWebPreferences } from './security';

export interface WindowEnv {
  preloadPath: string;
  devTools: boolean;
  /** Dev server URL (development only); null → app://motcua/. */
  devUrl: string | null;
}

function webPreferences(env: WindowEnv): WebPreferences {
  return secureWebPreferences(env.preloadPath, { devTools: env.devTools }) satisfies WebPreferences;
}

function routeUrl(env: WindowEnv, route: string): string {
  if (env.devUrl === null) return appRouteUrl(route);
  const u = new URL(env.devUrl);
  u.hash = route;
  return u.href;
}

export function createMainWindow(env: WindowEnv): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'MotCua Desk',
    backgroundColor: '#ffffff',
    webPreferences: webPreferences(env),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(routeUrl(env, '/'));
  return win;
}

/** The citizen-facing queue board (route #/display): full screen on a secondary display if there is one. */
export function createDisplayBoardWindow(env: WindowEnv): BrowserWindow {
  const placement = displayBoardPlacement(screen.getAllDisplays(), screen.getPrimaryDisplay().id);
  const win = new BrowserWindow({
    ...placement.bounds,
    show: false,
    title: 'MotCua Desk — Bảng hiển thị',
    backgroundColor: '#000000',
    autoHideMenuBar: true,
    webPreferences: webPreferences(env),
  });
  win.once('ready-to-show', () => {
    // Going full screen after the window exists on the target display keeps it on that display (Linux WMs
    // otherwise tend to full-screen it on the primary one).
    if (placement.fullscreen) win.setFullScreen(true);
    win.show();
  });
  void win.loadURL(routeUrl(env, '/display'));
  return win;
}
