/**
 * The pieces the queue uses and others build (issue #16): printer URIs and transports (native/printers), the
 * renderer, the ESC/POS encoder and delivery. Gathered here so createPrinting can be handed other ones in tests
 * (PrintingOptions.parts): a printer that hangs mid-write, or a stand-in while a piece is not committed yet.
 * The renderer is loaded on the first job (fonts and pdf-lib are not paid for at start).
 */
import { encodeThermalJob } from '../../domain/printing/escpos';
import { discoverPrinters, openPrinter } from '../../../native/printers/index';
import { formatPrinterUri, parsePrinterUri } from '../../../native/printers/printer-uri';
import { deliverDocument, deliverEscpos } from './delivery';
import type * as RenderModule from './render/index';

export type RenderPieces = Pick<typeof RenderModule, 'renderTicketThermal' | 'renderTicketPdf' | 'renderFormThermal' | 'renderFormPdf' | 'renderTestPage' | 'rasterToPng'>;

export interface PrintingParts {
  parsePrinterUri: typeof parsePrinterUri;
  formatPrinterUri: typeof formatPrinterUri;
  openPrinter: typeof openPrinter;
  discoverPrinters: typeof discoverPrinters;
  encodeThermalJob: typeof encodeThermalJob;
  deliverEscpos: typeof deliverEscpos;
  deliverDocument: typeof deliverDocument;
  render: () => Promise<RenderPieces>;
}

export const defaultParts: PrintingParts = {
  parsePrinterUri,
  formatPrinterUri,
  openPrinter,
  discoverPrinters,
  encodeThermalJob,
  deliverEscpos,
  deliverDocument,
  render: () => import('./render/index'),
};
