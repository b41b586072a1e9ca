/**
 * The HTTP client for the central API (core/contract/central-api.ts). Never throws for a failed call: every method
 * returns a CallOutcome, so the worker decides per kind — rejected (4xx, final: record the server's reason) or retry
 * (network, timeout, 5xx, a bad reply). `maybeApplied` is true when the request may have reached the server (sent,
 * then no good answer): the caller settles it with a lookup before anything is resent.
 * Time-bounded (connect, idle and whole-call limits), endless or oversized replies cut off, every reply validated by
 * its schema (a 200 with a wrong body is a bad reply, not a success). Bandwidth capped for postal counters.
 * uploadBlob reads a local file: a file that is gone or whose size is not the one named throws AppError
 * (SYNC_UPLOAD_SOURCE_UNREADABLE / SYNC_UPLOAD_SOURCE_CHANGED) — a local fault, not a failed call.
 * Transport details (timeouts, caps, why node:http): http-exchange.ts; pacing: throttle.ts.
 */
import { open, type FileHandle } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { z } from 'zod';
import {
  auditHeadReplySchema,
  blobStatusSchema,
  changesReplySchema,
  dossierLookupSchema,
  enrolReplySchema,
  errorReplySchema,
  eventReplySchema,
  healthReplySchema,
  MAX_BLOB_CHUNK_BYTES,
  sequenceBlockReplySchema,
} from '../../contract/central-api';
import { AppError } from '../../contract/errors';
import { t } from '../../i18n/translate';
import { exchange, type ExchangeResult } from './http-exchange';
import { sharedUploadBucket } from './throttle';
import type {
  AuditHeadReply,
  BlobStatus,
  ChangesReply,
  DossierEvent,
  DossierLookup,
  EnrolReply,
  EnrolRequest,
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
  /** Limit to open a connection, ms (default min(5 000, timeoutMs)). */
  connectTimeoutMs?: number;
  /** Limit with no byte either way, ms (default min(10 000, timeoutMs)). */
  idleTimeoutMs?: number;
}

export interface UploadSource {
  /** Absolute path of the file to send. */
  path: string;
  sha256: string;
  length: number;
}

export interface CentralClient {
  health(): Promise<CallOutcome<HealthReply>>;
  enrol(req: EnrolRequest): Promise<CallOutcome<EnrolReply>>;
  /** null: the server holds no byte of it (404). */
  blobStatus(sha256: string): Promise<CallOutcome<BlobStatus | null>>;
  /** Sends the file from `fromOffset` in chunks; on an offset mismatch it asks the server's offset and goes on from there. */
  uploadBlob(src: UploadSource, fromOffset: number, onProgress?: (offset: number) => void): Promise<CallOutcome<BlobStatus>>;
  putEvent(dossierId: string, seq: number, event: DossierEvent): Promise<CallOutcome<EventReply>>;
  /** null: the server does not know the dossier (404). */
  lookupDossier(dossierId: string): Promise<CallOutcome<DossierLookup | null>>;
  changes(since: string, limit: number): Promise<CallOutcome<ChangesReply>>;
  reserveBlock(req: { requestId: string; agencyCode: string; day: string; size: number }): Promise<CallOutcome<SequenceBlockReply>>;
  /** since: the head the counter last saw the central keep (compare-and-set). */
  putAuditHead(head: { lastId: number; lastHash: string; since?: { lastId: number; lastHash: string } }): Promise<CallOutcome<AuditHeadReply>>;
  /** null: the server holds no head for this counter. */
  getAuditHead(): Promise<CallOutcome<AuditHeadReply | null>>;
}

/** Reply caps: a JSON reply, and a page of pulled changes (catalogues and calendars ride in it). */
export const MAX_JSON_REPLY_BYTES = 4 * 1024 * 1024;
export const MAX_CHANGES_REPLY_BYTES = 32 * 1024 * 1024;
export const DEFAULT_CHUNK_BYTES = 256 * 1024;
/** How often one upload follows the server's offset (409 or no progress) before it gives up for this attempt. */
export const MAX_OFFSET_RESTARTS = 5;

export interface ClosableCentralClient extends CentralClient {
  /** Closes the keep-alive sockets (idle ones never hold the process open either way). */
  close(): void;
}

type Schema<T> = z.ZodType<T>;

interface JsonCall<T> {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: unknown;
  schema: Schema<T>;
  auth?: boolean;
  cap?: number;
  /** A 404 with an error body means "none" (null), not a rejection. */
  nullOn404?: boolean;
}

