/**
 * One pair of live regions for the whole app: polite (status) and assertive (errors). Screens call
 * announce(text) instead of adding their own, so screen readers hear each message exactly once.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export type Politeness = 'polite' | 'assertive';
type Announce = (text: string, politeness?: Politeness) => void;

const AnnouncerContext = createContext<Announce>(() => {});

export function useAnnouncer(): Announce {
  return useContext(AnnouncerContext);
}

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [polite, setPolite] = useState('');
  const [assertive, setAssertive] = useState('');
  const timers = useRef<Partial<Record<Politeness, ReturnType<typeof setTimeout>>>>({});

  const announce = useCallback<Announce>((text, politeness = 'polite') => {
    const set = politeness === 'assertive' ? setAssertive : setPolite;
    // Clear first so the same message said twice is read twice.
    set('');
    clearTimeout(timers.current[politeness]);
    timers.current[politeness] = setTimeout(() => set(text), 50);
  }, []);

  const value = useMemo(() => announce, [announce]);
  return (
    <AnnouncerContext.Provider value={value}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="live-polite">
        {polite}
      </div>
      <div className="visually-hidden" role="alert" aria-live="assertive" aria-atomic="true" data-testid="live-assertive">
        {assertive}
      </div>
    </AnnouncerContext.Provider>
  );
}
