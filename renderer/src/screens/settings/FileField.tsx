import { useId, type Ref } from 'react';
import '../../components/forms.css';

export interface FileFieldProps {
  label: string;
  accept: string;
  hint?: string | undefined;
  error?: string | undefined;
  onFile(file: File | null): void;
  inputRef?: Ref<HTMLInputElement>;
  name?: string;
}

/** A labelled file picker with its hint and error tied to it, like components/Field. */
export function FileField({ label, accept, hint, error, onFile, inputRef, name }: FileFieldProps) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        id={id}
        ref={inputRef}
        name={name}
        type="file"
        accept={accept}
        className="field__input field__input--file"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
      />
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
    </div>
  );
}
