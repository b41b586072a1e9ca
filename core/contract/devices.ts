import { z } from 'zod';
import { query } from './method';

export const scanSchema = z.object({
  seq: z.number().int(),
  text: z.string(),
  device: z.string(),
  symbology: z.string(),
  at: z.string(),
});

export const devicesContract = {
  barcodeStatus: query({
    summary: 'The HID POS barcode scanner: whether one is open, its name, and the last error',
    access: 'session',
    input: z.object({}).strict().default({}),
    output: z.object({
      state: z.enum(['off', 'listening', 'error']),
      device: z.string().nullable(),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
      lastSeq: z.number().int(),
    }),
  }),
  waitScan: query({
    summary: 'Long-poll: the next barcode scanned on the HID POS scanner after afterSeq, or null when the wait ends',
    access: 'session',
    input: z.object({ afterSeq: z.number().int().min(0), timeoutMs: z.number().int().min(0).max(25_000).default(20_000) }).strict(),
    output: scanSchema.nullable(),
  }),
} as const;
