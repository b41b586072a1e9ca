/**
 * Saving a file the core produced (PDF forms, catalogue exports): a Blob behind an object URL and a temporary
 * <a download>. No iframe or new window, which the CSP forbids and which would not work the same in Electron.
 */
import { base64ToBytes } from './base64';

export function saveBytes(bytes: Uint8Array<ArrayBuffer>, fileName: string, mediaType: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: Chromium reads the blob after click() returns, and a save dialog may be slow.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function saveBase64(fileName: string, contentBase64: string, mediaType: string): void {
  saveBytes(base64ToBytes(contentBase64), fileName, mediaType);
}
