import './forms.css';

/** The error of a whole form, read out as soon as it appears (role=alert). Renders nothing without a message. */
export function FormError({ message, testId = 'form-error' }: { message: string | null; testId?: string }) {
  return (
    <div role="alert" className={message ? 'form-error' : 'form-error form-error--empty'} data-testid={testId}>
      {message}
    </div>
  );
}
