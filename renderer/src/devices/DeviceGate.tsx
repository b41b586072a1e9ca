import type { ReactNode } from 'react';
import type { DeviceKind } from '../../../core/contract/method';

/**
 * Citizen-facing screens (kiosk, display board) run on paired devices, not logged-in users (issue #18): children render
 * once this connection is bound to a device token of that kind (pairing.resume, again after every reconnect) or a
 * logged-in user may use the screen; otherwise the pairing screen shows the code an admin types.
 * PLACEHOLDER (skeleton): the kiosk-UI helper replaces the body; the props stay as they are.
 */
export function DeviceGate({ kind: _kind, children }: { kind: DeviceKind; children: ReactNode }) {
  return <>{children}</>;
}
