/**
 * Digitisation after scanning (issue #15): every stored page is read by OCR in the background (a durable queue,
 * the dossier at the counter first), each checklist document becomes a searchable PDF/A-1b, pages read with low
 * confidence are flagged for the clerk, and the text of every page is searchable. Progress goes out on the push
 * channel as `ocr.progress`.
 */
import { z } from 'zod';
import { ROLES, command, query } from './method';
import { wireErrorBriefSchema } from './events';

const COUNTER_ROLES = [...ROLES];
const id = z.string().trim().min(1).max(100);
const itemCode = z.string().trim().min(1).max(60);

/** 'none': not queued (a separator sheet, a page that failed in the pipeline); 'waiting' → 'running' → 'done' | 'failed'. */
export const ocrStateSchema = z.enum(['none', 'waiting', 'running', 'done', 'failed']);
export type OcrState = z.infer<typeof ocrStateSchema>;

export const ocrQueueStatusSchema = z.object({
  waiting: z.number().int(),
  running: z.number().int(),
  /** Pages that stopped after the last try (reason kept per page). */
  failed: z.number().int(),
  /** Pages read so far (all time) and those flagged for review and not yet reviewed. */
  done: z.number().int(),
  flagged: z.number().int(),
  /** Over the last 10 minutes of work; 0 when nothing ran. */
  pagesPerMinute: z.number(),
  /** Seconds until the queue is empty at the current rate; null when unknown. */
  etaSeconds: z.number().nullable(),
  workers: z.number().int(),
});
export type OcrQueueStatus = z.infer<typeof ocrQueueStatusSchema>;

export const pageOcrSchema = z.object({
  pageId: z.string(),
  dossierId: z.string().nullable(),
  itemCode: z.string(),
  position: z.number().int().nullable(),
  state: ocrStateSchema,
  /** Mean word confidence 0..100; null until read, or when the page has no words. */
  confidence: z.number().nullable(),
  wordCount: z.number().int(),
  /** Read with confidence under the threshold (or no text on a page that is not blank) and not yet reviewed. */
  flagged: z.boolean(),
  review: z.enum(['accepted', 'rescan']).nullable(),
  tries: z.number().int(),
  error: wireErrorBriefSchema.nullable(),
});
export type PageOcr = z.infer<typeof pageOcrSchema>;

/** The searchable PDF/A of one checklist document of a dossier. 'stale': waiting for OCR or a rebuild. */
export const documentPdfSchema = z.object({
  dossierId: z.string(),
  itemCode: z.string(),
  state: z.enum(['stale', 'ready', 'failed']),
  pageCount: z.number().int(),
  bytes: z.number().int().nullable(),
  sha256: z.string().nullable(),
  builtAt: z.string().nullable(),
  error: wireErrorBriefSchema.nullable(),
});
export type DocumentPdf = z.infer<typeof documentPdfSchema>;

export const ocrContract = {
  status: query({
    summary: 'The OCR queue: pages waiting, running, failed, flagged, pages per minute and time left',
    access: COUNTER_ROLES,
    input: z.object({}).strict().default({}),
    output: ocrQueueStatusSchema,
  }),
  dossier: query({
    summary: "A dossier's OCR: each page's state and confidence, and each checklist document's PDF",
    access: COUNTER_ROLES,
    input: z.object({ dossierId: id }).strict(),
    output: z.object({ pages: z.array(pageOcrSchema), documents: z.array(documentPdfSchema) }),
  }),
  page: query({
    summary: "One page's OCR result: state, confidence and the text read",
    access: COUNTER_ROLES,
    input: z.object({ pageId: id }).strict(),
    output: pageOcrSchema.extend({ text: z.string() }),
  }),
  focus: query({
    summary: "The dossier (or the calling clerk's tray) now at the counter: its pages waiting for OCR go first",
    access: COUNTER_ROLES,
    input: z.union([z.object({ dossierId: id }).strict(), z.object({ tray: z.literal(true) }).strict()]),
    output: z.object({ prioritised: z.number().int() }),
  }),
  review: command({
    summary: 'The clerk looked at a flagged page: accept what was read, or mark it to be scanned again',
    access: COUNTER_ROLES,
    input: z.object({ pageId: id, decision: z.enum(['accept', 'rescan']) }).strict(),
    output: pageOcrSchema,
  }),
  retry: command({
    summary: 'Put a page whose OCR failed (or any page) back in the queue',
    access: COUNTER_ROLES,
    input: z.object({ pageId: id }).strict(),
    output: pageOcrSchema,
  }),
  readPdf: query({
    summary: "A checklist document's searchable PDF/A, in chunks like documents.read",
    access: COUNTER_ROLES,
    input: z
      .object({
        dossierId: id,
        itemCode,
        offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
      })
      .strict(),
    output: z.object({
      fileName: z.string(),
      mediaType: z.literal('application/pdf'),
      bytes: z.number().int(),
      sha256: z.string(),
      offset: z.number().int(),
      dataBase64: z.string(),
      next: z.number().int(),
    }),
  }),
} as const;

export const searchHitSchema = z.object({
  dossierId: z.string(),
  dossierCode: z.string(),
  itemCode: z.string(),
  /** The checklist item's name in the dossier's procedure (the item code when unknown). */
  itemName: z.string(),
  pageId: z.string(),
  /** 1-based position of the page within its checklist document. */
  page: z.number().int(),
  /** A short excerpt of the page's text around the first match, as read (diacritics kept). */
  snippet: z.string(),
  /** [start, end) offsets in snippet (UTF-16 code units) of the matched words, to highlight. */
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchContract = {
  pages: query({
    summary: 'Full-text search over the OCR text of every page (case and Vietnamese diacritics ignored, đ = d)',
    access: COUNTER_ROLES,
    input: z
      .object({
        query: z.string().trim().min(1).max(200),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).max(10_000).default(0),
      })
      .strict(),
    output: z.object({ hits: z.array(searchHitSchema), more: z.boolean(), ms: z.number() }),
  }),
} as const;
