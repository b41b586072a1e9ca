/**
 * Scanning paper into a dossier: devices and their capabilities, scan jobs that run in the background (progress on
 * the push channel, `scans.progress`), and the pages they store — an ordered list per checklist item, each page a
 * processed image (G4 TIFF for text, JPEG for photos and colour), a grayscale master kept for OCR, and a thumbnail.
 * At reception the dossier does not exist yet: pages go to the clerk's tray and `dossiers.receive` takes them.
 */
import { z } from 'zod';
import { UPLOAD_CHUNK_BYTES } from './limits';
import { ROLES, command, query } from './method';
import { scanJobStatusSchema, wireErrorBriefSchema } from './events';

const COUNTER_ROLES = [...ROLES];
const id = z.string().trim().min(1).max(100);
const deviceUri = z.string().trim().min(3).max(2000);

export const sourceKindSchema = z.enum(['flatbed', 'adf', 'adf-duplex']);
export const colorModeSchema = z.enum(['bw', 'gray', 'color']);
export const pageSizeSchema = z.enum(['a5', 'a4', 'letter', 'legal', 'a3']);

export const scanDeviceSchema = z.object({
  uri: z.string(),
  name: z.string(),
  kind: z.enum(['sane', 'escl', 'folder', 'wia', 'twain']),
  /** How it was found: listed by its backend, discovered on the network (mDNS), or typed by an admin. */
  origin: z.enum(['listed', 'discovered', 'configured']),
});
export type ScanDevice = z.infer<typeof scanDeviceSchema>;

export const scanCapabilitiesSchema = z.object({
  sources: z.array(sourceKindSchema),
  resolutions: z.array(z.number().int()),
  colorModes: z.array(colorModeSchema),
  pageSizes: z.array(pageSizeSchema),
  maxAreaMm: z.object({ widthMm: z.number(), heightMm: z.number() }).optional(),
});

export const scanSettingsSchema = z
  .object({
    source: sourceKindSchema.default('adf'),
    dpi: z.number().int().min(75).max(1200).optional(),
    color: colorModeSchema.default('gray'),
    pageSize: pageSizeSchema.optional(),
  })
  .strict();

/** Where a scan's pages go: a received dossier, or the calling clerk's reception tray. */
export const scanTargetSchema = z.union([
  z.object({ dossierId: id, itemCode: z.string().trim().min(1).max(60) }).strict(),
  z.object({ tray: z.literal(true), itemCode: z.string().trim().min(1).max(60) }).strict(),
]);

export const pageSchema = z.object({
  id: z.string(),
  dossierId: z.string().nullable(),
  itemCode: z.string(),
  /** 1-based order within its checklist item. */
  position: z.number().int(),
  /** 'raw': received and durable, pipeline not done yet; 'ready': processed; 'failed': the image could not be read. */
  state: z.enum(['raw', 'ready', 'failed']),
  /** A separator sheet is kept (nothing is dropped) but is not part of any document. */
  kind: z.enum(['page', 'separator']),
  mediaType: z.string().nullable(),
  bytes: z.number().int().nullable(),
  widthPx: z.number().int().nullable(),
  heightPx: z.number().int().nullable(),
  dpi: z.number().int().nullable(),
  /** Quarter turns applied (0, 90, 180, 270) and the skew measured, in degrees. */
  rotation: z.number().int(),
  skewDeg: z.number().nullable(),
  blank: z.boolean(),
  /** A blank page the clerk has looked at and kept. */
  blankReviewed: z.boolean(),
  batchId: z.string().nullable(),
  error: wireErrorBriefSchema.nullable(),
  createdAt: z.string(),
});
export type Page = z.infer<typeof pageSchema>;

/** A counter's remembered choice: which scanner, and how (duplex is the source 'adf-duplex'). */
export const scanProfileSchema = z
  .object({
    device: deviceUri,
    source: sourceKindSchema,
    dpi: z.number().int().min(75).max(1200),
    color: colorModeSchema,
  })
  .strict();
export type ScanProfile = z.infer<typeof scanProfileSchema>;

/** This counter's default profile and its per-procedure profiles, one per procedure code (a list, not a map: any code is data). */
export const scanProfilesSchema = z.object({
  default: scanProfileSchema.nullable(),
  procedures: z.array(scanProfileSchema.extend({ procedureCode: z.string() })),
});
export type ScanProfiles = z.infer<typeof scanProfilesSchema>;

export const scanJobSchema = z.object({
  jobId: z.string(),
  batchId: z.string(),
  dossierId: z.string().nullable(),
  itemCode: z.string(),
  device: z.string(),
  status: scanJobStatusSchema,
  received: z.number().int(),
  processed: z.number().int(),
  error: wireErrorBriefSchema.nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
});

