/**
 * Opens a printer from its address: the transport folders (tcp/, usb/, serial/, spooler/, system/, pdf-dir/), and lists
 * the printers the OS and the LAN can show. PLACEHOLDER (skeleton): the owner replaces the bodies.
 */
import type { DiscoveredPrinterInfo, Printer, PrinterAddress } from './types';

export function openPrinter(address: PrinterAddress): Printer {
  void address;
  throw new Error('openPrinter: not built yet');
}

export async function discoverPrinters(o: { timeoutMs: number }): Promise<DiscoveredPrinterInfo[]> {
  void o;
  return [];
}
