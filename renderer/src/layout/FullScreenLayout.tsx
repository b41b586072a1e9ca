import type { ReactNode } from 'react';
import { MAIN_ID } from './SkipLink';

/** Kiosk and display board: the screen alone, no header or navigation. */
export function FullScreenLayout({ children }: { children: ReactNode }) {
  return (
    <main id={MAIN_ID} tabIndex={-1} className="fullscreen">
      {children}
    </main>
  );
}