export function createCentralClient(opts: CentralClientOptions): ClosableCentralClient {
  const base = new URL(opts.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const connectTimeoutMs = opts.connectTimeoutMs ?? Math.min(5_000, timeoutMs);
  const idleTimeoutMs = opts.idleTimeoutMs ?? Math.min(10_000, timeoutMs);
  const chunkBytes = Math.max(1, Math.min(opts.chunkBytes ?? DEFAULT_CHUNK_BYTES, MAX_BLOB_CHUNK_BYTES));
  const bucket = sharedUploadBucket(opts.bytesPerSecond);
  const agentOpts = { keepAlive: true, maxSockets: 4, timeout: 4_000 };
  const agent = base.protocol === 'https:' ? new https.Agent(agentOpts) : new http.Agent(agentOpts);

  const urlFor = (route: string): URL => {
    const u = new URL(base.href);
    const q = route.indexOf('?');
    u.pathname = basePath + (q < 0 ? route : route.slice(0, q));
    u.search = q < 0 ? '' : route.slice(q);
    u.hash = '';
    return u;
  };
  const headers = (auth: boolean, extra: Record<string, string>): Record<string, string> => ({
    accept: 'application/json',
    ...(auth && opts.deviceToken ? { authorization: `Bearer ${opts.deviceToken}` } : {}),
    ...extra,
  });

  async function send(method: string, route: string, auth: boolean, extra: Record<string, string>, body: Buffer | undefined, cap: number, timeout = timeoutMs, paced = false): Promise<ExchangeResult> {
    return exchange({
      url: urlFor(route),
      method,
      headers: headers(auth, extra),
      ...(body ? { body } : {}),
      bucket: paced ? bucket : null,
      agent,
      connectTimeoutMs,
      idleTimeoutMs,
      timeoutMs: timeout,
      maxReplyBytes: cap,
      retryReusedReset: !paced,
    });
  }

  async function callJson<T>(c: JsonCall<T>): Promise<CallOutcome<T>> {
    const body = c.body === undefined ? undefined : Buffer.from(JSON.stringify(c.body), 'utf8');
    const r = await send(c.method, c.path, c.auth ?? true, body ? { 'content-type': 'application/json' } : {}, body, c.cap ?? MAX_JSON_REPLY_BYTES);
    return interpret(r, c.schema, c.nullOn404 ?? false);
  }

  async function uploadBlob(src: UploadSource, fromOffset: number, onProgress?: (offset: number) => void): Promise<CallOutcome<BlobStatus>> {
    let handle: FileHandle;
    try {
      handle = await open(src.path, 'r');
    } catch (e) {
      throw new AppError('SYNC_UPLOAD_SOURCE_UNREADABLE', { name: path.basename(src.path), reason: (e as NodeJS.ErrnoException).code ?? 'error' }, { cause: e });
    }
    try {
      const size = (await handle.stat()).size;
      if (size !== src.length) throw new AppError('SYNC_UPLOAD_SOURCE_CHANGED', { name: path.basename(src.path), expected: src.length, actual: size });
      let offset = Math.max(0, Math.min(fromOffset, src.length));
      let restarts = 0;
      for (;;) {
        const end = Math.min(src.length, offset + chunkBytes);
        const chunk = Buffer.alloc(end - offset);
        for (let got = 0; got < chunk.length; ) {
          const { bytesRead } = await handle.read(chunk, got, chunk.length - got, offset + got);
          if (bytesRead === 0) throw new AppError('SYNC_UPLOAD_SOURCE_CHANGED', { name: path.basename(src.path), expected: src.length, actual: offset + got });
          got += bytesRead;
        }
        const r = await send(
          'PATCH',
          `/v1/blobs/${encodeURIComponent(src.sha256)}`,
          true,
          { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset), 'upload-length': String(src.length) },
          chunk,
          MAX_JSON_REPLY_BYTES,
          timeoutMs,
          true,
        );
        const out = interpret(r, blobStatusSchema, false);
        let next: number;
        if (out.ok) {
          const st = out.value;
          if (st.sha256 !== src.sha256 || st.offset > src.length || st.offset < 0) {
            return badReply(`blob status does not fit the upload (sha256 ${st.sha256}, offset ${st.offset} of ${src.length})`);
          }
          if (st.complete) {
            onProgress?.(src.length);
            return out;
          }
          if (st.offset <= offset && ++restarts > MAX_OFFSET_RESTARTS) return badReply(`no progress at offset ${st.offset}`);
          next = st.offset;
        } else if (out.kind === 'rejected' && out.status === 409 && out.error.code === 'BLOB_OFFSET_MISMATCH') {
          if (++restarts > MAX_OFFSET_RESTARTS) return badReply(`offset mismatch ${restarts} times`);
          let serverOffset = out.error.offset;
          if (serverOffset === undefined) {
            const st = await callJson({ method: 'GET', path: `/v1/blobs/${encodeURIComponent(src.sha256)}`, schema: blobStatusSchema.nullable(), nullOn404: true });
            if (!st.ok) return st as CallOutcome<BlobStatus>;
            if (st.value?.complete) return { ok: true, value: st.value };
            serverOffset = st.value?.offset ?? 0;
          }
          if (serverOffset < 0 || serverOffset > src.length) return badReply(`server offset ${serverOffset} outside 0..${src.length}`);
          next = serverOffset;
        } else {
          return out;
        }
        offset = next;
        onProgress?.(offset);
      }
    } finally {
      await handle.close();
    }
  }

  const blobPath = (sha: string): string => `/v1/blobs/${encodeURIComponent(sha)}`;

  return {
    health: () => callJson({ method: 'GET', path: '/v1/health', schema: healthReplySchema, auth: false }),
    enrol: (req) => callJson({ method: 'POST', path: '/v1/enrol', body: req, schema: enrolReplySchema, auth: false }),
    blobStatus: (sha) => callJson({ method: 'GET', path: blobPath(sha), schema: blobStatusSchema.nullable(), nullOn404: true }),
    uploadBlob,
    putEvent: (dossierId, seq, event) =>
      callJson({ method: 'PUT', path: `/v1/dossiers/${encodeURIComponent(dossierId)}/events/${seq}`, body: event, schema: eventReplySchema }),
    lookupDossier: (dossierId) =>
      callJson({ method: 'GET', path: `/v1/dossiers/${encodeURIComponent(dossierId)}`, schema: dossierLookupSchema.nullable(), nullOn404: true }),
    changes: (since, limit) =>
      callJson({
        method: 'GET',
        path: `/v1/changes?since=${encodeURIComponent(since)}&limit=${encodeURIComponent(String(limit))}`,
        schema: changesReplySchema,
        cap: MAX_CHANGES_REPLY_BYTES,
      }),
    reserveBlock: (req) => callJson({ method: 'POST', path: '/v1/sequence-blocks', body: req, schema: sequenceBlockReplySchema }),
    putAuditHead: (head) => callJson({ method: 'PUT', path: '/v1/audit-head', body: head, schema: auditHeadReplySchema }),
    getAuditHead: () => callJson({ method: 'GET', path: '/v1/audit-head', schema: auditHeadReplySchema.nullable(), nullOn404: true }),
    close: () => agent.destroy(),
  };
}

