/**
 * Applies the navigation, window-opening and permission rules to every webContents and session, including
 * ones we did not create ourselves (devtools, anything a future feature opens).
 */
import { shell, type Session, type WebContents } from 'electron';
import { externalLinkTarget, isNavigationAllowed, isNetworkRequestAllowed } from './navigation';
import { isPermissionAllowed } from './security';

type Warn = (msg: string, fields?: Record<string, unknown>) => void;

export function hardenWebContents(contents: WebContents, allowedOrigins: readonly string[], warn: Warn): void {
  const refuseNavigation = (event: { url: string; preventDefault(): void }, kind: string): void => {
    if (isNavigationAllowed(event.url, allowedOrigins)) return;
    event.preventDefault();
    warn(`${kind} refused`, { url: event.url });
  };
  contents.on('will-navigate', (event) => refuseNavigation(event, 'navigation'));
  contents.on('will-redirect', (event) => refuseNavigation(event, 'redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    warn('webview refused');
  });
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalLinkTarget(url);
    if (external !== null) void shell.openExternal(external);
    else warn('window.open refused', { url });
    return { action: 'deny' };
  });
}

export function hardenSession(ses: Session, allowedOrigins: readonly string[]): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, allowedOrigins));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, allowedOrigins),
  );
  // WebHID / WebUSB / WebSerial: devices belong to the core (node-hid), never to a page.
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isNetworkRequestAllowed(details.url, allowedOrigins) });
  });
}
