/**
 * Checks of a new account (the first administrator, a staff account), mirroring the contract (auth.setupAdmin,
 * users.create) so mistakes are caught before the call.
 */
export type AccountField = 'username' | 'displayName' | 'password' | 'confirm';
export const ACCOUNT_FIELDS: readonly AccountField[] = ['username', 'displayName', 'password', 'confirm'];

export interface AccountValues {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}
/** Message keys under ui.validation, per field. */
export type AccountProblems = Partial<Record<AccountField, 'required' | 'usernameFormat' | 'passwordTooShort' | 'passwordMismatch'>>;

const USERNAME = /^[a-zA-Z0-9._-]{3,64}$/;

export function validateAccount(v: AccountValues): AccountProblems {
  const p: AccountProblems = {};
  if (!v.username.trim()) p.username = 'required';
  else if (!USERNAME.test(v.username.trim())) p.username = 'usernameFormat';
  if (!v.displayName.trim()) p.displayName = 'required';
  if (!v.password) p.password = 'required';
  else if (v.password.length < 8) p.password = 'passwordTooShort';
  if (!v.confirm) p.confirm = 'required';
  else if (v.password && v.confirm !== v.password) p.confirm = 'passwordMismatch';
  return p;
}
