import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useDocumentTitle } from '../a11y/useDocumentTitle';
import './screen-page.css';

/**
 * The frame of every screen: its h1 names the screen and the window. After each navigation focus moves to the
 * heading, so keyboard and screen-reader users start at the top of the new screen.
 */
export function ScreenPage({ title, children, className }: { title: string; children?: ReactNode; className?: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const location = useLocation();
  useDocumentTitle(title);
  useEffect(() => {
    headingRef.current?.focus();
  }, [location.key]);
  return (
    <section className={['screen', className].filter(Boolean).join(' ')} aria-labelledby={headingId}>
      <h1 id={headingId} ref={headingRef} tabIndex={-1} className="screen__title">
        {title}
      </h1>
      {children}
    </section>
  );
}
