/**
 * The aria attributes that tie a form control to its error and hint paragraphs (ids `<id>-error` and
 * `<id>-hint`, as FieldNotes writes them): the error is read first, then the hint.
 */
export function fieldAria(id: string, hint: string | undefined, error: string | undefined) {
  return {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined,
  } as const;
}