function badReply<T>(detail: string): CallOutcome<T> {
  return { ok: false, kind: 'retry', code: 'SYNC_BAD_REPLY', detail, maybeApplied: true };
}

/** What a status and body mean for the caller: the rule in the header comment. */
/** nullOn404 is for schemas that admit null (`.nullable()`): a 404 with an error body is that null. */
export function interpret<T>(r: ExchangeResult, schema: Schema<T>, nullOn404: boolean): CallOutcome<T> {
  if (!r.ok) return { ok: false, kind: 'retry', code: r.code, detail: r.detail, maybeApplied: r.maybeApplied };
  const { status } = r;
  const parsed = parseJson(r.body);
  if (status >= 200 && status < 300) {
    if (parsed === NOT_JSON) return badReply(`HTTP ${status}: the body is not JSON`);
    const v = schema.safeParse(parsed);
    if (!v.success) return badReply(`HTTP ${status}: the body does not fit its schema (${v.error.issues[0]?.path.join('.') ?? ''}: ${v.error.issues[0]?.message ?? ''})`);
    return { ok: true, value: v.data };
  }
  const err = parsed === NOT_JSON ? null : errorReplySchema.safeParse(parsed);
  if (status >= 500) {
    const what = err?.success ? ` ${err.data.code}: ${err.data.message}` : '';
    return { ok: false, kind: 'retry', code: 'SYNC_SERVER_ERROR', detail: `HTTP ${status}${what}`, maybeApplied: true };
  }
  if (status >= 400) {
    if (err?.success) {
      if (status === 404 && nullOn404) return { ok: true, value: null as T };
      return { ok: false, kind: 'rejected', status, error: err.data };
    }
    // No {code, message}: not our server's answer (a proxy, a wrong URL); still final for this request.
    return { ok: false, kind: 'rejected', status, error: { code: 'SYNC_REJECTED_UNKNOWN', message: t('errors.SYNC_REJECTED_UNKNOWN', { status }) } };
  }
  // 1xx/3xx: redirects are not followed (the enrolled URL is the one to use); tried again later.
  return badReply(`HTTP ${status}: unexpected status`);
}

const NOT_JSON = Symbol('not json');
function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return NOT_JSON;
  }
}
