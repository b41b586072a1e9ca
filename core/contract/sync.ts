/**
 * Sync with the central one-stop system (issue #17). Every change a dossier goes through (receipt, transition, fee,
 * file added) is written to an outbox in the same transaction (SQLite triggers, migration 011); a worker sends each
 * dossier's events in order, exactly once (idempotency keys), uploads files resumably (verified by SHA-256), pulls
 * changes since a cursor (result ready, supplement requested, catalogue, calendar) and anchors the audit chain.
 * The wire protocol to the central server is core/contract/central-api.ts; its document is central/openapi.yaml.
 */
import { z } from 'zod';
import { ROLES, command, query } from './method';
import { wireErrorBriefSchema } from './events';

const COUNTER_ROLES = [...ROLES];
const SUPERVISORS = ['supervisor', 'admin'] as const;

/** http(s) URL of the central server's API root, e.g. https://motcua.tinh.gov.vn/central or http://10.0.0.5:8080. */
export const centralUrlSchema = z.string().trim().min(1).max(500);

/**
 * An outbox item: one event of one dossier.
 * pending: waiting to be sent (nextAttemptAt: when it is tried again; error: why the last try failed);
 * sent: the central server acknowledged it; rejected: the server refused it (4xx) with its reason — kept for the
 * clerk, never retried by itself, and it does not hold up other dossiers (a supervisor may retry it after a fix).
 */
export const outboxStateSchema = z.enum(['pending', 'sent', 'rejected']);
export type OutboxState = z.infer<typeof outboxStateSchema>;

/** What happened to the dossier. The payload is frozen at the first attempt, so every retry sends the same bytes. */
export const outboxKindSchema = z.enum(['transition', 'fee', 'file']);
export type OutboxKind = z.infer<typeof outboxKindSchema>;

export const outboxItemSchema = z.object({
  id: z.number().int(),
  dossierId: z.string(),
  dossierCode: z.string().nullable(),
  /** 1, 2, 3 … per dossier: the order the central server applies them in. */
  seq: z.number().int(),
  kind: outboxKindSchema,
  state: outboxStateSchema,
  createdAt: z.string(),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  /** Bytes of the file still to upload with this event (0 for others). */
  bytes: z.number().int(),
  error: wireErrorBriefSchema.nullable(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

export const syncErrorSchema = z.object({
  dossierId: z.string().nullable(),
  dossierCode: z.string().nullable(),
  /** The outbox item, when the error belongs to one. */
  itemId: z.number().int().nullable(),
  /** 'rejected': the server refused it (4xx, not retried); 'retrying': network, 5xx or a bad reply (retried). */
  kind: z.enum(['rejected', 'retrying']),
  at: z.string(),
  code: z.string(),
  message: z.string(),
});
export type SyncError = z.infer<typeof syncErrorSchema>;

export const syncStatusSchema = z.object({
  enrolled: z.boolean(),
  /** The central server's URL this counter is enrolled with. */
  central: z.string().nullable(),
  counterId: z.string().nullable(),
  /** Dossiers with at least one pending event. */
  pendingDossiers: z.number().int(),
  pendingEvents: z.number().int(),
  /** File bytes still to upload for pending events. */
  pendingBytes: z.number().int(),
  rejected: z.number().int(),
  /** The oldest pending event's time: how far behind the central server is. */
  oldestPendingAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  /** What the worker is doing: idle (nothing pending), sending, waiting (backoff), offline (central unreachable). */
  activity: z.enum(['idle', 'sending', 'waiting', 'offline', 'not_enrolled']),
  /** Newest first, at most 20. */
  errors: z.array(syncErrorSchema),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** A change pulled from the central server and what applying it did here (a visible diff for catalogue/calendar). */
export const appliedChangeSchema = z.object({
  cursor: z.string(),
  kind: z.enum(['result_ready', 'supplement_requested', 'catalogue', 'calendar']),
  at: z.string(),
  appliedAt: z.string(),
  dossierId: z.string().nullable(),
  dossierCode: z.string().nullable(),
  /** applied; skipped (already so, or the dossier is not at this counter); failed (reason in error). */
  outcome: z.enum(['applied', 'skipped', 'failed']),
  /** Vietnamese lines: "Thêm thủ tục 1.001234 …", "Ngày nghỉ 2027-02-05 → làm việc", "Hồ sơ … → Có kết quả". */
  diff: z.array(z.string()),
  error: wireErrorBriefSchema.nullable(),
});
export type AppliedChange = z.infer<typeof appliedChangeSchema>;

export const syncContract = {
  status: query({
    summary: 'Sync at a glance: dossiers and bytes waiting, last success, errors with reasons',
    access: COUNTER_ROLES,
    input: z.object({}).strict(),
    output: syncStatusSchema,
  }),
  enrol: command({
    summary: 'Enrols this counter with a central server using a one-time token; keeps the device credentials owner-only',
    access: ['admin'],
    /** force: enrol as another counter id on purpose (otherwise refused: SYNC_ENROL_OTHER_COUNTER). */
    input: z.object({ central: centralUrlSchema, token: z.string().trim().min(8).max(200), force: z.boolean().optional() }).strict(),
    output: syncStatusSchema,
  }),
  now: command({
    summary: '"Sync now": every pending item is tried at once (backoff waits ignored), then changes are pulled',
    access: COUNTER_ROLES,
    input: z.object({}).strict(),
    /** centralReached: changes were pulled and the audit anchor checked (false: the central was not reached for them). */
    output: z.object({ sent: z.number().int(), remaining: z.number().int(), rejected: z.number().int(), pulled: z.number().int(), centralReached: z.boolean() }),
  }),
  outbox: query({
    summary: 'Outbox items, oldest first: pending and rejected by default, or every item of one dossier',
    access: [...SUPERVISORS],
    input: z
      .object({
        state: outboxStateSchema.optional(),
        dossierId: z.string().uuid().optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    output: z.array(outboxItemSchema),
  }),
  retry: command({
    summary: 'Retry now: a pending item (or all) is due at once; a rejected item goes back to pending',
    access: [...SUPERVISORS],
    input: z.object({ itemId: z.number().int().optional() }).strict(),
    output: z.object({ due: z.number().int() }),
  }),
  changes: query({
    summary: 'Changes pulled from the central server and applied here, newest first, with what each changed',
    access: COUNTER_ROLES,
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.array(appliedChangeSchema),
  }),
} as const;
