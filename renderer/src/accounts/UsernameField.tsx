import { Field, type FieldProps } from '../components/Field';

/** A login name: typed as is (no capitals, no spelling fixes), always required. */
export function UsernameField(props: Omit<FieldProps, 'name' | 'autoCapitalize' | 'spellCheck' | 'required'>) {
  return <Field {...props} name="username" autoCapitalize="none" spellCheck={false} required />;
}
