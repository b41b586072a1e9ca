/**
 * The queue of a centre (issue #18): service groups and counters, tickets issued at a kiosk, called by clerks, shown
 * on display boards. One queue for every counter of the centre: held by one host (SQLite by default, PostgreSQL with
 * MOTCUA_QUEUE_DATABASE_URL) that the other counters, kiosks and boards reach over the LAN.
 * Vocabulary (NovoSGA's): a ticket is waiting → called (a counter called it; may be recalled) → serving (started) →
 * done, or no_show; a transfer puts it back to waiting for another service or counter, keeping its number and place.
 */
import { z } from 'zod';
import { ROLES, command, query } from './method';

const COUNTER_ROLES = [...ROLES];
const MANAGERS = ['admin', 'supervisor'] as const;

export const priorityReasonSchema = z.enum(['elderly', 'disabled', 'pregnant', 'small_child', 'veteran']);
export type PriorityReason = z.infer<typeof priorityReasonSchema>;

export const ticketStateSchema = z.enum(['waiting', 'called', 'serving', 'done', 'no_show']);
export type TicketState = z.infer<typeof ticketStateSchema>;

/** Service group code: upper-case letters, digits, - and _. */
export const serviceCodeSchema = z.string().trim().regex(/^[A-Z0-9_-]{1,20}$/);
export const counterNumberSchema = z.number().int().min(1).max(999);
/** "YYYY-MM-DD", the queue day in Vietnam time. */
export const queueDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * When tickets are issued: the working windows of the calendar (the group's agency's, holidays closed), the group's own
 * windows (weekday "0".."6" → [["07:30","11:30"], …]; holidays closed unless said), or always.
 */
export const openingHoursSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('calendar') }).strict(),
  z.object({ mode: z.literal('always') }).strict(),
  z
    .object({
      mode: z.literal('windows'),
      windows: z.record(z.string().regex(/^[0-6]$/), z.array(z.tuple([z.string(), z.string()])).max(6)),
      openOnHolidays: z.boolean().default(false),
    })
    .strict(),
]);
export type OpeningHours = z.output<typeof openingHoursSchema>;

export const serviceGroupSchema = z
  .object({
    code: serviceCodeSchema,
    name: z.string().trim().min(1).max(120),
    /** Letters before the number ("A" → A001); empty: numbers only (start them at startNumber, e.g. 1001). */
    prefix: z.string().trim().regex(/^[A-Z]{0,2}$/).default(''),
    startNumber: z.number().int().min(1).max(9000).default(1),
    /** What the group serves: an agency, procedure fields, or procedures of the catalogue (empty lists: anything). */
    agencyCode: z.string().trim().min(1).max(50).nullable().default(null),
    fieldCodes: z.array(z.string().trim().min(1).max(50)).max(100).default([]),
    procedureCodes: z.array(z.string().trim().min(1).max(80)).max(500).default([]),
    /** submit: hand in a dossier; collect: receive a result (the kiosk offers it to those with a receipt QR). */
    purpose: z.enum(['submit', 'collect']).default('submit'),
    hours: openingHoursSchema.default({ mode: 'calendar' }),
    /** Tickets per day at most; null: no cap. */
    dailyCap: z.number().int().min(1).max(9999).nullable().default(null),
    active: z.boolean().default(true),
    sort: z.number().int().min(0).max(1000).default(0),
  })
  .strict();
export type ServiceGroup = z.output<typeof serviceGroupSchema>;

export const counterConfigSchema = z
  .object({
    number: counterNumberSchema,
    name: z.string().trim().min(1).max(80).nullable().default(null),
    /** The groups it calls from; empty: none (a call is refused until groups are chosen). */
    groups: z.array(serviceCodeSchema).max(100),
    active: z.boolean().default(true),
  })
  .strict();
export type CounterConfig = z.output<typeof counterConfigSchema>;

export const queueRulesSchema = z
  .object({
    /** Anti-starvation: after this many priority calls in a row at a counter, its next call is an ordinary ticket when one waits. */
    ordinaryAfterPriority: z.number().int().min(1).max(50).default(3),
  })
  .strict();
export type QueueRules = z.output<typeof queueRulesSchema>;

export const queueConfigSchema = z.object({
  groups: z.array(serviceGroupSchema),
  counters: z.array(counterConfigSchema),
  rules: queueRulesSchema,
  /** False until a counter is configured: then any counter number serves every group. */
  countersConfigured: z.boolean(),
  /** Where the queue is held. */
  store: z.enum(['sqlite', 'postgres']),
});
export type QueueConfig = z.infer<typeof queueConfigSchema>;

