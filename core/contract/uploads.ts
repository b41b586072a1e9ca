/**
 * Chunked uploads: file bytes travel in chunks of at most UPLOAD_CHUNK_BYTES, never inside one large JSON
 * message, so every transport (IPC, WebSocket, CLI) carries any file the contract allows. A finished upload
 * is then named by its uploadId (dossier attachments, catalogue import).
 */
import { z } from 'zod';
import { MAX_MESSAGE_BYTES } from './limits';
import { command } from './method';

const uploadId = z.string().uuid();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/i);

/** What the staged file is for: decides the limit's error code and which content checks run at finish. */
export const UPLOAD_PURPOSES = ['attachment', 'catalogue'] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];

export const uploadsContract = {
  begin: command({
    summary: 'Start an upload: declares the file name and size (refused at once when over the limit)',
    access: 'session',
    input: z
      .object({
        // Any name is cleaned and shortened (keeping the extension) by the service, never refused with schema text.
        fileName: z.string().max(8192),
        // The limit (MAX_FILE_BYTES) is checked by the service, so the answer is a coded message, not schema text.
        bytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
        sha256: sha256.optional(),
        purpose: z.enum(UPLOAD_PURPOSES).default('attachment'),
      })
      .strict(),
    output: z.object({ uploadId, fileName: z.string(), chunkBytes: z.number().int(), expiresAt: z.string() }),
  }),
  chunk: command({
    summary: 'Append one chunk (base64, at most UPLOAD_CHUNK_BYTES decoded) at the given offset',
    access: 'session',
    input: z
      .object({
        uploadId,
        offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
        // The transport caps a message at MAX_MESSAGE_BYTES; the service checks the decoded size with a clear code.
        dataBase64: z.string().max(MAX_MESSAGE_BYTES),
      })
      .strict(),
    output: z.object({ uploadId, received: z.number().int() }),
  }),
  finish: command({
    summary: 'All bytes sent: checks size, checksum and content type; the upload can now be used',
    access: 'session',
    input: z.object({ uploadId }).strict(),
    output: z.object({
      uploadId,
      fileName: z.string(),
      bytes: z.number().int(),
      sha256: z.string(),
      detected: z.object({ ext: z.string(), mime: z.string() }).nullable(),
    }),
  }),
  abort: command({
    summary: 'Drop an upload and its staged bytes',
    access: 'session',
    input: z.object({ uploadId }).strict(),
    output: z.object({ uploadId }),
  }),
} as const;
