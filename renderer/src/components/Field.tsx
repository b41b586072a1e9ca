import type { InputHTMLAttributes, Ref } from 'react';
import { LabelledControl, type LabelledProps, type OwnAttributes, type TextValueProps } from './LabelledControl';

export interface FieldProps extends OwnAttributes<InputHTMLAttributes<HTMLInputElement>>, LabelledProps, TextValueProps {
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled text input with its hint and error. */
export function Field({ label, value, onValue, hint, error, inputRef, required, className, ...rest }: FieldProps) {
  return (
    <LabelledControl label={label} required={required} hint={hint} error={error} className={className}>
      {(control) => <input {...rest} {...control} ref={inputRef} value={value} onChange={(e) => onValue(e.target.value)} />}
    </LabelledControl>
  );
}
