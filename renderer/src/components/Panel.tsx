import { useId, type ReactNode } from 'react';

export interface PanelProps {
  title: ReactNode;
  /** The heading level: 2 for a screen's sections, 3 for the parts of one. */
  level?: 2 | 3;
  className?: string;
  testId?: string;
  children?: ReactNode;
}

/** A framed section of a screen, named by its heading (aria-labelledby); styled in screen-page.css. */
export function Panel({ title, level = 2, className, testId, children }: PanelProps) {
  const headingId = useId();
  const Heading = level === 3 ? 'h3' : 'h2';
  return (
    <section className={['panel', className].filter(Boolean).join(' ')} aria-labelledby={headingId} data-testid={testId}>
      <Heading id={headingId} className="panel__title">
        {title}
      </Heading>
      {children}
    </section>
  );
}
