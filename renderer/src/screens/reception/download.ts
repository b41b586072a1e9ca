/**
 * Printed forms reach the clerk as a downloaded PDF: the core renders it (base64), the renderer turns it into a
 * Blob behind an object URL and clicks a temporary <a download>. No iframe or new window (CSP forbids frames).
 */
import type { MethodInput } from '../../../../core/contract/index';
import { api } from '../../bridge';

export type FormName = MethodInput<'forms.render'>['form'];
export type FormLayout = NonNullable<MethodInput<'forms.render'>['layout']>;

export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Reads a File as base64 (without the data: prefix). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

export function saveBytes(bytes: Uint8Array<ArrayBuffer>, fileName: string, mediaType: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; keep the URL a while for slow save dialogs.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Renders one form of a dossier and saves it; returns the file name. */
export async function downloadForm(id: string, form: FormName, layout: FormLayout): Promise<string> {
  const out = await api.call('forms.render', { id, form, layout });
  saveBytes(base64ToBytes(out.contentBase64), out.fileName, 'application/pdf');
  return out.fileName;
}
