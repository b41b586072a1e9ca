/** A time bound for any promise (a printer link, a hand-over, Electron's print): shared by native/ and electron/. */

/** Resolves or rejects with `p`, or rejects with onTimeout() after ms (`p` keeps running; its result is dropped). */
export function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), Math.max(1, ms));
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
