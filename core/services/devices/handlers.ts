import type { devicesContract } from '../../contract/devices';
import type { Handlers } from '../../rpc/handlers';
import type { BarcodeService } from './barcode-service';

export function devicesHandlers(barcodes: BarcodeService): Handlers<typeof devicesContract> {
  return {
    barcodeStatus: async () => {
      await barcodes.ensureStarted();
      return barcodes.status();
    },
    waitScan: async (input) => {
      const s = await barcodes.waitScan(input.afterSeq, input.timeoutMs);
      return s && s.seq > 0 ? s : null;
    },
  };
}
