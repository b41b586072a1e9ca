/**
 * Where a scanned text goes. A scan (keyboard-wedge burst or HID POS) is never typing: it is classified (CCCD QR,
 * receipt QR, anything else) and offered to the screens and dialogs that registered for it, newest first, so an
 * open dialog sees it before the screen beneath it. While a modal dialog is open only handlers registered as
 * modal are asked (the screen behind a dialog must not act on a scan). Pure: no DOM, no React.
 */

export type ScanKind = 'cccd' | 'receipt' | 'other';
export type ScanSource = 'wedge' | 'hid';

export interface RoutedScan {
  text: string;
  kind: ScanKind;
  source: ScanSource;
}

/** Returns true when it took the scan; false lets the next handler try. */
export type ScanHandler = (scan: RoutedScan) => boolean;

export interface ScanRegistration {
  kinds: readonly ScanKind[];
  /** Asked while a modal dialog is open (the dialog's own handler). */
  modal?: boolean;
}

/** A CCCD QR starts with the 12-digit personal ID number and separates its fields with "|". */
const CCCD_RE = /^\d{12}\|/;
/** A receipt QR holds a lookup address, or a bare dossier code: one token with a digit, no spaces or "|". */
const URL_RE = /^https?:\/\/\S+$/i;
const CODE_RE = /^(?=[^|\s]*\d)[A-Za-z0-9][A-Za-z0-9._\-/]{3,79}$/;

export function classifyScan(text: string): ScanKind {
  const t = text.trim();
  if (CCCD_RE.test(t)) return 'cccd';
  if (URL_RE.test(t) || CODE_RE.test(t)) return 'receipt';
  return 'other';
}

interface Entry extends ScanRegistration {
  handler: ScanHandler;
  order: number;
}

export class ScanRouter {
  private entries: Entry[] = [];
  private order = 0;

  /** Returns the unregister function. */
  register(handler: ScanHandler, registration: ScanRegistration): () => void {
    const entry: Entry = { ...registration, handler, order: ++this.order };
    this.entries.push(entry);
    return () => {
      this.entries = this.entries.filter((e) => e !== entry);
    };
  }

  /** Offers the scan to the registered handlers, newest first; false when none took it. */
  route(text: string, source: ScanSource, context: { dialogOpen: boolean }): { scan: RoutedScan; handled: boolean } {
    const scan: RoutedScan = { text, kind: classifyScan(text), source };
    const candidates = [...this.entries].sort((a, b) => b.order - a.order);
    for (const e of candidates) {
      if (context.dialogOpen && e.modal !== true) continue;
      if (!e.kinds.includes(scan.kind)) continue;
      if (e.handler(scan)) return { scan, handled: true };
    }
    return { scan, handled: false };
  }
}
