/** The one IPC handler: checks who is calling, then forwards to the core's utility process. */
import { ipcMain } from 'electron';
import type { CallResult } from '../../core/contract/bridge';
import type { WireError } from '../../core/contract/errors';
import { IPC_CALL_CHANNEL, isValidMethodName } from '../shared/ipc';
import type { HostClient } from './host-client';
import { isTrustedSender } from './sender';

export function registerCallHandler(deps: {
  host: HostClient;
  ourWebContentsIds: ReadonlySet<number>;
  allowedOrigins: readonly string[];
  makeError: (code: string) => WireError;
  warn: (msg: string, fields?: Record<string, unknown>) => void;
}): void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event, method: unknown, input: unknown): Promise<CallResult> => {
    const sender = event.sender;
    const trusted = isTrustedSender(
      { senderId: sender.id, frame: event.senderFrame, mainFrame: sender.isDestroyed() ? null : sender.mainFrame },
      deps.ourWebContentsIds,
      deps.allowedOrigins,
    );
    if (!trusted) {
      deps.warn('ipc call refused: untrusted sender', { webContentsId: sender.id, frameUrl: safeUrl(event.senderFrame) });
      return { ok: false, error: deps.makeError('RPC_FORBIDDEN') };
    }
    if (!isValidMethodName(method)) return { ok: false, error: deps.makeError('RPC_MALFORMED') };
    return deps.host.call(String(sender.id), method, input);
  });
}

function safeUrl(frame: { url: string } | null): string | null {
  try {
    return frame?.url ?? null;
  } catch {
    return null;
  }
}
