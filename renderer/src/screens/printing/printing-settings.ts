/**
 * The counter's printers (printing.settings), read once and shared by every screen that prints: reception asks
 * whether there is a receipt printer, the dossier record which printers it may offer, the queue which printers are
 * this counter's. Settings → Printers publishes what it saved, so the others follow without a reload.
 */
import { useEffect, useState } from 'react';
import type { PrintingSettings } from '../../../../core/contract/printing';
import { api } from '../../bridge';
import { useEvent } from '../../bridge/use-event';

type Listener = (s: PrintingSettings | null) => void;

let current: PrintingSettings | null = null;
let reading: Promise<void> | null = null;
const listeners = new Set<Listener>();

function publish(next: PrintingSettings | null): void {
  current = next;
  for (const fn of [...listeners]) fn(next);
}

/** Reads the settings again (after a login, a reconnect, or on first use). A failure reads as "no printers". */
export function reloadPrintingSettings(): Promise<void> {
  reading ??= api
    .call('printing.settings', {})
    .then(
      (s) => publish(s),
      () => publish(null),
    )
    .finally(() => {
      reading = null;
    });
  return reading;
}

/** Settings → Printers saved these. */
export function printingSettingsSaved(s: PrintingSettings): void {
  publish(s);
}

/** The counter's printers; null until read, or when printing is unavailable. */
export function usePrintingSettings(): PrintingSettings | null {
  const [settings, setSettings] = useState<PrintingSettings | null>(current);
  useEffect(() => {
    listeners.add(setSettings);
    void reloadPrintingSettings();
    return () => {
      listeners.delete(setSettings);
    };
  }, []);
  useEvent('events.lost', () => void reloadPrintingSettings());
  return settings;
}

/** The URIs of this counter's printers, compared without case or surrounding space. */
export function counterPrinterUris(s: PrintingSettings | null): Set<string> {
  const uris = [s?.receipt?.uri, s?.ticket?.uri, s?.a4?.uri].filter((u): u is string => typeof u === 'string');
  return new Set(uris.map(normaliseUri));
}

export function normaliseUri(uri: string): string {
  return uri.trim().toLowerCase();
}
