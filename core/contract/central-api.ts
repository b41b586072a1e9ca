/**
 * The wire protocol between a counter and the central one-stop server (issue #17). The counter's sync client
 * (core/services/sync/) and the reference server (central/) both use these schemas; central/openapi.yaml documents
 * the same routes for integrators, and a test keeps the two in step.
 *
 * Rules every route follows:
 *  - JSON bodies (UTF-8) except blob chunks (application/offset+octet-stream).
 *  - Auth: `Authorization: Bearer <deviceToken>` on every route but POST /v1/enrol and GET /v1/health.
 *  - Errors: a 4xx/5xx with `{ code, message }` (message in Vietnamese). 4xx is final for that request (the counter
 *    records it and moves on); 5xx and network failures are retried.
 *  - Idempotent: a retry of any request (same path and key) gives the same result and changes nothing more.
 *
 * Routes (base: the central URL the counter enrolled with, no trailing slash):
 *  GET   /v1/health                              → HealthReply
 *  POST  /v1/enrol                               EnrolRequest → 201 EnrolReply (409 ENROL_OTHER_COUNTER: the
 *                                                token names another counter than currentCounterId, force not set)
 *  GET   /v1/blobs/{sha256}                      → BlobStatus (404 when the server has no byte of it)
 *  PATCH /v1/blobs/{sha256}                      headers Upload-Offset, Upload-Length; body: the bytes from that
 *                                                offset → BlobStatus. Offset other than the server's → 409
 *                                                BLOB_OFFSET_MISMATCH with `offset`. On the last byte the server
 *                                                checks SHA-256: mismatch → 422 BLOB_HASH_MISMATCH (partial dropped).
 *  PUT   /v1/dossiers/{dossierId}/events/{seq}   DossierEvent → EventReply. seq must be lastSeq+1 (409
 *                                                EVENT_OUT_OF_ORDER with `expectedSeq`); the same seq again with
 *                                                the same idempotencyKey → 200 duplicate:true; a 'file' event's
 *                                                `file` must be a complete blob (409 BLOB_MISSING with `sha256`);
 *                                                TaiLieuNop is not checked (later file events upload its items).
 *  GET   /v1/dossiers/{dossierId}                → DossierLookup (404 DOSSIER_UNKNOWN): settles an unknown outcome
 *  GET   /v1/changes?since=CURSOR&limit=N        → ChangesReply (cursor "0" = from the start)
 *  POST  /v1/sequence-blocks                     SequenceBlockRequest → SequenceBlockReply (same requestId → same block)
 *  PUT   /v1/audit-head                          AuditHead → AuditHeadReply. Compare-and-set: while a head is kept
 *                                                `since` must equal it, else 409 AUDIT_HEAD_CONFLICT; a head behind
 *                                                it → 409 AUDIT_HEAD_BEHIND (the log was cut). Either makes the head
 *                                                disputed: frozen, every later PUT → 409 AUDIT_HEAD_DISPUTED until
 *                                                the central's admin runs `central audit-clear --counter ID`.
 *  GET   /v1/audit-head                          → AuditHeadReply (404 when none)
 */
import { z } from 'zod';

export const CENTRAL_API_VERSION = 'v1';
export const SHA256_HEX = /^[0-9a-f]{64}$/;
/** A blob chunk is at most this many bytes (the client sends 256 KiB; the server refuses more). */
export const MAX_BLOB_CHUNK_BYTES = 8 * 1024 * 1024;
/** A file is at most this many bytes. */
export const MAX_BLOB_BYTES = 200 * 1024 * 1024;

export const errorReplySchema = z.object({
  code: z.string(),
  message: z.string(),
  /** BLOB_OFFSET_MISMATCH: the server's offset. */
  offset: z.number().int().optional(),
  /** EVENT_OUT_OF_ORDER: the seq the server expects next. */
  expectedSeq: z.number().int().optional(),
  /** BLOB_MISSING: the file the event names that is not (completely) uploaded. */
  sha256: z.string().optional(),
});
export type ErrorReply = z.infer<typeof errorReplySchema>;

export const healthReplySchema = z.object({ ok: z.literal(true), serverId: z.string(), time: z.string(), apiVersion: z.literal('v1') });

