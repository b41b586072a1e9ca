/**
 * A labelled file picker (one file) with its hint and error, like Field. The browser's own file input speaks the
 * browser's language ("Choose File", "No file chosen" in English whatever the app's language), so it is kept
 * visually hidden and opened by a Vietnamese-first button; the chosen file's name shows beside it. The hidden
 * input keeps the label (tests and assistive technology find it by label) and hands focus to the button.
 */
import { useId, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { LabelledControl, type LabelledProps } from './LabelledControl';

export interface FileFieldProps extends Omit<LabelledProps, 'className'> {
  accept: string;
  onFile(file: File | null): void;
  inputRef?: Ref<HTMLInputElement>;
  name?: string;
  /** The chosen file as the caller holds it (so a reset after use shows "no file chosen" again). */
  fileName?: string | null;
}

export function FileField({ label, accept, hint, error, onFile, inputRef, name, fileName }: FileFieldProps) {
  const { t } = useTranslation();
  const own = useRef<HTMLInputElement | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const statusId = useId();
  const shown = fileName !== undefined ? fileName : picked;
  // Callers hold the (hidden) input: they reset its value and focus it, which hands focus to the button.
  useImperativeHandle(inputRef, () => own.current as HTMLInputElement, []);
  return (
    <LabelledControl label={label} hint={hint} error={error}>
      {(control) => (
        <div className="file-picker">
          <input
            {...control}
            className="visually-hidden"
            ref={own}
            name={name}
            type="file"
            accept={accept}
            tabIndex={-1}
            onFocus={() => button.current?.focus()}
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              setPicked(f?.name ?? null);
              onFile(f);
            }}
          />
          <button
            ref={button}
            type="button"
            className="btn"
            aria-describedby={[statusId, control['aria-describedby']].filter(Boolean).join(' ')}
            aria-invalid={control['aria-invalid']}
            onClick={() => own.current?.click()}
          >
            {t('ui.file.choose')}
            {/* Named by its own text (not aria-label/labelledby), so the field's label finds only the input. */}
            <span className="visually-hidden"> {label}</span>
          </button>
          <span id={statusId} className="file-picker__name" data-testid="file-picker-name">
            {shown ?? t('ui.file.none')}
          </span>
        </div>
      )}
    </LabelledControl>
  );
}
