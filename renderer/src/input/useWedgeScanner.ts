/**
 * React hook over WedgeKeyboardListener: while the component is mounted (and `enabled`), a keyboard-wedge scan
 * anywhere in the window calls onScan with the scanned text. onScan returns false to decline it (the keys then
 * land in the focused field as typed). The latest onScan is always used, so callers need not memoise it.
 */
import { useEffect, useRef } from 'react';
import type { WedgeBurstOptions, WedgeScan } from './wedge-burst';
import { WedgeKeyboardListener } from './wedge-listener';

export interface WedgeScannerOptions {
  onScan(text: string, scan: WedgeScan): boolean;
  enabled?: boolean;
  detector?: Partial<WedgeBurstOptions>;
}

export function useWedgeScanner({ onScan, enabled = true, detector }: WedgeScannerOptions): void {
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  });
  const detectorRef = useRef(detector);

  useEffect(() => {
    if (!enabled) return;
    const listener = new WedgeKeyboardListener(window, (scan) => onScanRef.current(scan.text, scan), detectorRef.current);
    return () => listener.dispose();
  }, [enabled]);
}