export const enrolRequestSchema = z.object({
  token: z.string().min(8).max(200),
  /** What the counter calls itself (machine name), for the central's lists. */
  deviceName: z.string().max(200),
  appVersion: z.string().max(50),
  /**
   * Numbers the counter already handed out from its local authority before enrolling, per (agency, day): the
   * central's counter of each moves past `last` in the enrolment transaction, so its blocks never repeat a code
   * the counter issued. `day` as sequence-blocks' day.
   */
  usedSequences: z
    .array(z.object({ agencyCode: z.string().min(1).max(80), day: z.string().min(1).max(20), last: z.number().int().min(0).max(1_000_000_000) }))
    .max(1000)
    .optional(),
  /** The counter id the counter holds now: a token of another counter is refused (409 ENROL_OTHER_COUNTER) unless force. */
  currentCounterId: z.string().max(40).optional(),
  force: z.boolean().optional(),
});
export const enrolReplySchema = z.object({
  /** The counter id the central assigned with the token (e.g. "Q03"): it becomes the counter's id. */
  counterId: z.string(),
  deviceId: z.string(),
  /** Bearer token for every later call. Shown once; the server keeps only its hash. */
  deviceToken: z.string(),
  serverId: z.string(),
});
export type EnrolReply = z.infer<typeof enrolReplySchema>;

export const blobStatusSchema = z.object({
  sha256: z.string().regex(SHA256_HEX),
  /** Bytes the server holds (the next PATCH starts here). */
  offset: z.number().int().min(0),
  /** Total length, as the first PATCH declared it. */
  length: z.number().int().min(0),
  complete: z.boolean(),
});
export type BlobStatus = z.infer<typeof blobStatusSchema>;

/** Dates on the wire in the DVCQG form: yyyyMMddHHmmss in Vietnam time (UTC+7). */
export const dvcqgDateSchema = z.string().regex(/^\d{14}$/);

/** A file of the dossier (TaiLieuNop item), by content. */
export const dossierFileSchema = z.object({
  /** Stable per dossier: 'page:<pageId>', 'doc:<documentId>', 'pdf:<itemCode>'. A later event with the same ref replaces it. */
  ref: z.string().min(1).max(200),
  /** TenTepDinhKem. */
  name: z.string().min(1).max(300),
  /** MaThanhPhanHoSo: the checklist item. */
  itemCode: z.string().max(100),
  mediaType: z.string().max(100),
  sha256: z.string().regex(SHA256_HEX),
  bytes: z.number().int().min(0),
});
export type DossierFile = z.infer<typeof dossierFileSchema>;

/** The dossier as the National Portal's vocabulary names it (DongBoHoSoMC's HoSo), plus checklist marks and fees. */
export const dvcqgDossierSchema = z
  .object({
    MaHoSo: z.string().min(1).max(80),
    MaTTHC: z.string().min(1).max(80),
    TenTTHC: z.string().max(1000),
    MaLinhVuc: z.string().max(80).optional(),
    TenLinhVuc: z.string().max(500).optional(),
    ChuHoSo: z.string().max(300),
    /** "1" citizen, "2" business/organisation. */
    LoaiDoiTuong: z.enum(['1', '2']),
    SoDienThoai: z.string().max(50).optional(),
    Email: z.string().max(200).optional(),
    TrichYeuHoSo: z.string().max(2000).optional(),
    NgayTiepNhan: dvcqgDateSchema,
    NgayHenTra: dvcqgDateSchema.nullable(),
    NgayTra: dvcqgDateSchema.nullable().optional(),
    /** The DVCQG status code mapped from the local state (core/domain/sync/dvcqg.ts). */
    TrangThaiHoSo: z.string().max(10),
    /** "0" result returned at the counter, "1" by post. */
    HinhThuc: z.enum(['0', '1']),
    /** Channel: 1 direct, 2 online, 3 public postal. */
    KenhThucHien: z.enum(['1', '2', '3']).optional(),
    DonViXuLy: z.string().max(500),
    MaDonVi: z.string().max(80),
    TaiLieuNop: z.array(
      z.object({ TenTepDinhKem: z.string(), MaThanhPhanHoSo: z.string(), TepDinhKemId: z.string(), sha256: z.string().regex(SHA256_HEX), bytes: z.number().int() }),
    ),
    DanhSachLePhi: z.array(z.object({ TenPhiLePhi: z.string(), MaPhiLePhi: z.string(), Gia: z.number().int(), LoaiPhiLePhi: z.string().optional() })),
    /** Checklist marks per document received (domain.md: fileMark, fileCheck, recordCount). */
    ThanhPhanHoSo: z.array(z.object({ MaThanhPhanHoSo: z.string(), TenThanhPhanHoSo: z.string(), fileMark: z.number().int(), fileCheck: z.number().int(), recordCount: z.number().int() })),
    /** Fee receipts (biên lai) issued at the counter. */
    BienLai: z.array(z.object({ SoBienLai: z.string(), SoTien: z.number().int(), NgayThu: dvcqgDateSchema })),
  })
  .passthrough();
