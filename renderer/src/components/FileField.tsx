import type { Ref } from 'react';
import { LabelledControl, type LabelledProps } from './LabelledControl';

export interface FileFieldProps extends Omit<LabelledProps, 'className'> {
  accept: string;
  onFile(file: File | null): void;
  inputRef?: Ref<HTMLInputElement>;
  name?: string;
}

/** A labelled file picker (one file) with its hint and error, like Field. */
export function FileField({ label, accept, hint, error, onFile, inputRef, name }: FileFieldProps) {
  return (
    <LabelledControl label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          className="field__input field__input--file"
          ref={inputRef}
          name={name}
          type="file"
          accept={accept}
          onChange={(e) => onFile(e.target.files?.[0] ?? null)}
        />
      )}
    </LabelledControl>
  );
}
