import { z } from 'zod';
import { command, query } from './method';

export const systemContract = {
  info: query({
    summary: 'Version, schema version and the transport of this connection',
    access: 'public',
    input: z.object({}).strict().default({}),
    output: z.object({ version: z.string(), schemaVersion: z.number().int(), transport: z.enum(['electron', 'web', 'cli']) }),
  }),
  backup: command({
    summary: 'Online backup of the database; to the data folder\'s backups/ unless the CLI names a file',
    access: ['admin'],
    input: z.object({ out: z.string().min(1).max(4096).optional() }).strict().default({}),
    output: z.object({ path: z.string(), bytes: z.number().int() }),
  }),
} as const;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  data: z.unknown(),
});

/** A dossier whose row disagrees with its audited history (field 'history': no history; 'dossier': row gone). */
export const dossierMismatchSchema = z.object({
  dossierId: z.string(),
  code: z.string().nullable(),
  field: z.enum(['state', 'code', 'history', 'dossier']),
  expected: z.string().nullable(),
  actual: z.string().nullable(),
});
export const MAX_REPORTED_MISMATCHES = 1000;

/** audit.verify with central: code null when the central head is in the log as sent (or the central has none yet). */
export const centralAuditFindingSchema = z.object({
  lastId: z.number().int().nullable(),
  lastHash: z.string().nullable(),
  at: z.string().nullable(),
  code: z.enum(['AUDIT_CENTRAL_TRUNCATED', 'AUDIT_CENTRAL_MISMATCH', 'AUDIT_HEAD_DISPUTED']).nullable(),
  message: z.string(),
});

export const auditContract = {
  verify: query({
    summary:
      'Check the keyed hash chain of the audit log (names the first bad row) and that every dossier\'s state and code equal its audited history; with central, also that the head the central server keeps is still in the log (a cut at its tail)',
    access: ['admin', 'supervisor'],
    input: z.object({ central: z.boolean().optional() }).strict().default({}),
    output: z.object({
      /** The chain holds and no dossier disagrees with its history. */
      ok: z.boolean(),
      rows: z.number().int(),
      /** Rows after the keying marker are HMAC'd with a key kept outside the database. */
      keyed: z.boolean(),
      firstBadId: z.number().int().nullable(),
      reason: z.string().nullable(),
      mismatches: z.array(dossierMismatchSchema).max(MAX_REPORTED_MISMATCHES),
      mismatchCount: z.number().int(),
      /** With central: the head the central server keeps and what the local log says about it (core/services/sync/audit-anchor-check.ts); else null. */
      central: centralAuditFindingSchema.nullable(),
    }),
  }),
  list: query({
    summary: 'Recent audit entries, newest first',
    access: ['admin', 'supervisor'],
    input: z
      .object({
        limit: z.number().int().min(1).max(500).default(100),
        beforeId: z.number().int().positive().optional(),
        entity: z.string().max(64).optional(),
        entityId: z.string().max(128).optional(),
      })
      .strict()
      .default({ limit: 100 }),
    output: z.array(auditEntrySchema),
  }),
} as const;

const settingKey = z.string().regex(/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)*$/).max(100);

export const settingsContract = {
  get: query({
    summary: 'Read one setting (null when unset)',
    access: 'session',
    input: z.object({ key: settingKey }).strict(),
    output: z.object({ key: z.string(), value: z.unknown().nullable() }),
  }),
  set: command({
    summary: 'Write one setting of the registry (core/services/settings/registry.ts; JSON value up to 64 KB)',
    access: ['admin', 'supervisor'],
    input: z.object({ key: settingKey, value: z.unknown() }).strict(),
    output: z.object({ key: z.string(), value: z.unknown() }),
  }),
} as const;
