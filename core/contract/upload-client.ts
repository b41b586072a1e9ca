/**
 * The client side of chunked uploads, shared by the renderer, the CLI and tests so every adapter sends files
 * the same way: begin, one chunk of at most UPLOAD_CHUNK_BYTES at a time, finish. Pure: the caller supplies the
 * contract call and a way to read the file's bytes.
 */
import type { CallResult } from './bridge';
import type { WireError } from './errors';
import { UPLOAD_CHUNK_BYTES } from './limits';
import type { UploadPurpose } from './uploads';

export type UploadCall = (method: 'uploads.begin' | 'uploads.chunk' | 'uploads.finish' | 'uploads.abort', input: unknown) => Promise<CallResult>;

export interface UploadSource {
  fileName: string;
  size: number;
  /** Bytes [start, end) of the file. */
  read(start: number, end: number): Promise<Uint8Array>;
}

export interface UploadedFile {
  uploadId: string;
  fileName: string;
  bytes: number;
  sha256: string;
  detected: { ext: string; mime: string } | null;
}

/** A refused step: the core's error, as every transport returns it. */
export class UploadFailed extends Error {
  constructor(readonly error: WireError) {
    super(error.message);
  }
}

function toBase64(bytes: Uint8Array): string {
  const B = (globalThis as { Buffer?: { from(b: Uint8Array): { toString(enc: string): string } } }).Buffer;
  if (B) return B.from(bytes).toString('base64');
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

async function step<T>(call: UploadCall, method: Parameters<UploadCall>[0], input: unknown): Promise<T> {
  const r = await call(method, input);
  if (!r.ok) throw new UploadFailed(r.error);
  return r.value as T;
}

export async function uploadFile(
  call: UploadCall,
  src: UploadSource,
  opts: { purpose?: UploadPurpose; onProgress?: (sent: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<UploadedFile> {
  const begun = await step<{ uploadId: string; chunkBytes: number }>(call, 'uploads.begin', { fileName: src.fileName, bytes: src.size, purpose: opts.purpose ?? 'attachment' });
  const chunk = Math.min(begun.chunkBytes, UPLOAD_CHUNK_BYTES);
  try {
    for (let offset = 0; offset < src.size; offset += chunk) {
      if (opts.signal?.aborted) throw new Error('aborted');
      const data = await src.read(offset, Math.min(src.size, offset + chunk));
      await step(call, 'uploads.chunk', { uploadId: begun.uploadId, offset, dataBase64: toBase64(data) });
      opts.onProgress?.(Math.min(src.size, offset + chunk), src.size);
    }
    return await step<UploadedFile>(call, 'uploads.finish', { uploadId: begun.uploadId });
  } catch (e) {
    // Best effort: the staged bytes would expire anyway.
    await call('uploads.abort', { uploadId: begun.uploadId }).catch(() => undefined);
    throw e;
  }
}
