import type { Ref, TextareaHTMLAttributes } from 'react';
import { LabelledControl, type LabelledProps, type OwnAttributes, type TextValueProps } from './LabelledControl';

export interface TextAreaFieldProps extends OwnAttributes<TextareaHTMLAttributes<HTMLTextAreaElement>>, LabelledProps, TextValueProps {
  inputRef?: Ref<HTMLTextAreaElement>;
}

/** A labelled text area with its hint and error, like Field. */
export function TextAreaField({ label, value, onValue, hint, error, inputRef, required, className, ...rest }: TextAreaFieldProps) {
  return (
    <LabelledControl label={label} required={required} hint={hint} error={error} className={className}>
      {(control) => <textarea {...rest} {...control} ref={inputRef} value={value} onChange={(e) => onValue(e.target.value)} />}
    </LabelledControl>
  );
}