export const ticketSchema = z.object({
  id: z.string(),
  /** As printed and announced: prefix + number, e.g. "A023" or "1023". */
  number: z.string(),
  service: z.string(),
  serviceName: z.string(),
  day: queueDaySchema,
  priority: priorityReasonSchema.nullable(),
  state: ticketStateSchema,
  purpose: z.enum(['submit', 'collect']),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** The counter that called it (last one). */
  counter: z.number().int().nullable(),
  /** Transferred to this counter: only it may call the ticket. */
  targetCounter: z.number().int().nullable(),
  /** Times called (1 + recalls), over all counters. */
  calls: z.number().int(),
  transfers: z.number().int(),
  /** From the CCCD QR scanned at the kiosk (shown to clerks only, never on a board). */
  applicant: z.object({ idNumber: z.string(), fullName: z.string() }).nullable(),
  /** From a receipt QR: the dossier whose result the citizen collects. */
  receiptCode: z.string().nullable(),
  /** The dossier the ticket became at reception. */
  dossierId: z.string().nullable(),
  /** For the phone: queue.track with it (printed as a QR). */
  trackingId: z.string(),
});
export type Ticket = z.infer<typeof ticketSchema>;

export const noTicketSchema = z.object({ number: z.null() });

export const serviceStatusSchema = z.object({
  code: z.string(),
  name: z.string(),
  prefix: z.string(),
  purpose: z.enum(['submit', 'collect']),
  waiting: z.number().int(),
  /** Tickets can be issued now (inside opening hours, under the cap, active). */
  open: z.boolean(),
  /** Why not, when closed: QUEUE_CLOSED, QUEUE_DAILY_CAP_REACHED, QUEUE_SERVICE_INACTIVE. */
  closedReason: z.string().nullable(),
  estimatedWaitMinutes: z.number().int().nullable(),
});

export const counterStatusSchema = z.object({
  number: z.number().int(),
  name: z.string().nullable(),
  groups: z.array(z.string()),
  active: z.boolean(),
  /** The ticket called or being served there now. */
  current: z.object({ ticketId: z.string(), number: z.string(), state: ticketStateSchema, service: z.string() }).nullable(),
});

export const queueStatusSchema = z.object({
  day: queueDaySchema,
  services: z.array(serviceStatusSchema),
  counters: z.array(counterStatusSchema),
});
export type QueueStatus = z.infer<typeof queueStatusSchema>;

/** A call as the board shows and announces it: never a name or an ID number. */
export const boardCallSchema = z.object({
  /** Increases with every call and recall of the day (a board that missed some asks queue.board). */
  seq: z.number().int(),
  ticketNumber: z.string(),
  counter: z.number().int(),
  counterName: z.string().nullable(),
  service: z.string(),
  at: z.string(),
  recall: z.boolean(),
  /** The voice clips to play in order (names of files in resources/voice/vi without extension). */
  clips: z.array(z.string()),
});
export type BoardCall = z.infer<typeof boardCallSchema>;

export const boardStateSchema = z.object({
  day: queueDaySchema,
  lastSeq: z.number().int(),
  /** Per counter, what it called last (null: nothing yet today). */
  counters: z.array(z.object({ counter: z.number().int(), counterName: z.string().nullable(), ticketNumber: z.string().nullable(), at: z.string().nullable() })),
  /** The latest calls, newest first. */
  lastCalls: z.array(boardCallSchema),
  services: z.array(z.object({ code: z.string(), name: z.string(), waiting: z.number().int() })),
});
export type BoardState = z.infer<typeof boardStateSchema>;

const metricsRowSchema = z.object({
  issued: z.number().int(),
  called: z.number().int(),
  served: z.number().int(),
  noShow: z.number().int(),
  transferred: z.number().int(),
  /** Means in seconds over the tickets that have the two times; null when none. */
  meanWaitSeconds: z.number().nullable(),
  meanWalkSeconds: z.number().nullable(),
  meanServiceSeconds: z.number().nullable(),
  maxWaitSeconds: z.number().nullable(),
});
export const queueMetricsSchema = z.object({
  from: queueDaySchema,
  to: queueDaySchema,
  total: metricsRowSchema,
  perCounter: z.array(metricsRowSchema.extend({ counter: z.number().int() })),
  perService: z.array(metricsRowSchema.extend({ service: z.string() })),
  /** Per hour of the day in Vietnam time ("08" …), over the whole period, by the hour tickets were issued. */
  perHour: z.array(metricsRowSchema.extend({ hour: z.string() })),
});
export type QueueMetrics = z.infer<typeof queueMetricsSchema>;

const ticketRef = z.object({ ticketId: z.string().min(1).max(100) }).strict();
/** Sent again after a reconnect, the same requestId returns the first answer instead of calling another ticket. */
const requestId = z.string().uuid().optional();

