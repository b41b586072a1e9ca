/**
 * Utility process: waits for main's first message, the audit master secret (electron/shared/audit-secret.ts),
 * before the core opens the database. Listening starts before any await, so the message cannot be missed.
 */
import { isHostAuditSecret } from '../shared/audit-secret';

export interface MessagePortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  off?(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

export function receiveAuditSecret(port: MessagePortLike, timeoutMs = 10_000): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      port.off?.('message', listener);
      reject(new Error('core-host: no audit secret from the main process'));
    }, timeoutMs);
    function listener(event: { data: unknown }): void {
      if (!isHostAuditSecret(event.data)) return;
      clearTimeout(timer);
      port.off?.('message', listener);
      resolve(event.data.secret === null ? undefined : Buffer.from(event.data.secret, 'base64'));
    }
    port.on('message', listener);
  });
}
