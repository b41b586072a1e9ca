/**
 * What a scan at the kiosk is: a CCCD QR (its text goes with the ticket as cccdQr; the holder's name is shown so
 * they see it was read) or a receipt QR (receiptQr: they come to collect a result). Pure: no DOM.
 */
import { parseCccdQr } from '../../../../core/domain/cccd/parse';
import { classifyScan } from '../../input/scan-router';

export type KioskScan = { kind: 'cccd'; text: string; name: string } | { kind: 'receipt'; text: string; code: string } | { kind: 'other' };

/** The dossier code a receipt QR names: a lookup address's ?code=…, else its last path part, else the text itself. */
export function receiptCode(text: string): string {
  const t = text.trim();
  if (!/^https?:\/\//i.test(t)) return t;
  try {
    const url = new URL(t);
    return url.searchParams.get('code') ?? url.pathname.split('/').filter(Boolean).pop() ?? t;
  } catch {
    return t;
  }
}

export function readKioskScan(raw: string): KioskScan {
  const text = raw.replace(/[\r\n]+$/, '');
  switch (classifyScan(text)) {
    case 'cccd':
      try {
        return { kind: 'cccd', text: text.trim(), name: parseCccdQr(text).fullName };
      } catch {
        return { kind: 'other' };
      }
    case 'receipt':
      return { kind: 'receipt', text: text.trim(), code: receiptCode(text) };
    default:
      return { kind: 'other' };
  }
}
