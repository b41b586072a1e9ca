/**
 * The state of a form that creates an account (first administrator, staff account): its values, the checks
 * before the call, and a failed call's error shown beside the field it names. Focus moves to the field in
 * question; the inputs are found in the form by their names, which are the field names.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../bridge/api';
import { describeError } from '../i18n/error-text';
import { ACCOUNT_FIELDS, validateAccount, type AccountField, type AccountProblems, type AccountValues } from './validate';

/** What the call gets: the names trimmed, the password as typed. */
export interface NewAccount {
  username: string;
  displayName: string;
  password: string;
}

const EMPTY: AccountValues = { username: '', displayName: '', password: '', confirm: '' };

function focusField(form: HTMLFormElement, f: AccountField): void {
  (form.elements.namedItem(f) as HTMLElement | null)?.focus();
}

export function useAccountForm(labelOf: (f: AccountField) => string) {
  const { t } = useTranslation();
  const [values, setValues] = useState<AccountValues>(EMPTY);
  const [problems, setProblems] = useState<AccountProblems>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const shown = error === null ? null : describeError(t, error);

  const check = (form: HTMLFormElement): boolean => {
    const found = validateAccount(values);
    setProblems(found);
    setError(null);
    const first = ACCOUNT_FIELDS.find((f) => found[f]);
    if (first) focusField(form, first);
    return first === undefined;
  };

  return {
    values,
    busy,
    /** The failed call's error as shown, or null. */
    shown,
    hasProblems: ACCOUNT_FIELDS.some((f) => problems[f]),
    label: labelOf,
    set: (f: AccountField) => (v: string) => setValues((old) => ({ ...old, [f]: v })),
    fieldError(f: AccountField): string | undefined {
      const p = problems[f];
      if (p) return t(`ui.validation.${p}`, { field: labelOf(f).toLocaleLowerCase() });
      return shown?.field === f ? shown.text : undefined;
    },
    /**
     * The submit handler: checks the values (focus goes to the first problem), then makes the call, busy
     * meanwhile; a failed call's error is shown and focus goes to the field it names. leavesScreen: success
     * replaces the form's screen, so the button stays busy until then.
     */
    submitHandler(call: (account: NewAccount, form: HTMLFormElement) => Promise<void>, { leavesScreen = false } = {}) {
      return async (e: FormEvent<HTMLFormElement>) => {
        e.preventDefault();
        const form = e.currentTarget;
        if (busy || !check(form)) return;
        setBusy(true);
        try {
          await call({ username: values.username.trim(), displayName: values.displayName.trim(), password: values.password }, form);
          if (!leavesScreen) setBusy(false);
        } catch (err) {
          setError(err);
          setBusy(false);
          const target = ACCOUNT_FIELDS.find((f) => err instanceof ApiError && err.field === f);
          if (target) focusField(form, target);
        }
      };
    },
    /** Empties the form for the next account and puts the cursor back in the login name. */
    reset(form: HTMLFormElement): void {
      setValues(EMPTY);
      focusField(form, 'username');
    },
  };
}

export type AccountForm = ReturnType<typeof useAccountForm>;
