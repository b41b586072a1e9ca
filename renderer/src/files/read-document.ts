/**
 * Fetches a dossier's attached file through documents.read, chunk by chunk (each answer says where the next one
 * starts), and checks the assembled bytes against the SHA-256 recorded at reception before anyone sees them.
 */
import { UPLOAD_CHUNK_BYTES } from '../../../core/contract/limits';
import { api } from '../bridge';
import { base64ToBytes } from './base64';

export interface OpenedDocument {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export class DocumentChecksumError extends Error {}

export async function readDocument(id: string): Promise<OpenedDocument> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  let meta: { fileName: string; mediaType: string; bytes: number; sha256: string };
  do {
    const r = await api.call('documents.read', { id, offset, length: UPLOAD_CHUNK_BYTES });
    meta = r;
    parts.push(base64ToBytes(r.dataBase64));
    offset = r.next;
  } while (offset < meta.bytes);
  const bytes = new Uint8Array(new ArrayBuffer(meta.bytes));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  // crypto.subtle exists in secure contexts (app://, http://127.0.0.1); elsewhere the core's size check stands.
  if (globalThis.crypto?.subtle) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    if (hex !== meta.sha256.toLowerCase()) throw new DocumentChecksumError(meta.fileName);
  }
  return { fileName: meta.fileName, mediaType: meta.mediaType, bytes };
}

/** Types the app can show itself: the CSP allows blob: images; PDFs and TIFFs go to the system's viewer. */
export function viewableInApp(mediaType: string): boolean {
  return ['image/jpeg', 'image/png', 'image/gif', 'image/webp'].includes(mediaType);
}
