import type { ReactNode, Ref, SelectHTMLAttributes } from 'react';
import { LabelledControl, type LabelledProps, type OwnAttributes, type TextValueProps } from './LabelledControl';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends OwnAttributes<SelectHTMLAttributes<HTMLSelectElement>>, LabelledProps, TextValueProps {
  /** The choices as data; <option> children work as well. */
  options?: readonly SelectOption[];
  children?: ReactNode;
  inputRef?: Ref<HTMLSelectElement>;
}

/** A labelled select with its hint and error, like Field. */
export function SelectField({ label, value, onValue, options, children, hint, error, inputRef, required, className, ...rest }: SelectFieldProps) {
  return (
    <LabelledControl label={label} required={required} hint={hint} error={error} className={className}>
      {(control) => (
        <select {...rest} {...control} ref={inputRef} value={value} onChange={(e) => onValue(e.target.value)}>
          {options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          {children}
        </select>
      )}
    </LabelledControl>
  );
}
