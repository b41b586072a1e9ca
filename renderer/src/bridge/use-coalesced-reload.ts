import { useCallback, useEffect, useRef } from 'react';

/**
 * A screen's re-read of what it shows, for data that push events say has changed: events come in bursts (a page per
 * second while scanning, OCR progress), so at most one read runs at a time and a reload asked meanwhile makes exactly
 * one more read after it. The read is for the current key (the dossier or tray shown); `settle` gets which key it
 * answered, so a late answer for a key no longer shown can be told apart.
 */
export function useCoalescedReload<K, T>(key: K, read: (key: K) => Promise<T>, settle: (key: K, outcome: { ok: true; value: T } | { ok: false; error: unknown }) => void): () => void {
  const state = useRef({ key, busy: false, again: false });
  const fns = useRef({ read, settle });
  useEffect(() => {
    state.current.key = key;
    fns.current = { read, settle };
  });

  return useCallback(() => {
    const s = state.current;
    const run = (): void => {
      if (s.busy) {
        s.again = true;
        return;
      }
      s.busy = true;
      const asked = s.key;
      fns.current
        .read(asked)
        .then(
          (value) => fns.current.settle(asked, { ok: true, value }),
          (error: unknown) => fns.current.settle(asked, { ok: false, error }),
        )
        .finally(() => {
          s.busy = false;
          if (s.again) {
            s.again = false;
            run();
          }
        });
    };
    run();
  }, []);
}
