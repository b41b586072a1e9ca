/** Inferred types of the central API's schemas, for the client side. */
import type { z } from 'zod';
import type {
  auditHeadReplySchema,
  blobStatusSchema,
  changesReplySchema,
  dossierEventSchema,
  dossierLookupSchema,
  enrolReplySchema,
  enrolRequestSchema,
  errorReplySchema,
  eventReplySchema,
  healthReplySchema,
  sequenceBlockReplySchema,
} from '../../contract/central-api';

export type AuditHeadReply = z.infer<typeof auditHeadReplySchema>;
export type BlobStatus = z.infer<typeof blobStatusSchema>;
export type ChangesReply = z.infer<typeof changesReplySchema>;
export type DossierEvent = z.infer<typeof dossierEventSchema>;
export type DossierLookup = z.infer<typeof dossierLookupSchema>;
export type EnrolReply = z.infer<typeof enrolReplySchema>;
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;
export type ErrorReply = z.infer<typeof errorReplySchema>;
export type EventReply = z.infer<typeof eventReplySchema>;
export type HealthReply = z.infer<typeof healthReplySchema>;
export type SequenceBlockReply = z.infer<typeof sequenceBlockReplySchema>;
