/**
 * The app's one scan router and the hook screens and dialogs use to take the scans that belong to them. The
 * listeners feeding it (keyboard wedge, HID POS) live in ScanListener, mounted once with the app's chrome.
 */
import { useEffect, useRef } from 'react';
import { ScanRouter, type RoutedScan, type ScanKind } from './scan-router';

export const scanRouter = new ScanRouter();

export interface ScanHandlerOptions {
  /** The handler belongs to a modal dialog: it is asked while the dialog is open. */
  modal?: boolean;
  enabled?: boolean;
}

/** While mounted (and enabled), scans of these kinds are offered to onScan; return false to pass one on. */
export function useScanHandler(kinds: readonly ScanKind[], onScan: (scan: RoutedScan) => boolean, { modal = false, enabled = true }: ScanHandlerOptions = {}): void {
  const ref = useRef(onScan);
  useEffect(() => {
    ref.current = onScan;
  });
  const key = kinds.join(',');
  useEffect(() => {
    if (!enabled) return;
    return scanRouter.register((scan) => ref.current(scan), { kinds: key.split(',') as ScanKind[], modal });
  }, [key, modal, enabled]);
}
