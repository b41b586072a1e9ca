/**
 * The push channel: typed events the core sends to subscribed clients, one zod schema each, with the same access
 * rules as methods. A client subscribes by name (`events.subscribe`); every adapter delivers them its own way:
 * WebSocket messages `{ "event": name, "data": … }` in web mode, IPC events in Electron, JSON lines with `--follow`
 * on the CLI. Scanning uses it first; OCR and sync progress, printing, the queue's board and the dashboard follow.
 */
import { z } from 'zod';
import type { Access } from './method';
import { DEVICE_KINDS, ROLES, command } from './method';
import { boardCallSchema, queueDaySchema } from './queue';

export interface EventDef<S extends z.ZodType = z.ZodType> {
  readonly schema: S;
  readonly access: Access;
  readonly summary: string;
}

function event<S extends z.ZodType>(d: EventDef<S>): EventDef<S> {
  return d;
}

export const scanJobStatusSchema = z.enum(['scanning', 'completed', 'jammed', 'empty', 'cover_open', 'busy', 'gone', 'failed', 'cancelled']);
export type ScanJobStatus = z.infer<typeof scanJobStatusSchema>;

export const wireErrorBriefSchema = z.object({ code: z.string(), message: z.string() });

export const eventsContract = {
  'scans.progress': event({
    summary: 'A scan job moved: a page arrived or was processed, or the job ended (with the reason)',
    access: [...ROLES],
    schema: z.object({
      jobId: z.string(),
      batchId: z.string(),
      /** Null while scanning into the clerk's tray at reception, before the dossier exists. */
      dossierId: z.string().nullable(),
      status: scanJobStatusSchema,
      /** Pages received from the device in this job (durable), and those the pipeline has finished. */
      received: z.number().int(),
      processed: z.number().int(),
      /** The page this event is about, when it is about one. */
      pageId: z.string().nullable(),
      error: wireErrorBriefSchema.nullable(),
    }),
  }),
  'pages.changed': event({
    summary: 'The pages of a dossier (or of a clerk\'s reception tray) changed: added, processed, moved, rotated, deleted',
    access: [...ROLES],
    schema: z.object({
      dossierId: z.string().nullable(),
      /** The tray's owner (user id) when dossierId is null. */
      trayOwner: z.string().nullable(),
    }),
  }),
  'ocr.progress': event({
    summary: 'The OCR queue moved: a page was read (or failed), pages were queued; counts, rate and time left',
    access: [...ROLES],
    schema: z.object({
      waiting: z.number().int(),
      running: z.number().int(),
      failed: z.number().int(),
      flagged: z.number().int(),
      pagesPerMinute: z.number(),
      etaSeconds: z.number().nullable(),
      /** The page this event is about, when it is about one, with its dossier (null: tray) and new OCR state. */
      pageId: z.string().nullable(),
      dossierId: z.string().nullable(),
      state: z.enum(['none', 'waiting', 'running', 'done', 'failed']).nullable(),
    }),
  }),
  'documents.pdfChanged': event({
    summary: "A checklist document's searchable PDF was rebuilt, went stale or failed",
    access: [...ROLES],
    schema: z.object({ dossierId: z.string(), itemCode: z.string(), state: z.enum(['stale', 'ready', 'failed']) }),
  }),
  'printing.jobChanged': event({
    summary: 'A print job was queued, sent, printed, became uncertain (the clerk is asked), was cancelled or failed',
    access: [...ROLES],
    schema: z.object({
      jobId: z.string(),
      state: z.enum(['queued', 'sending', 'printed', 'uncertain', 'cancelled', 'failed']),
      title: z.string(),
      printerUri: z.string(),
      dossierId: z.string().nullable(),
      /** Why it waits or is uncertain. */
      error: wireErrorBriefSchema.nullable(),
      /** The queue after this change. */
      counts: z.object({ queued: z.number().int(), sending: z.number().int(), uncertain: z.number().int() }),
    }),
  }),
  'sync.changed': event({
    summary: 'Sync moved: an event was sent or rejected, the central went offline or came back, changes were applied',
    access: [...ROLES],
    schema: z.object({
      activity: z.enum(['idle', 'sending', 'waiting', 'offline', 'not_enrolled']),
      pendingDossiers: z.number().int(),
      pendingBytes: z.number().int(),
      rejected: z.number().int(),
      lastSuccessAt: z.string().nullable(),
      /** The newest error, when this change is one. */
      error: wireErrorBriefSchema.nullable(),
      /** Set when pulled changes were applied (the dossier screens and catalogue re-read). */
      changesApplied: z.number().int(),
    }),
  }),
  'queue.changed': event({
    summary: 'The queue moved: a ticket was issued, called, transferred or ended; waiting counts per service (coalesced)',
    access: [...ROLES, 'kiosk', 'board'],
    schema: z.object({
      day: queueDaySchema,
      services: z.array(z.object({ code: z.string(), waiting: z.number().int(), estimatedWaitMinutes: z.number().int().nullable() })),
    }),
  }),
  'reports.changed': event({
    summary: 'Figures behind the supervisor dashboard moved (dossiers, pages, OCR, queue or sync); re-read reports.dashboard (coalesced, at most every 2 s)',
    access: ['admin', 'supervisor'],
    schema: z.object({ at: z.string(), sources: z.array(z.enum(['dossiers', 'pages', 'ocr', 'queue', 'sync'])) }),
  }),
  'queue.called': event({
    summary: 'A counter called (or recalled) a ticket: what the boards show and announce (never a name or ID number)',
    access: [...ROLES, 'board'],
    schema: boardCallSchema,
  }),
} as const;

