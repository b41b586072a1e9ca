/** First-run form checks, mirroring the contract (auth.setupAdmin) so mistakes are caught before the call. */
export type SetupField = 'username' | 'displayName' | 'password' | 'confirm';
export interface SetupValues {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}
/** Message keys under ui.validation, per field. */
export type SetupProblems = Partial<Record<SetupField, 'required' | 'usernameFormat' | 'passwordTooShort' | 'passwordMismatch'>>;

const USERNAME = /^[a-zA-Z0-9._-]{3,64}$/;

export function validateSetup(v: SetupValues): SetupProblems {
  const p: SetupProblems = {};
  if (!v.username.trim()) p.username = 'required';
  else if (!USERNAME.test(v.username.trim())) p.username = 'usernameFormat';
  if (!v.displayName.trim()) p.displayName = 'required';
  if (!v.password) p.password = 'required';
  else if (v.password.length < 8) p.password = 'passwordTooShort';
  if (!v.confirm) p.confirm = 'required';
  else if (v.password && v.confirm !== v.password) p.confirm = 'passwordMismatch';
  return p;
}
