/**
 * React hook: barcodes from the HID POS scanner attached to the counter machine (core service devices.*).
 * It long-polls devices.waitScan while mounted, so a scan arrives in whichever window or tab is open, over
 * Electron IPC or web mode alike. HID POS delivers exact UTF-8, unlike keyboard-wedge mode.
 */
import { useEffect, useRef } from 'react';
import { api } from '../bridge';

const POLL_MS = 20_000;
/** After a failed poll (connection lost, session ended), wait before asking again. */
const RETRY_MS = 3_000;

export function useHidBarcodeScans(onScan: (text: string, device: string) => void, enabled = true): void {
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  });

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const loop = async () => {
      // Start after the newest scan so one made before this screen opened is not replayed.
      let after = -1;
      while (!stopped) {
        try {
          if (after < 0) after = (await api.call('devices.barcodeStatus')).lastSeq;
          const scan = await api.call('devices.waitScan', { afterSeq: after, timeoutMs: POLL_MS });
          if (stopped) return;
          if (scan) {
            after = scan.seq;
            onScanRef.current(scan.text, scan.device);
          }
        } catch {
          await new Promise<void>((r) => {
            timer = setTimeout(r, RETRY_MS);
          });
        }
      }
    };
    void loop();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [enabled]);
}
