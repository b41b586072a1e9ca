/**
 * A modal dialog on the native <dialog>: the browser makes the rest of the page inert, keeps focus inside and
 * turns Esc into a cancel. Focus goes to `initialFocus` (else the first control) and back where it was on close.
 */
import { useId, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import './dialog.css';

export interface DialogProps {
  open: boolean;
  title: string;
  onClose(): void;
  children: ReactNode;
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
  /** data-testid for tests. */
  testId?: string;
}

export function Dialog({ open, title, onClose, children, initialFocus, className, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const returnFocus = useRef<Element | null>(null);

  // Layout effect: opening/closing happens before screens' effects move focus (e.g. to a new screen's heading).
  useLayoutEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      returnFocus.current = document.activeElement;
      d.showModal();
      initialFocus?.current?.focus();
    } else if (!open && d.open) {
      d.close();
      const back = returnFocus.current;
      if (back instanceof HTMLElement && back.isConnected) back.focus();
    }
  }, [open, initialFocus]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className={['dialog', className].filter(Boolean).join(' ')}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {children}
        </>
      )}
    </dialog>
  );
}
