/**
 * Sandboxed preload (bundled to out/preload/index.cjs): exposes exactly one frozen object, window.motcua,
 * with one function. Raw ipcRenderer and IPC events never reach the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CALL_CHANNEL } from '../shared/ipc';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'motcua',
  createBridge((method, input) => ipcRenderer.invoke(IPC_CALL_CHANNEL, method, input)),
);
