/**
 * Which counter this machine (browser profile) is: chosen once, kept in localStorage, changeable from the Queue
 * screen. Every screen that needs it (queue, reception's ticket) reads the same value and hears when it changes.
 */
import { useSyncExternalStore } from 'react';

const KEY = 'motcua.queue.counter';
const listeners = new Set<() => void>();

function read(): number | null {
  try {
    const n = Number(localStorage.getItem(KEY));
    return Number.isInteger(n) && n >= 1 && n <= 999 ? n : null;
  } catch {
    return null;
  }
}

export function chooseCounter(n: number | null): void {
  try {
    if (n === null) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, String(n));
  } catch {
    /* storage refused (private mode): the choice lasts until the page closes */
  }
  memory = n;
  for (const l of listeners) l();
}

let memory: number | null = read();

function subscribe(l: () => void): () => void {
  listeners.add(l);
  // Another tab of this browser chose: follow it.
  const onStorage = (e: StorageEvent) => {
    if (e.key !== KEY) return;
    memory = read();
    l();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(l);
    window.removeEventListener('storage', onStorage);
  };
}

/** This machine's counter number, null until one is chosen. */
export function useCounterChoice(): number | null {
  return useSyncExternalStore(subscribe, () => memory);
}
