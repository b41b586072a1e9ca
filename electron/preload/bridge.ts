/**
 * The object the preload exposes as window.motcua. Built from an injected invoke function so it can be tested
 * without Electron; the preload passes a wrapper around ipcRenderer.invoke (never ipcRenderer itself).
 */
import type { CallResult, MotcuaBridge } from '../../core/contract/bridge';
import { isValidMethodName } from '../shared/ipc';

export type Invoke = (method: string, input: unknown) => Promise<unknown>;

function failure(code: string, message: string): CallResult {
  return { ok: false, error: { code, message, params: {} } };
}

export function createBridge(invoke: Invoke): MotcuaBridge {
  const call = async (method: string, input?: unknown): Promise<CallResult> => {
    if (!isValidMethodName(method)) {
      return failure('RPC_MALFORMED', 'Yêu cầu không đúng định dạng. / The request is malformed.');
    }
    try {
      return (await invoke(method, input)) as CallResult;
    } catch {
      // The main process answers every call with a CallResult; a rejection means IPC itself broke.
      return failure('INTERNAL', 'Lỗi hệ thống không mong muốn. / Unexpected system error.');
    }
  };
  return Object.freeze({ transport: 'electron' as const, call });
}
