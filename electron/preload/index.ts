/**
 * Sandboxed preload (bundled to out/preload/index.cjs): exposes exactly one frozen object, window.motcua,
 * with call and subscribe. Raw ipcRenderer and IPC events never reach the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/ipc';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'motcua',
  createBridge(
    (method, input) => ipcRenderer.invoke(IPC_CALL_CHANNEL, method, input),
    // Only the payload goes on: the IPC event (with its sender and ports) never reaches the page.
    (deliver) => void ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, payload: unknown) => deliver(payload)),
  ),
);