export type DvcqgDossier = z.infer<typeof dvcqgDossierSchema>;

/** One event of a dossier, in the order the counter recorded it. */
export const dossierEventSchema = z.object({
  /** "<dossierId>:<seq>": the same key on every retry. */
  idempotencyKey: z.string().min(3).max(200),
  kind: z.enum(['transition', 'fee', 'file']),
  /** ISO time of the change at the counter. */
  at: z.string(),
  /** The local state after this event ('received', 'sent_to_agency', …). */
  state: z.string().max(40),
  /**
   * The dossier as of this event (frozen when first sent): the server keeps the latest sent. Required on a
   * dossier's first event and on 'transition' and 'fee' events; a 'file' event may leave it out (the stored
   * snapshot stays), so a page does not re-send the whole dossier.
   */
  dossier: dvcqgDossierSchema.optional(),
  /** transition: {from, to, actor, data of the history row}; fee: {receipt}; file: {}. */
  data: z.record(z.string(), z.unknown()),
  /** kind 'file': the file added or replaced (removed: true drops that ref). */
  file: dossierFileSchema.extend({ removed: z.boolean().optional() }).optional(),
  /** The counter's audit chain head when this event was sent: informational only, it never moves the kept head (only PUT /v1/audit-head anchors). */
  auditHead: z.object({ lastId: z.number().int(), lastHash: z.string() }).optional(),
});
export type DossierEvent = z.infer<typeof dossierEventSchema>;

export const eventReplySchema = z.object({ seq: z.number().int(), duplicate: z.boolean() });

export const dossierLookupSchema = z.object({
  id: z.string(),
  code: z.string(),
  /** The last event the server applied (0: none). */
  lastSeq: z.number().int(),
  state: z.string(),
  files: z.array(dossierFileSchema),
});
export type DossierLookup = z.infer<typeof dossierLookupSchema>;

export const changeSchema = z.discriminatedUnion('kind', [
  z.object({ cursor: z.string(), at: z.string(), kind: z.literal('result_ready'), dossierId: z.string(), dossierCode: z.string(), data: z.object({ note: z.string().optional() }).passthrough() }),
  z.object({
    cursor: z.string(),
    at: z.string(),
    kind: z.literal('supplement_requested'),
    dossierId: z.string(),
    dossierCode: z.string(),
    data: z.object({ reason: z.string(), items: z.array(z.string()).optional() }).passthrough(),
  }),
  /** data: a catalogue file in the counter's import format (core/domain/catalogue). */
  z.object({ cursor: z.string(), at: z.string(), kind: z.literal('catalogue'), data: z.record(z.string(), z.unknown()) }),
  /** data: an official calendar in the counter's format (core/domain/calendar). */
  z.object({ cursor: z.string(), at: z.string(), kind: z.literal('calendar'), data: z.record(z.string(), z.unknown()) }),
]);
export type Change = z.infer<typeof changeSchema>;

export const changesReplySchema = z.object({ changes: z.array(changeSchema), next: z.string() });

export const sequenceBlockRequestSchema = z.object({
  requestId: z.string().min(8).max(100),
  agencyCode: z.string().min(1).max(80),
  /** yymmdd or yyyy-mm-dd as the counter keys its daily sequences. */
  day: z.string().min(1).max(20),
  size: z.number().int().min(1).max(10_000),
});
export const sequenceBlockReplySchema = z.object({ start: z.number().int().min(1), end: z.number().int() });

export const auditHeadSchema = z.object({
  lastId: z.number().int().min(0),
  lastHash: z.string().min(1).max(200),
  /** PUT only: the head the counter last saw the central keep (compare-and-set; a conflict makes the head disputed). */
  since: z.object({ lastId: z.number().int().min(0), lastHash: z.string().min(1).max(200) }).optional(),
});
/** disputed: the central saw a conflicting or older head (409 AUDIT_HEAD_DISPUTED until a central admin clears it). */
export const auditHeadReplySchema = auditHeadSchema.omit({ since: true }).extend({ at: z.string(), disputed: z.boolean().optional() });
