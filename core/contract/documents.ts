/**
 * Reading a document attached to a dossier, so a clerk can open it from the dossier page. The bytes come in
 * chunks of at most UPLOAD_CHUNK_BYTES (base64), like uploads, so any file the contract accepts crosses every
 * transport; a small file comes whole in the first answer.
 */
import { z } from 'zod';
import { UPLOAD_CHUNK_BYTES } from './limits';
import { ROLES, query } from './method';

export const documentsContract = {
  read: query({
    summary: 'Bytes of a document attached to a dossier, from offset, at most UPLOAD_CHUNK_BYTES per call (audited)',
    access: [...ROLES],
    input: z
      .object({
        id: z.string().trim().min(1).max(100),
        offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
        // Larger requests are served UPLOAD_CHUNK_BYTES at a time (the answer says where the next chunk starts).
        length: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).default(UPLOAD_CHUNK_BYTES),
      })
      .strict(),
    output: z.object({
      id: z.string(),
      dossierId: z.string(),
      fileName: z.string(),
      mediaType: z.string(),
      /** Size of the whole document. */
      bytes: z.number().int(),
      sha256: z.string(),
      offset: z.number().int(),
      dataBase64: z.string(),
      /** Where the next chunk starts; equal to bytes when this chunk is the last. */
      next: z.number().int(),
    }),
  }),
} as const;