export const queueContract = {
  status: query({
    summary: 'Services with people waiting, whether they are open and the estimated wait; counters with what they serve now',
    access: [...COUNTER_ROLES, 'kiosk', 'board'],
    input: z.object({}).strict(),
    output: queueStatusSchema,
  }),
  config: query({
    summary: 'Service groups, counters and the calling rules',
    access: COUNTER_ROLES,
    input: z.object({}).strict(),
    output: queueConfigSchema,
  }),
  saveGroup: command({
    summary: 'Adds or changes a service group (by code)',
    access: MANAGERS,
    input: serviceGroupSchema,
    output: queueConfigSchema,
  }),
  saveCounter: command({
    summary: 'Adds or changes a counter and the groups it serves',
    access: MANAGERS,
    input: counterConfigSchema,
    output: queueConfigSchema,
  }),
  saveRules: command({
    summary: 'Sets the calling rules (ordinary tickets after N priority calls)',
    access: MANAGERS,
    input: queueRulesSchema,
    output: queueConfigSchema,
  }),
  issue: command({
    summary: 'Issues a ticket for a service (kiosk or clerk) and prints it on the kiosk\'s or counter\'s ticket printer',
    access: [...COUNTER_ROLES, 'kiosk'],
    input: z
      .object({
        service: serviceCodeSchema,
        priority: priorityReasonSchema.optional(),
        /** The text of a CCCD QR scanned at the kiosk. */
        cccdQr: z.string().min(1).max(1000).optional(),
        /** A receipt QR or dossier code: the citizen comes to collect a result. */
        receiptQr: z.string().trim().min(1).max(300).optional(),
        /** Print the ticket (default true); false: the caller shows or prints it itself. */
        print: z.boolean().default(true),
        requestId,
      })
      .strict(),
    output: ticketSchema.extend({
      ahead: z.number().int(),
      estimatedWaitMinutes: z.number().int().nullable(),
      /** The print job of the ticket, or why it could not be queued (the ticket stands either way). */
      printJobId: z.string().nullable(),
      printError: z.object({ code: z.string(), message: z.string() }).nullable(),
    }),
  }),
  callNext: command({
    summary: "Calls the next ticket for a counter: priority first (with the anti-starvation rule), then first come first served in its groups",
    access: COUNTER_ROLES,
    input: z.object({ counter: counterNumberSchema, requestId }).strict(),
    output: z.union([ticketSchema, noTicketSchema]),
  }),
  callNumber: command({
    summary: 'Calls a specific waiting ticket by its number (today), for a counter',
    access: COUNTER_ROLES,
    input: z.object({ counter: counterNumberSchema, number: z.string().trim().min(1).max(12), requestId }).strict(),
    output: ticketSchema,
  }),
  recall: command({
    summary: 'Announces the called ticket again',
    access: COUNTER_ROLES,
    input: ticketRef.extend({ counter: counterNumberSchema }).strict(),
    output: ticketSchema,
  }),
  noShow: command({
    summary: 'The citizen did not come: the ticket ends as no_show',
    access: COUNTER_ROLES,
    input: ticketRef,
    output: ticketSchema,
  }),
  transfer: command({
    summary: 'Puts the ticket back to waiting for another service or counter, keeping its number and place',
    access: COUNTER_ROLES,
    input: ticketRef
      .extend({ toService: serviceCodeSchema.optional(), toCounter: counterNumberSchema.optional() })
      .strict()
      .refine((v) => v.toService !== undefined || v.toCounter !== undefined, { message: 'give toService or toCounter', path: ['toService'] }),
    output: ticketSchema,
  }),
  start: command({
    summary: 'The citizen arrived at the counter: service starts',
    access: COUNTER_ROLES,
    input: ticketRef,
    output: ticketSchema,
  }),
  finish: command({
    summary: 'Service ended; the dossier the ticket became, when there is one',
    access: COUNTER_ROLES,
    input: ticketRef.extend({ dossierId: z.string().uuid().optional() }).strict(),
    output: ticketSchema,
  }),
  current: query({
    summary: 'The ticket called or being served at a counter now (null: none)',
    access: COUNTER_ROLES,
    input: z.object({ counter: counterNumberSchema }).strict(),
    output: ticketSchema.nullable(),
  }),
  tickets: query({
    summary: "Today's tickets (or a day's), by state",
    access: COUNTER_ROLES,
    input: z.object({ day: queueDaySchema.optional(), states: z.array(ticketStateSchema).max(5).optional(), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: z.array(ticketSchema),
  }),
  board: query({
    summary: 'What a display board shows: per counter the last number called, the latest calls, waiting counts',
    access: [...COUNTER_ROLES, 'board'],
    input: z.object({ lastCalls: z.number().int().min(1).max(50).default(8) }).strict(),
    output: boardStateSchema,
  }),
  track: query({
    summary: 'A citizen follows a ticket from the QR on it: state, people ahead, estimated wait, the counter calling',
    access: 'public',
    input: z.object({ trackingId: z.string().trim().min(10).max(100) }).strict(),
    output: z.object({
      number: z.string(),
      serviceName: z.string(),
      state: ticketStateSchema,
      ahead: z.number().int(),
      estimatedWaitMinutes: z.number().int().nullable(),
      counter: z.number().int().nullable(),
    }),
  }),
  metrics: query({
    summary: 'Per-ticket times (waiting, walking, service) summed up per counter, per service and per hour',
    access: MANAGERS,
    input: z.object({ from: queueDaySchema, to: queueDaySchema }).strict(),
    output: queueMetricsSchema,
  }),
};
