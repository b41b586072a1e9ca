import type { Ref } from 'react';
import { Field } from '../components/Field';

export interface NewPasswordFieldsProps {
  passwordLabel: string;
  confirmLabel: string;
  hint: string;
  /** Input names; default 'password' and 'confirm'. */
  names?: { password: string; confirm: string };
  password: string;
  confirm: string;
  onPassword(v: string): void;
  onConfirm(v: string): void;
  passwordError: string | undefined;
  confirmError: string | undefined;
  passwordRef?: Ref<HTMLInputElement>;
  confirmRef?: Ref<HTMLInputElement>;
}

/** A new password typed twice (the browser may offer to generate and save it). */
export function NewPasswordFields(p: NewPasswordFieldsProps) {
  const names = p.names ?? { password: 'password', confirm: 'confirm' };
  return (
    <>
      <Field
        label={p.passwordLabel}
        name={names.password}
        type="password"
        autoComplete="new-password"
        required
        hint={p.hint}
        value={p.password}
        onValue={p.onPassword}
        error={p.passwordError}
        inputRef={p.passwordRef}
      />
      <Field
        label={p.confirmLabel}
        name={names.confirm}
        type="password"
        autoComplete="new-password"
        required
        value={p.confirm}
        onValue={p.onConfirm}
        error={p.confirmError}
        inputRef={p.confirmRef}
      />
    </>
  );
}
