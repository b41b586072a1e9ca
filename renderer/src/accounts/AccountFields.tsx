import type { ReactNode } from 'react';
import { Field } from '../components/Field';
import { NewPasswordFields } from './NewPasswordFields';
import type { AccountForm } from './useAccountForm';
import { UsernameField } from './UsernameField';

export interface AccountFieldsProps {
  form: AccountForm;
  usernameHint: string;
  passwordHint: string;
  /** The person typing is the account's owner (first run): the browser may fill in and save their details. */
  ownAccount: boolean;
  /** The login name takes the cursor when the form appears. */
  autoFocus?: boolean;
  /** Fields between the name and the password (the role of a staff account). */
  children?: ReactNode;
}

/** Login name, display name and a new password typed twice, with the problems useAccountForm found. */
export function AccountFields({ form, usernameHint, passwordHint, ownAccount, autoFocus, children }: AccountFieldsProps) {
  return (
    <>
      <UsernameField
        label={form.label('username')}
        autoComplete={ownAccount ? 'username' : 'off'}
        autoFocus={autoFocus}
        hint={usernameHint}
        value={form.values.username}
        onValue={form.set('username')}
        error={form.fieldError('username')}
      />
      <Field
        label={form.label('displayName')}
        name="displayName"
        autoComplete={ownAccount ? 'name' : 'off'}
        required
        value={form.values.displayName}
        onValue={form.set('displayName')}
        error={form.fieldError('displayName')}
      />
      {children}
      <NewPasswordFields
        passwordLabel={form.label('password')}
        confirmLabel={form.label('confirm')}
        hint={passwordHint}
        password={form.values.password}
        confirm={form.values.confirm}
        onPassword={form.set('password')}
        onConfirm={form.set('confirm')}
        passwordError={form.fieldError('password')}
        confirmError={form.fieldError('confirm')}
      />
    </>
  );
}