export const scansContract = {
  devices: query({
    summary: 'Scanners found (SANE, eSCL by mDNS, WIA/TWAIN) and configured (eSCL URLs, the folder scanner when enabled)',
    access: COUNTER_ROLES,
    input: z.object({ refresh: z.boolean().default(false) }).strict().default({ refresh: false }),
    output: z.array(scanDeviceSchema),
  }),
  capabilities: query({
    summary: 'What a scanner offers: sources, resolutions, colour modes, page sizes',
    access: COUNTER_ROLES,
    input: z.object({ device: deviceUri }).strict(),
    output: scanCapabilitiesSchema,
  }),
  start: command({
    summary: 'Start scanning into a dossier item or the reception tray; pages arrive on scans.progress. batchId continues a stopped batch (after a jam) into the same place; insertAt puts the pages before that position',
    access: COUNTER_ROLES,
    input: z
      .object({
        device: deviceUri,
        target: scanTargetSchema,
        settings: scanSettingsSchema.default({ source: 'adf', color: 'gray' }),
        /** Split the batch on separator sheets (Patch-T, per-item sheets). */
        separators: z.boolean().default(true),
        continueBatchId: id.optional(),
        insertAt: z.number().int().min(1).optional(),
      })
      .strict(),
    output: scanJobSchema,
  }),
  cancel: command({
    summary: 'Stop a running scan job; pages already received are kept',
    access: COUNTER_ROLES,
    input: z.object({ jobId: id }).strict(),
    output: scanJobSchema,
  }),
  job: query({
    summary: 'A scan job as it stands',
    access: COUNTER_ROLES,
    input: z.object({ jobId: id }).strict(),
    output: scanJobSchema,
  }),
  profiles: query({
    summary: "This counter's scan profiles: the default device and settings, and one per procedure",
    access: COUNTER_ROLES,
    input: z.object({}).strict().default({}),
    output: scanProfilesSchema,
  }),
  saveProfile: command({
    summary: "Remember a scan profile for this counter: procedureCode null is the default; profile null forgets it",
    access: COUNTER_ROLES,
    input: z
      .object({
        procedureCode: z.string().trim().min(1).max(40).nullable(),
        profile: scanProfileSchema.nullable(),
      })
      .strict(),
    output: scanProfilesSchema,
  }),
  separatorSheet: query({
    summary: 'A printable PDF of separator sheets: Patch-T, or one sheet per checklist item of a procedure',
    access: COUNTER_ROLES,
    // agencyCode: only needed when several agencies of the catalogue use the same procedure code.
    input: z.object({ procedureCode: z.string().trim().min(1).max(60).optional(), agencyCode: z.string().trim().min(1).max(40).optional() }).strict().default({}),
    output: z.object({ fileName: z.string(), mediaType: z.literal('application/pdf'), dataBase64: z.string() }),
  }),
} as const;

const pageRef = z.object({ pageId: id }).strict();
const pagesOutput = z.array(pageSchema);

export const pagesContract = {
  list: query({
    summary: 'Pages of a dossier, or of the calling clerk\'s reception tray, ordered by item then position',
    access: COUNTER_ROLES,
    input: z.union([z.object({ dossierId: id }).strict(), z.object({ tray: z.literal(true) }).strict()]),
    output: pagesOutput,
  }),
  image: query({
    summary: 'A page image: the thumbnail, the processed image or the grayscale master, in chunks like documents.read',
    access: COUNTER_ROLES,
    input: z
      .object({
        pageId: id,
        variant: z.enum(['thumb', 'image', 'master']).default('thumb'),
        offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
      })
      .strict(),
    output: z.object({ pageId: z.string(), mediaType: z.string(), bytes: z.number().int(), offset: z.number().int(), dataBase64: z.string(), next: z.number().int() }),
  }),
  move: command({
    summary: 'Move a page to a checklist item and position (reorder within an item, or assign to another)',
    access: COUNTER_ROLES,
    input: z.object({ pageId: id, itemCode: z.string().trim().min(1).max(60), position: z.number().int().min(1) }).strict(),
    output: pagesOutput,
  }),
  rotate: command({
    summary: 'Turn a page by quarter turns (clockwise); the images are made again from the master',
    access: COUNTER_ROLES,
    input: z.object({ pageId: id, quarterTurns: z.number().int().min(-3).max(3) }).strict(),
    output: pageSchema,
  }),
  remove: command({
    summary: 'Take a page out of its document (kept in the dossier\'s removed pages and the audit log, never erased)',
    access: COUNTER_ROLES,
    input: pageRef,
    output: pagesOutput,
  }),
  keepBlank: command({
    summary: 'The clerk looked at a page flagged blank and keeps it',
    access: COUNTER_ROLES,
    input: pageRef,
    output: pageSchema,
  }),
} as const;

/** Chunk size of pages.image answers (the same as documents.read). */
export const PAGE_IMAGE_CHUNK_BYTES = UPLOAD_CHUNK_BYTES;
