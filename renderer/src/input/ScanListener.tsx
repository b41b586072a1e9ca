/**
 * Catches every scan while a user is logged in, wherever focus is: keyboard-wedge bursts (their keys never stay in
 * a field, their Enter never submits) and HID POS scans alike go to the scan router. A scan no screen takes is
 * said so, rather than typed anywhere.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnouncer } from '../a11y/Announcer';
import { useHidBarcodeScans } from '../devices/useHidBarcodeScans';
import { scanRouter } from './scan-handlers';
import type { ScanSource } from './scan-router';
import { WedgeKeyboardListener } from './wedge-listener';

export function ScanListener() {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const dispatch = useRef<(text: string, source: ScanSource) => void>(() => {});
  useEffect(() => {
    dispatch.current = (text, source) => {
      const dialogOpen = document.querySelector('dialog[open]') !== null;
      const { scan, handled } = scanRouter.route(text, source, { dialogOpen });
      if (!handled) announce(t(`ui.scan.unused.${scan.kind}`), 'assertive');
    };
  });

  useEffect(() => {
    const listener = new WedgeKeyboardListener(window, (scan) => dispatch.current(scan.text, 'wedge'));
    return () => listener.dispose();
  }, []);
  useHidBarcodeScans((text) => dispatch.current(text, 'hid'));
  return null;
}
