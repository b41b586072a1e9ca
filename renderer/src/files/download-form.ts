/** Printed forms reach the clerk as a downloaded PDF: the core renders it, the renderer saves it. */
import type { MethodInput } from '../../../core/contract/index';
import { api } from '../bridge';
import { saveBase64 } from './save-file';

export type FormName = MethodInput<'forms.render'>['form'];
export type FormLayout = NonNullable<MethodInput<'forms.render'>['layout']>;

/** Renders one form of a dossier and saves it; returns the file name. */
export async function downloadForm(id: string, form: FormName, layout: FormLayout): Promise<string> {
  const out = await api.call('forms.render', { id, form, layout });
  saveBase64(out.fileName, out.contentBase64, 'application/pdf');
  return out.fileName;
}
