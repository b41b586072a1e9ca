/**
 * The reception draft of the clerk calling: the dossier being received as the renderer holds it (an opaque JSON
 * text the core only checks is a JSON object), kept server-side so a reload or another browser of the same clerk
 * gets it back; and whether the counter is receiving outside working hours (a warning, never a block).
 */
import { z } from 'zod';
import { command, query } from './method';

/** A draft holds text, the checklist and the chosen procedure, never file contents: well under this. */
export const MAX_RECEPTION_DRAFT_CHARS = 512 * 1024;

const RECEPTION_ROLES = ['clerk', 'postal_clerk', 'supervisor', 'admin'] as const;
const none = z.object({}).strict().default({});

export const receptionContract = {
  getDraft: query({
    summary: 'The reception draft of the calling clerk, or null',
    access: RECEPTION_ROLES,
    input: none,
    output: z.object({ data: z.string(), savedAt: z.string() }).nullable(),
  }),
  saveDraft: command({
    summary: 'Keep the reception draft of the calling clerk (replaces the previous one)',
    access: RECEPTION_ROLES,
    input: z.object({ data: z.string().min(2).max(MAX_RECEPTION_DRAFT_CHARS) }).strict(),
    output: z.object({ savedAt: z.string() }),
  }),
  workingTime: query({
    summary: 'Whether now (the core\'s clock, Vietnam time) is inside the working hours of an agency',
    access: RECEPTION_ROLES,
    input: z.object({ agencyCode: z.string().trim().min(1).max(40) }).strict(),
    output: z.object({ now: z.string(), working: z.boolean() }),
  }),
  discardDraft: command({
    summary: 'Drop the reception draft of the calling clerk (received, refused or discarded)',
    access: RECEPTION_ROLES,
    input: none,
    output: z.object({ discarded: z.boolean() }),
  }),
} as const;
