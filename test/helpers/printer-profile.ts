/** A printer profile for tests: an 80 mm printer with native text and QR, status queries on, no process-ID reply. */
import type { PrinterProfile } from '../../core/domain/printing/types';

export const testProfile = (o: Partial<PrinterProfile> = {}): PrinterProfile => ({
  paperWidthMm: 80,
  nativeText: true,
  nativeQr: true,
  processIdReply: false,
  statusQuery: true,
  codePage: null,
  cut: 'partial',
  drawerKick: false,
  ...o,
});
