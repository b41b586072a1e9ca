/**
 * What every labelled form control shares: the label above it (saying "required" to screen readers), the hint
 * and the error under it, tied to it by aria-describedby and aria-invalid; the frame turns red with an error.
 */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldAria } from './field-aria';
import { FieldNotes } from './FieldNotes';

/** The attributes of the control inside, to spread on it. */
export type ControlAttributes = { id: string; className: string; required: boolean | undefined } & ReturnType<typeof fieldAria>;

/** The props of a labelled control besides its element's own attributes (those minus the ones it sets). */
export interface LabelledProps {
  label: string;
  hint?: string | undefined;
  /** Shown beside the control and tied to it (aria-describedby, aria-invalid). */
  error?: string | undefined;
  /** Extra class of the field's frame. */
  className?: string;
}

/** A control whose value is text: the whole new text on every change. */
export interface TextValueProps {
  value: string;
  onValue(v: string): void;
}

export type OwnAttributes<A> = Omit<A, 'id' | 'onChange' | 'value' | 'className'>;

export function LabelledControl({ label, required, hint, error, className, children }: LabelledProps & { required?: boolean | undefined; children(control: ControlAttributes): ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className={['field', error ? 'field--invalid' : '', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field__label">
        {label}
        {required && <span className="visually-hidden"> {t('ui.required')}</span>}
      </label>
      {children({ id, className: 'field__input', required, ...fieldAria(id, hint, error) })}
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
