/** Where an error from the core is shown: beside the field it names when the form has that field, else on top. */
import type { TFunction } from 'i18next';
import { describeError } from '../../i18n/error-text';

export interface PlacedError {
  /** Field name → message, for the fields of this form. */
  fields: Record<string, string>;
  /** The message shown above the form (role=alert), when no field of the form is named. */
  form: string | null;
}

export const NO_ERROR: PlacedError = { fields: {}, form: null };

export function placeError(t: TFunction, e: unknown, formFields: readonly string[]): PlacedError {
  const shown = describeError(t, e);
  if (shown.field && formFields.includes(shown.field)) return { fields: { [shown.field]: shown.text }, form: null };
  return { fields: {}, form: shown.text };
}
