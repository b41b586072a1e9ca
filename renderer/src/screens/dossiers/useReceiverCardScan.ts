/**
 * In a dialog that asks who collects a result: the receiver's CCCD, scanned wherever focus is, fills the name and
 * ID number (never the raw QR text); any other scan fills nothing and is said so. The dialog takes every scan
 * while it is open, so the screen behind it never acts on one.
 */
import { useTranslation } from 'react-i18next';
import { useAnnouncer } from '../../a11y/Announcer';
import { api } from '../../bridge';
import { describeError } from '../../i18n/error-text';
import { useScanHandler } from '../../input/scan-handlers';

export function useReceiverCardScan(fill: (name: string, idNumber: string) => void, refuse: (message: string) => void): void {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  useScanHandler(
    ['cccd', 'receipt', 'other'],
    (scan) => {
      if (scan.kind !== 'cccd') {
        const text = t('dossiersUi.returnResult.scanNotCard');
        refuse(text);
        announce(text, 'assertive');
        return true;
      }
      void api.call('applicants.parseQr', { text: scan.text }).then(
        (card) => {
          fill(card.fullName, card.idNumber);
          announce(t('dossiersUi.returnResult.scanFilled', { name: card.fullName, id: card.idNumber }));
        },
        (err: unknown) => {
          const text = describeError(t, err).text;
          refuse(text);
          announce(text, 'assertive');
        },
      );
      return true;
    },
    { modal: true },
  );
}
