/**
 * A checklist document's searchable PDF through ocr.readPdf, chunk by chunk (each answer says where the next one
 * starts), checked against the SHA-256 the core recorded before it is saved — like files/read-document.ts does
 * for attachments.
 */
import { api } from '../../bridge';
import { base64ToBytes } from '../../files/base64';

export class PdfChecksumError extends Error {}

export async function readOcrPdf(dossierId: string, itemCode: string): Promise<{ fileName: string; bytes: Uint8Array<ArrayBuffer> }> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  let meta: { fileName: string; bytes: number; sha256: string };
  do {
    const r = await api.call('ocr.readPdf', { dossierId, itemCode, offset });
    meta = r;
    parts.push(base64ToBytes(r.dataBase64));
    // A core that stops moving forward would loop for ever: what arrived is checked below instead.
    if (r.next <= offset) break;
    offset = r.next;
  } while (offset < meta.bytes);
  const bytes = new Uint8Array(new ArrayBuffer(parts.reduce((n, p) => n + p.length, 0)));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  if (bytes.length !== meta.bytes) throw new PdfChecksumError(meta.fileName);
  // crypto.subtle exists in secure contexts (app://, http://127.0.0.1); elsewhere the size check stands.
  if (globalThis.crypto?.subtle) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    if (hex !== meta.sha256.toLowerCase()) throw new PdfChecksumError(meta.fileName);
  }
  return { fileName: meta.fileName, bytes };
}
