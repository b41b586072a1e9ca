import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { fieldAria } from './field-aria';
import { FieldNotes } from './FieldNotes';

export interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'checked' | 'onChange' | 'className'> {
  label: ReactNode;
  checked: boolean;
  onChecked(v: boolean): void;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  /** Extra class of the field's frame. */
  className?: string;
}

/** A checkbox with its label beside it and its error below, tied to it like Field's. */
export function CheckboxField({ label, checked, onChecked, error, inputRef, className, ...rest }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className={['field field--check', error ? 'field--invalid' : '', className].filter(Boolean).join(' ')}>
      <span className="field__check-row">
        <input {...rest} id={id} ref={inputRef} type="checkbox" checked={checked} {...fieldAria(id, undefined, error)} onChange={(e) => onChecked(e.target.checked)} />
        <label htmlFor={id}>{label}</label>
      </span>
      <FieldNotes id={id} error={error} />
    </div>
  );
}
