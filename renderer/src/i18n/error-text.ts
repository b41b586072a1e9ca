/** The text for an error: `errors.<code>` from the catalogue in the current language, else the core's message. */
import type { TFunction } from 'i18next';
import { ApiError } from '../bridge/api';

export interface ShownError {
  text: string;
  /** Contract field the error belongs to, if any. */
  field: string | undefined;
  code: string;
}

export function describeError(t: TFunction, e: unknown): ShownError {
  if (e instanceof ApiError) {
    const text = t(`errors.${e.code}`, { replace: e.params, defaultValue: e.message });
    return { text, field: e.field, code: e.code };
  }
  return { text: t('errors.INTERNAL'), field: undefined, code: 'INTERNAL' };
}
