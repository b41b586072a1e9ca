/**
 * Form controls that components/Field (text inputs only) lacks: a text area, a select and a checkbox, each
 * labelled, with its hint and its error tied to it the same way (aria-describedby, aria-invalid).
 */
import { useId, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import '../../components/forms.css';
import './fields.css';

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
}

function HintAndError({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </>
  );
}

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'onChange' | 'value'> {
  label: string;
  value: string;
  onValue(v: string): void;
  hint?: string | undefined;
  error?: string | undefined;
  inputRef?: Ref<HTMLTextAreaElement>;
}

export function TextAreaField({ label, value, onValue, hint, error, inputRef, required, ...rest }: TextAreaFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
        {required && <span className="visually-hidden"> {t('ui.required')}</span>}
      </label>
      <textarea
        {...rest}
        id={id}
        ref={inputRef}
        className="field__input"
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onValue(e.target.value)}
      />
      <HintAndError id={id} hint={hint} error={error} />
    </div>
  );
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'onChange' | 'value'> {
  label: string;
  value: string;
  onValue(v: string): void;
  hint?: string | undefined;
  error?: string | undefined;
  children: ReactNode;
  selectRef?: Ref<HTMLSelectElement>;
}

export function SelectField({ label, value, onValue, hint, error, children, selectRef, ...rest }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select
        {...rest}
        id={id}
        ref={selectRef}
        className="field__input"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onValue(e.target.value)}
      >
        {children}
      </select>
      <HintAndError id={id} hint={hint} error={error} />
    </div>
  );
}

export interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onChecked(v: boolean): void;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  name?: string;
}

export function CheckboxField({ label, checked, onChecked, error, inputRef, name }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className={error ? 'field field--check field--invalid' : 'field field--check'}>
      <span className="field__check-row">
        <input
          id={id}
          ref={inputRef}
          name={name}
          type="checkbox"
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChecked(e.target.checked)}
        />
        <label htmlFor={id}>{label}</label>
      </span>
      <HintAndError id={id} error={error} />
    </div>
  );
}

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
