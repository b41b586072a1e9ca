/**
 * Printing (issue #16): receipts, tickets and A4 forms go to the counter's printers through one durable queue.
 * A job is stored before a byte is sent; a printer that is offline, out of paper or has its cover open keeps the
 * job waiting with the reason; a job whose bytes may have reached the printer is never resent without the printer's
 * confirmation or the clerk's answer ('uncertain'). Reprints are new jobs marked as such on the paper, same number.
 * The queue's state goes out on the push channel as `printing.jobChanged`.
 */
import { z } from 'zod';
import { ROLES, command, query } from './method';
import { wireErrorBriefSchema } from './events';
import { FORM_NAMES } from './forms';

const COUNTER_ROLES = [...ROLES];

/**
 * Printer URIs: escpos+tcp://host:9100, escpos+usb://VID:PID (hex), escpos+serial:///dev/ttyUSB0?baud=19200 (or
 * escpos+serial://COM3?baud=19200), escpos+spooler://<Windows printer name> (RAW), system:<printer name>, pdf:<dir>.
 * Parsed in native/printers/printer-uri.ts; a bad one is PRINT_BAD_URI.
 */
export const printerUriSchema = z.string().trim().min(1).max(500);

/** What a counter prints, and on which printer by default. */
export const printRoleSchema = z.enum(['receipt', 'ticket', 'a4']);
export type PrintRole = z.infer<typeof printRoleSchema>;

/** How a thermal printer is driven: what it does natively, the rest is raster. */
export const printerProfileSchema = z
  .object({
    /** 58 mm paper: 384 dots per line; 80 mm: 576 (203 dpi). */
    paperWidthMm: z.union([z.literal(58), z.literal(80)]).default(80),
    /** Ticket numbers as the printer's own large text (ASCII digits and letters only). */
    nativeText: z.boolean().default(true),
    /** QR codes as GS ( k (model 2); raster otherwise. */
    nativeQr: z.boolean().default(true),
    /** Epson GS ( H process-ID reply after the job: a real "it has printed". Clones often lack it. */
    processIdReply: z.boolean().default(false),
    /** DLE EOT status before and after a job (needs a two-way link: TCP, serial, raw USB). */
    statusQuery: z.boolean().default(true),
    /** ESC t n for the ASCII text the printer draws itself; null: leave the printer's default. */
    codePage: z.number().int().min(0).max(255).nullable().default(null),
    cut: z.enum(['full', 'partial', 'none']).default('partial'),
    /** ESC p: open the cash drawer after a receipt (fee receipts). */
    drawerKick: z.boolean().default(false),
  })
  .strict();
export type PrinterProfile = z.output<typeof printerProfileSchema>;

export const counterPrinterSchema = z.object({ uri: printerUriSchema, profile: printerProfileSchema.optional() }).strict();
export type CounterPrinter = z.output<typeof counterPrinterSchema>;

/** The counter's printers per role; null: none set (receipts then open as PDF, as before). */
export const printingSettingsSchema = z
  .object({
    receipt: counterPrinterSchema.nullable(),
    ticket: counterPrinterSchema.nullable(),
    a4: counterPrinterSchema.nullable(),
    /** Copies of a receipt (the citizen's, and one the counter keeps). */
    receiptCopies: z.number().int().min(1).max(3).default(1),
  })
  .strict();
export type PrintingSettings = z.output<typeof printingSettingsSchema>;

/**
 * queued: waiting to be sent (printer unavailable: error says why; nextTryAt when it is tried again);
 * sending: a process is sending it now; printed: the printer accepted (and, where it can, confirmed) it;
 * uncertain: bytes may have reached the printer and it could not confirm: the clerk says whether it printed;
 * cancelled: the clerk dropped it; failed: it cannot be printed (bad document, printer removed).
 */
export const printJobStateSchema = z.enum(['queued', 'sending', 'printed', 'uncertain', 'cancelled', 'failed']);
export type PrintJobState = z.infer<typeof printJobStateSchema>;

export const ticketInputSchema = z
  .object({
    /** As the queue issues it, e.g. "A023" or "1023": printed large; letters and digits only. */
    number: z.string().trim().min(1).max(12).regex(/^[A-Za-z0-9-]+$/),
    service: z.string().trim().min(1).max(200).optional(),
    /** People ahead and the estimated wait, when the queue knows them. */
    ahead: z.number().int().min(0).max(100_000).optional(),
    waitMinutes: z.number().int().min(0).max(10_000).optional(),
    /** A QR payload (ASCII: a URL or the ticket id) to follow the queue on a phone. */
    qr: z.string().trim().min(1).max(300).regex(/^[\x20-\x7e]+$/).optional(),
  })
  .strict();
export type TicketInput = z.output<typeof ticketInputSchema>;

/** What to print: one of a ticket, a dossier's form, a PDF (A4 printers), a printer's test page. */
export const printWhatSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ticket'), ticket: ticketInputSchema }).strict(),
  z
    .object({
      kind: z.literal('form'),
      form: z.enum(FORM_NAMES),
      dossierId: z.string().uuid().optional(),
      dossierCode: z.string().trim().min(1).max(80).optional(),
      /** Default: the printer's own (a thermal printer its roll width, others A4). */
      layout: z.enum(['a4', '80mm']).optional(),
    })
    .strict()
    .refine((v) => (v.dossierId === undefined) !== (v.dossierCode === undefined), { message: 'give dossierId or dossierCode', path: ['dossierId'] }),
  z
    .object({
      kind: z.literal('pdf'),
      title: z.string().trim().min(1).max(200),
      /** The PDF, base64 (at most MAX_PRINT_PDF_BYTES once decoded). */
      contentBase64: z.string().max(Math.ceil((40 * 1024 * 1024 * 4) / 3) + 4),
    })
    .strict(),
  z.object({ kind: z.literal('test') }).strict(),
]);
export type PrintWhat = z.output<typeof printWhatSchema>;

