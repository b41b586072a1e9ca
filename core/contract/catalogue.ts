import { z } from 'zod';
import { AgencySchema, ProcedureSchema } from '../domain/catalogue/schema';
import { command, query } from './method';

export const agencyCodeInput = z.string().trim().min(1).max(40);
export const procedureCodeInput = z.string().trim().min(1).max(40);

const highlight = z.object({ start: z.number().int(), end: z.number().int() });

export const catalogueContract = {
  agencies: query({
    summary: 'Agencies whose procedures this counter receives',
    access: 'session',
    input: z.object({}).strict().default({}),
    output: z.array(AgencySchema),
  }),
  search: query({
    summary: 'Find procedures by code or by name, ignoring case and diacritics (đ included)',
    access: 'session',
    input: z
      .object({
        query: z.string().max(200),
        agencyCode: agencyCodeInput.optional(),
        limit: z.number().int().min(1).max(100).default(20),
        includeInactive: z.boolean().default(false),
      })
      .strict(),
    output: z.array(
      z.object({
        agencyCode: z.string(),
        code: z.string(),
        name: z.string(),
        field: z.object({ code: z.string(), name: z.string() }),
        processing: z.object({ amount: z.number(), unit: z.enum(['days', 'hours']) }),
        match: z.string(),
        highlights: z.array(highlight),
      }),
    ),
  }),
  get: query({
    summary: 'One procedure with its checklist and fees',
    access: 'session',
    input: z.object({ agencyCode: agencyCodeInput, code: procedureCodeInput }).strict(),
    output: ProcedureSchema,
  }),
  import: command({
    summary: 'Replace or merge the catalogue from a JSON or XLSX file (an upload with purpose "catalogue"); any bad row refuses the whole file',
    access: ['admin', 'supervisor'],
    input: z
      .object({
        // The file arrives through uploads.begin/chunk/finish: one size limit, and no file bytes in this message.
        uploadId: z.string().uuid(),
        format: z.enum(['json', 'xlsx']).optional(),
        mode: z.enum(['merge', 'replace']).default('merge'),
      })
      .strict(),
    output: z.object({ agencies: z.number().int(), procedures: z.number().int() }),
  }),
  export: query({
    summary: 'The whole catalogue as JSON or XLSX (base64)',
    access: ['admin', 'supervisor'],
    input: z.object({ format: z.enum(['json', 'xlsx']).default('json') }).strict(),
    output: z.object({ format: z.enum(['json', 'xlsx']), contentBase64: z.string() }),
  }),
} as const;
