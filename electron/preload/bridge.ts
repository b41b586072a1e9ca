/**
 * The object the preload exposes as window.motcua. Built from injected functions so it can be tested without
 * Electron; the preload passes a wrapper around ipcRenderer.invoke and one around ipcRenderer.on for the event
 * channel (never ipcRenderer itself, and never the IPC event object: the page gets only the checked payload).
 */
import type { CallResult, MotcuaBridge } from '../../core/contract/bridge';
import { EventSubscriptions } from '../../core/contract/event-client';
import type { PushData, PushName } from '../../core/contract/events';
import { isValidMethodName } from '../shared/ipc';

export type Invoke = (method: string, input: unknown) => Promise<unknown>;
/** Registers the one listener for push-channel payloads sent by main (IPC_EVENT_CHANNEL). */
export type ListenEvents = (deliver: (payload: unknown) => void) => void;

function failure(code: string, message: string): CallResult {
  return { ok: false, error: { code, message, params: {} } };
}

export function createBridge(invoke: Invoke, listen?: ListenEvents): MotcuaBridge {
  const callRaw = async (method: string, input?: unknown): Promise<CallResult> => {
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
  const events = new EventSubscriptions(callRaw);
  // Payloads of any other shape are dropped inside deliver (isPushMessage).
  listen?.((payload) => events.deliver(payload));
  const call = async (method: string, input?: unknown): Promise<CallResult> => {
    const r = await callRaw(method, input);
    events.afterCall(method, r);
    return r;
  };
  const subscribe = <N extends PushName>(name: N, handler: (data: PushData<N>) => void): (() => void) => {
    if (typeof handler !== 'function') throw new TypeError('subscribe: handler must be a function');
    return events.subscribe(name, handler);
  };
  return Object.freeze({ transport: 'electron' as const, call, subscribe });
}
