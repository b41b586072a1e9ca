import { useId } from 'react';
import './forms.css';

export interface RadioGroupProps<V extends string> {
  legend: string;
  name: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onValue(v: V): void;
  disabled?: boolean;
}

/** A fieldset of radio buttons: arrow keys move between them natively. */
export function RadioGroup<V extends string>({ legend, name, value, options, onValue, disabled }: RadioGroupProps<V>) {
  const id = useId();
  return (
    <fieldset className="radio-group" disabled={disabled}>
      <legend className="field__label">{legend}</legend>
      {options.map((o) => (
        <span key={o.value} className="field__check-row">
          <input
            id={`${id}-${o.value}`}
            type="radio"
            name={`${name}-${id}`}
            value={o.value}
            checked={value === o.value}
            onChange={() => onValue(o.value)}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
        </span>
      ))}
    </fieldset>
  );
}
