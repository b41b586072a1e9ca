/**
 * A keyboard command of one screen, reached from the one shortcut registry: the registry runs it, the mounted
 * screen handles it. With no such screen on display the command does nothing, so the key keeps its usual meaning.
 */
export interface CommandSlot<A extends unknown[]> {
  /** Registers the mounted screen's handler; returns the unregister function. */
  set(handler: (...args: A) => boolean): () => void;
  /** A screen is there to handle the command. */
  active(): boolean;
  /** False when nothing handled it. */
  run(...args: A): boolean;
}

export function commandSlot<A extends unknown[] = []>(): CommandSlot<A> {
  let current: ((...args: A) => boolean) | null = null;
  return {
    set: (handler) => {
      current = handler;
      return () => {
        if (current === handler) current = null;
      };
    },
    active: () => current !== null,
    run: (...args) => (current ? current(...args) : false),
  };
}
