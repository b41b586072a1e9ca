/**
 * One handler per route of CENTRAL_ROUTES (the record's type makes a missing one a compile error). A handler
 * authenticates, validates path, query, headers and body against core/contract/central-api.ts, and calls the store.
 */
import type { IncomingMessage } from 'node:http';
import {
  auditHeadSchema,
  dossierEventSchema,
  enrolRequestSchema,
  MAX_BLOB_BYTES,
  MAX_BLOB_CHUNK_BYTES,
  sequenceBlockRequestSchema,
  SHA256_HEX,
} from '../../core/contract/central-api';
import type { BlobStore } from '../blobs/blob-store';
import { badRequest, CentralError } from '../errors';
import { getAuditHead, putAuditHead } from '../store/audit-heads';
import { appendBlob, blobStatus } from '../store/blob-uploads';
import { listChanges } from '../store/changes';
import type { Db } from '../store/db';
import { authenticate, enrol, serverId } from '../store/devices';
import { applyEvent, lookupDossier } from '../store/dossiers';
import { reserveBlock } from '../store/sequence';
import { readBody, readJson } from './http-io';
import type { CentralRoute } from './routes';

export interface HandlerDeps {
  db: Db;
  blobs: BlobStore;
  logger: CentralLogger;
}

export interface CentralLogger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface HandlerContext {
  req: IncomingMessage;
  params: Record<string, string>;
  query: URLSearchParams;
  deps: HandlerDeps;
}

export interface HandlerReply {
  status: number;
  body: unknown;
}

type RouteKey = CentralRoute extends infer R ? (R extends readonly [infer M extends string, infer P extends string] ? `${M} ${P}` : never) : never;
type Handler = (ctx: HandlerContext) => Promise<HandlerReply>;

const ok = (body: unknown, status = 200): HandlerReply => ({ status, body });

const DOSSIER_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const NON_NEGATIVE = /^\d{1,15}$/;

function shaParam(ctx: HandlerContext): string {
  const sha = ctx.params.sha256!;
  if (!SHA256_HEX.test(sha)) throw badRequest('sha256: 64 lowercase hex digits');
  return sha;
}

function dossierParam(ctx: HandlerContext): string {
  const id = ctx.params.dossierId!;
  if (!DOSSIER_ID.test(id)) throw badRequest('dossierId: a UUID');
  return id.toLowerCase();
}

function intHeader(req: IncomingMessage, name: string): number {
  const raw = req.headers[name.toLowerCase()];
  if (typeof raw !== 'string' || !NON_NEGATIVE.test(raw.trim())) throw badRequest(`${name}: a whole number of bytes`);
  return Number(raw.trim());
}

function intQuery(query: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!NON_NEGATIVE.test(raw) || Number(raw) > max) throw badRequest(`${name}: a whole number up to ${max}`);
  return Number(raw);
}

const caller = (ctx: HandlerContext) => authenticate(ctx.deps.db, ctx.req.headers.authorization);

export const HANDLERS: Record<RouteKey, Handler> = {
  'GET /v1/health': async ({ deps }) => ok({ ok: true, serverId: await serverId(deps.db), time: new Date().toISOString(), apiVersion: 'v1' }),

  'POST /v1/enrol': async (ctx) => {
    const body = await readJson(ctx.req, enrolRequestSchema);
    const device = await enrol(ctx.deps.db, body);
    ctx.deps.logger.info(`enrolled counter ${device.counterId} (device ${device.deviceId})`);
    return ok({ counterId: device.counterId, deviceId: device.deviceId, deviceToken: device.deviceToken, serverId: await serverId(ctx.deps.db) }, 201);
  },

  'GET /v1/blobs/{sha256}': async (ctx) => {
    await caller(ctx);
    const sha = shaParam(ctx);
    const status = await blobStatus(ctx.deps.db, ctx.deps.blobs, sha);
    if (!status) throw new CentralError(404, 'BLOB_UNKNOWN', { sha256: sha });
    return ok(status);
  },

  'PATCH /v1/blobs/{sha256}': async (ctx) => {
    await caller(ctx);
    const sha = shaParam(ctx);
    const offset = intHeader(ctx.req, 'Upload-Offset');
    const length = intHeader(ctx.req, 'Upload-Length');
    if (length > MAX_BLOB_BYTES) throw new CentralError(413, 'BLOB_TOO_LARGE', { maxMb: MAX_BLOB_BYTES / (1024 * 1024) });
    const chunk = await readBody(ctx.req, MAX_BLOB_CHUNK_BYTES, 'BLOB_CHUNK_TOO_LARGE');
    return ok(await appendBlob(ctx.deps.db, ctx.deps.blobs, sha, { offset, length, chunk }));
  },

  'PUT /v1/dossiers/{dossierId}/events/{seq}': async (ctx) => {
    const who = await caller(ctx);
    const dossierId = dossierParam(ctx);
    const seqText = ctx.params.seq!;
    if (!/^[1-9]\d{0,8}$/.test(seqText)) throw badRequest('seq: a whole number from 1');
    const event = await readJson(ctx.req, dossierEventSchema);
    // An event's auditHead is informational only (kept in the event's body): only PUT /v1/audit-head anchors, by
    // compare-and-set, so a head riding on a retried or reordered event can neither move nor dispute the kept one.
    return ok(await applyEvent(ctx.deps.db, ctx.deps.blobs, who.counterId, dossierId, Number(seqText), event));
  },

  'GET /v1/dossiers/{dossierId}': async (ctx) => {
    const who = await caller(ctx);
    return ok(await lookupDossier(ctx.deps.db, who.counterId, dossierParam(ctx)));
  },

  'GET /v1/changes': async (ctx) => {
    const who = await caller(ctx);
    const since = intQuery(ctx.query, 'since', 0, Number.MAX_SAFE_INTEGER);
    // A larger limit than the server pages by is not an error: the reply is shorter and `next` goes on from it.
    const limit = Math.min(1000, Math.max(1, intQuery(ctx.query, 'limit', 100, Number.MAX_SAFE_INTEGER)));
    return ok(await listChanges(ctx.deps.db, who.counterId, since, limit));
  },

  'POST /v1/sequence-blocks': async (ctx) => {
    const who = await caller(ctx);
    const body = await readJson(ctx.req, sequenceBlockRequestSchema);
    return ok(await reserveBlock(ctx.deps.db, who.counterId, body));
  },

  'PUT /v1/audit-head': async (ctx) => {
    const who = await caller(ctx);
    const head = await readJson(ctx.req, auditHeadSchema);
    return ok(await putAuditHead(ctx.deps.db, who.counterId, head));
  },

  'GET /v1/audit-head': async (ctx) => {
    const who = await caller(ctx);
    return ok(await getAuditHead(ctx.deps.db, who.counterId));
  },
};