export type EventMap = typeof eventsContract;
export type EventName = keyof EventMap & string;
export type EventData<E extends EventName> = z.output<EventMap[E]['schema']>;

export const eventDefs: ReadonlyMap<string, EventDef> = new Map(Object.entries(eventsContract));

/** A message a client receives on the push channel. */
export interface EventMessage<E extends EventName = EventName> {
  event: E;
  data: EventData<E>;
}

/**
 * Not an event one subscribes to: the notice that events may have been missed, so a screen re-reads what it shows.
 * Web mode sends it to a client whose events were dropped because it fell behind (once it has caught up); the
 * renderer's bridges raise it themselves after a reconnect. Screens listen with subscribe('events.lost', …).
 */
export const EVENTS_LOST = 'events.lost';
export interface EventsLostData {
  reason: 'backpressure' | 'reconnect';
}
export interface EventsLostMessage {
  event: typeof EVENTS_LOST;
  data: EventsLostData;
}
/** Everything the push channel can carry to a client. */
export type PushMessage = EventMessage | EventsLostMessage;
export type PushName = EventName | typeof EVENTS_LOST;
export type PushData<N extends PushName> = N extends EventName ? EventData<N> : EventsLostData;

const eventNameSchema = z.string().trim().min(1).max(100);

/** The methods of the channel itself: a connection chooses which events it receives. */
export const eventsMethodsContract = {
  subscribe: command({
    summary: 'Receive these events on this connection (those the caller may see; unknown names are an input error)',
    // Users and paired kiosks/boards (issue #18): the hub lets a device have only the events that name its kind.
    access: [...ROLES, ...DEVICE_KINDS],
    input: z.object({ names: z.array(eventNameSchema).min(1).max(50) }).strict(),
    output: z.object({ subscribed: z.array(z.string()) }),
  }),
  unsubscribe: command({
    summary: 'Stop receiving these events on this connection (all when names is omitted)',
    access: [...ROLES, ...DEVICE_KINDS],
    input: z.object({ names: z.array(eventNameSchema).max(50).optional() }).strict().default({}),
    output: z.object({ subscribed: z.array(z.string()) }),
  }),
} as const;
