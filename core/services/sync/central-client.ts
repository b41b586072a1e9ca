/**
 * The HTTP client for the central API (core/contract/central-api.ts). Never throws for a failed call: every method
 * returns a CallOutcome, so the worker decides per kind — rejected (4xx, final: record the server's reason) or retry
 * (network, timeout, 5xx, a bad reply). `maybeApplied` is true when the request may have reached the server (sent,
 * then no good answer): the caller settles it with a lookup before anything is resent.
 * Time-bounded (connect, idle and whole-call limits), endless or oversized replies cut off, every reply validated by
 * its schema (a 200 with a wrong body is a bad reply, not a success). Bandwidth capped for postal counters.
 * PLACEHOLDER (skeleton): the transport helper implements it.
 */
import type {
  AuditHeadReply,
  BlobStatus,
  ChangesReply,
  DossierEvent,
  DossierLookup,
  EnrolReply,
  ErrorReply,
  EventReply,
  HealthReply,
  SequenceBlockReply,
} from './central-types';

export type RetryCode = 'SYNC_NETWORK' | 'SYNC_TIMEOUT' | 'SYNC_SERVER_ERROR' | 'SYNC_BAD_REPLY';

export type CallOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; kind: 'rejected'; status: number; error: ErrorReply }
  | { ok: false; kind: 'retry'; code: RetryCode; detail: string; maybeApplied: boolean };

export interface CentralClientOptions {
  /** The central URL (no trailing slash needed). */
  baseUrl: string;
  /** Bearer token from enrolment; null before it. */
  deviceToken: string | null;
  /** Whole-call limit for JSON calls, ms (default 15 000). */
  timeoutMs?: number;
  /** Upload cap in bytes per second (postal counters on weak links); null/undefined: none. */
  bytesPerSecond?: number | null;
  /** Chunk size for blob uploads (default 256 KiB). */
  chunkBytes?: number;
}

export interface UploadSource {
  /** Absolute path of the file to send. */
  path: string;
  sha256: string;
  length: number;
}

export interface CentralClient {
  health(): Promise<CallOutcome<HealthReply>>;
  enrol(req: { token: string; deviceName: string; appVersion: string }): Promise<CallOutcome<EnrolReply>>;
  /** null: the server holds no byte of it (404). */
  blobStatus(sha256: string): Promise<CallOutcome<BlobStatus | null>>;
  /** Sends the file from `fromOffset` in chunks; on an offset mismatch it asks the server's offset and goes on from there. */
  uploadBlob(src: UploadSource, fromOffset: number, onProgress?: (offset: number) => void): Promise<CallOutcome<BlobStatus>>;
  putEvent(dossierId: string, seq: number, event: DossierEvent): Promise<CallOutcome<EventReply>>;
  /** null: the server does not know the dossier (404). */
  lookupDossier(dossierId: string): Promise<CallOutcome<DossierLookup | null>>;
  changes(since: string, limit: number): Promise<CallOutcome<ChangesReply>>;
  reserveBlock(req: { requestId: string; agencyCode: string; day: string; size: number }): Promise<CallOutcome<SequenceBlockReply>>;
  putAuditHead(head: { lastId: number; lastHash: string }): Promise<CallOutcome<AuditHeadReply>>;
  /** null: the server holds no head for this counter. */
  getAuditHead(): Promise<CallOutcome<AuditHeadReply | null>>;
}

export function createCentralClient(_opts: CentralClientOptions): CentralClient {
  throw new Error('createCentralClient: not implemented yet (skeleton)');
}