export const MAX_PRINT_PDF_BYTES = 40 * 1024 * 1024;

export const printJobSchema = z.object({
  id: z.string(),
  /** A short number the clerk can say ("lệnh in số 42"). */
  seq: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  kind: z.enum(['ticket', 'form', 'pdf', 'test']),
  /** Vietnamese, for lists: "Giấy tiếp nhận — 000.00.01.H01-261206-0001", "Phiếu số 1023". */
  title: z.string(),
  form: z.string().nullable(),
  dossierId: z.string().nullable(),
  dossierCode: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  printerUri: z.string(),
  state: printJobStateSchema,
  /** A reprint (marked "BẢN IN LẠI" on the paper) and the job it reprints. */
  reprint: z.boolean(),
  reprintOf: z.string().nullable(),
  attempts: z.number().int(),
  /** Bytes (ESC/POS) or PDF size of what is sent. */
  bytes: z.number().int(),
  /** Why it waits, failed or is uncertain. */
  error: wireErrorBriefSchema.nullable(),
  nextTryAt: z.string().nullable(),
  printedAt: z.string().nullable(),
});
export type PrintJob = z.infer<typeof printJobSchema>;

export const printQueueCountsSchema = z.object({
  queued: z.number().int(),
  sending: z.number().int(),
  uncertain: z.number().int(),
});
export type PrintQueueCounts = z.infer<typeof printQueueCountsSchema>;

export const discoveredPrinterSchema = z.object({
  uri: z.string(),
  /** What the OS or the network calls it. */
  name: z.string(),
  transport: z.enum(['tcp', 'usb', 'serial', 'spooler', 'system', 'pdf']),
  detail: z.string().nullable(),
});
export type DiscoveredPrinter = z.infer<typeof discoveredPrinterSchema>;

const jobRef = z.object({ jobId: z.string().trim().min(1).max(100) }).strict();

export const printingContract = {
  settings: query({
    summary: "The counter's printers per role (receipt, ticket, A4) with their profiles",
    access: 'session',
    input: z.object({}).strict(),
    output: printingSettingsSchema,
  }),
  configure: command({
    summary: "Sets the counter's printers per role; each URI is checked (not contacted)",
    access: ['admin', 'supervisor'],
    input: printingSettingsSchema,
    output: printingSettingsSchema,
  }),
  discover: query({
    summary: 'Printers the OS and the network can list: CUPS queues, USB and serial ports, ESC/POS on the LAN (mDNS)',
    access: COUNTER_ROLES,
    input: z.object({ timeoutMs: z.number().int().min(100).max(10_000).default(2_000) }).strict(),
    output: z.array(discoveredPrinterSchema),
  }),
  print: command({
    summary: 'Stores a print job and sends it: to the printer given, or to the counter\'s printer for its role',
    access: COUNTER_ROLES,
    input: z
      .object({
        what: printWhatSchema,
        /** A printer URI; default: the counter's printer for the role (ticket → ticket, form/test → receipt or a4). */
        printer: printerUriSchema.optional(),
        profile: printerProfileSchema.optional(),
        /** Copies; absent: the counter's receipt copies for a receipt, else 1. */
        copies: z.number().int().min(1).max(5).optional(),
        /** Answer after the first try (the CLI), else at once with the job queued (the UI follows the events). */
        wait: z.boolean().default(false),
      })
      .strict(),
    output: printJobSchema,
  }),
  jobs: query({
    summary: 'Print jobs, newest first: those waiting (queued, sending, uncertain) or all of a dossier',
    access: COUNTER_ROLES,
    input: z
      .object({
        states: z.array(printJobStateSchema).max(6).optional(),
        dossierId: z.string().uuid().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ jobs: z.array(printJobSchema), counts: printQueueCountsSchema }),
  }),
  reprint: command({
    summary: 'Prints a past job again, marked as a reprint on the paper, with the same number',
    access: COUNTER_ROLES,
    input: jobRef.extend({ printer: printerUriSchema.optional() }).strict(),
    output: printJobSchema,
  }),
  resolve: command({
    summary: "The clerk's answer for an uncertain job: it did print (done), or it did not (send it again)",
    access: COUNTER_ROLES,
    input: jobRef.extend({ outcome: z.enum(['printed', 'not_printed']) }).strict(),
    output: printJobSchema,
  }),
  retry: command({
    summary: 'Tries a queued job now instead of at its next try',
    access: COUNTER_ROLES,
    input: jobRef,
    output: printJobSchema,
  }),
  cancel: command({
    summary: 'Drops a job that has not printed (queued or uncertain)',
    access: COUNTER_ROLES,
    input: jobRef,
    output: printJobSchema,
  }),
  preview: query({
    summary: 'What a job puts on the paper, as the printer gets it: the thermal raster as PNG, or the PDF for A4',
    access: COUNTER_ROLES,
    input: z
      .object({
        jobId: z.string().trim().min(1).max(100).optional(),
        what: printWhatSchema.optional(),
        printer: printerUriSchema.optional(),
        profile: printerProfileSchema.optional(),
      })
      .strict()
      .refine((v) => (v.jobId === undefined) !== (v.what === undefined), { message: 'give jobId or what', path: ['jobId'] }),
    output: z.object({ mimeType: z.enum(['image/png', 'application/pdf']), contentBase64: z.string(), width: z.number().int().nullable(), height: z.number().int().nullable() }),
  }),
} as const;
