/**
 * Pairs a kiosk or a board the way a device does (pairing.request → an admin approves the code → pairing.claim →
 * pairing.resume on the device's connection), for the queue's acceptance checks and benchmarks. No vitest imports.
 */
import type { DeviceKind } from '../../core/contract/method';
import type { PairedDevice } from '../../core/contract/pairing';
import { QueueWs } from './queue-ws';

export interface PairedConnection {
  conn: QueueWs;
  token: string;
  device: PairedDevice;
}

export async function pairDevice(baseUrl: string, admin: QueueWs, kind: DeviceKind, o: { name: string; printerUri?: string }): Promise<PairedConnection> {
  const conn = await QueueWs.open(baseUrl);
  try {
    const req = await conn.must<{ requestId: string; code: string; secret: string }>('pairing.request', { kind });
    await admin.must('pairing.approve', { code: req.code, name: o.name, ...(o.printerUri ? { printerUri: o.printerUri } : {}) });
    const claimed = await conn.must<{ status: string; token?: string }>('pairing.claim', { requestId: req.requestId, secret: req.secret });
    if (claimed.status !== 'paired' || !claimed.token) throw new Error(`pairing.claim: ${claimed.status} after approval`);
    const device = await conn.must<PairedDevice>('pairing.resume', { token: claimed.token });
    return { conn, token: claimed.token, device };
  } catch (e) {
    await conn.close();
    throw e;
  }
}
