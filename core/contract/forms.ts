import { z } from 'zod';
import { query } from './method';

export const FORM_NAMES = ['receipt', 'supplement', 'refusal', 'apology', 'bien-lai'] as const;

const pdfOut = z.object({ fileName: z.string(), contentBase64: z.string(), bytes: z.number().int() });

export const formsContract = {
  render: query({
    summary: 'A printed form of one dossier as PDF: receipt, request to supplement, refusal, apology, fee receipt',
    access: 'session',
    input: z
      .object({
        id: z.string().uuid().optional(),
        code: z.string().trim().min(1).max(80).optional(),
        form: z.enum(FORM_NAMES),
        layout: z.enum(['a4', '80mm']).default('a4'),
      })
      .strict()
      .refine((v) => (v.id === undefined) !== (v.code === undefined), { message: 'give id or code', path: ['id'] }),
    output: pdfOut,
  }),
  handover: query({
    summary: 'Postal handover list: the paper dossiers a postal counter passes to an agency',
    access: 'session',
    input: z
      .object({
        ids: z.array(z.string().uuid()).min(1).max(500),
        from: z.string().trim().min(1).max(300),
        to: z.string().trim().min(1).max(300),
        layout: z.enum(['a4', '80mm']).default('a4'),
      })
      .strict(),
    output: pdfOut,
  }),
} as const;
