export interface SubmitButtonProps {
  label: string;
  /** A call is running: the button says so (aria-busy) and shows busyLabel where there is one. */
  busy?: boolean;
  busyLabel?: string;
  /** A step that cannot be undone (withdraw, refuse): the button says so by its colour. */
  danger?: boolean;
  /** As wide as its card (login, first run). */
  block?: boolean;
  disabled?: boolean;
  testId?: string;
}

/** The button that submits its form. */
export function SubmitButton({ label, busy, busyLabel, danger = false, block = false, disabled, testId }: SubmitButtonProps) {
  const className = ['btn', danger ? 'btn--danger' : 'btn--primary', block ? 'btn--block' : ''].filter(Boolean).join(' ');
  return (
    <button type="submit" className={className} aria-busy={busy} disabled={disabled} data-testid={testId}>
      {busy && busyLabel ? busyLabel : label}
    </button>
  );
}
