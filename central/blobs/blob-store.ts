/**
 * Where uploaded file bytes live, by content (SHA-256). The server keeps the declared length and the bookkeeping in
 * PostgreSQL; this interface only holds bytes, so an object store (S3 multipart, MinIO…) can replace the file system
 * one (fs-blob-store.ts). Callers serialise writes per sha256 (the server holds a PostgreSQL advisory lock).
 */
import type { Readable } from 'node:stream';

export interface BlobState {
  /** Bytes held: the next chunk starts here. For a complete blob, its length. */
  offset: number;
  /** The bytes are all there and their SHA-256 matched. */
  complete: boolean;
}

export interface BlobStore {
  /** null: not a byte of it is held. */
  status(sha256: string): Promise<BlobState | null>;
  /** Appends chunk at offset (which must equal the bytes held), durably; returns the new state (never complete). */
  append(sha256: string, offset: number, chunk: Uint8Array): Promise<BlobState>;
  /** Checks the held bytes hash to sha256: true → the blob is complete; false → the partial bytes are dropped. */
  complete(sha256: string): Promise<boolean>;
  /** Drops the partial bytes of an upload (the complete blob, if any, stays). */
  dropPartial(sha256: string): Promise<void>;
  /** The complete blob's bytes. */
  open(sha256: string): Readable;
  exists(sha256: string): Promise<boolean>;
}
