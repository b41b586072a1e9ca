/**
 * While the clerk scans into the reception tray, its pages go first in the OCR queue (ocr.focus {tray: true}):
 * asked when the panel opens and again whenever pages arrive, so a long batch stays ahead of older dossiers.
 * A dossier's record asks for its own dossier (dossiers/useDossierOcr).
 */
import { useEffect } from 'react';
import { api } from '../../bridge';

export function useTrayOcrFocus(active: boolean, pageCount: number): void {
  useEffect(() => {
    if (!active) return;
    // Only an ordering hint: a failure must not disturb scanning.
    api.call('ocr.focus', { tray: true }).catch(() => undefined);
  }, [active, pageCount]);
}
