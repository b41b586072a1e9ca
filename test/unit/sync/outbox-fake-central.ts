/**
 * An in-memory central server behind the CentralClient interface, following the protocol's rules
 * (core/contract/central-api.ts): events applied in seq order (EVENT_OUT_OF_ORDER with expectedSeq), the same
 * idempotency key again → duplicate, files must be complete blobs (BLOB_MISSING), blob offsets checked, SHA-256
 * verified on the last byte. Faults are injected per call (`inject`), and every call is recorded.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Change, DossierEvent } from '../../../core/contract/central-api';
import type { CallOutcome, CentralClient } from '../../../core/services/sync/central-client';

type Failure = Extract<CallOutcome<unknown>, { ok: false }>;
export type Fault = Failure | { applyThen: Failure };

export const network = (maybeApplied = false): Failure => ({ ok: false, kind: 'retry', code: 'SYNC_NETWORK', detail: 'ECONNREFUSED', maybeApplied });
export const timeoutAfterCommit = (): Fault => ({ applyThen: { ok: false, kind: 'retry', code: 'SYNC_TIMEOUT', detail: 'no reply', maybeApplied: true } });
export const rejected = (status: number, code: string, message: string): Failure => ({ ok: false, kind: 'rejected', status, error: { code, message } });

export class FakeCentral {
  readonly dossiers = new Map<string, { lastSeq: number; events: Map<number, { key: string; body: string }> }>();
  readonly blobs = new Map<string, { data: Buffer; length: number }>();
  /** Every call in order: "put <dossierId> <seq>", "lookup <dossierId>", "upload <sha> <from>", … */
  readonly calls: string[] = [];
  /** The JSON of every event PUT, in order (what went over the wire). */
  readonly bodies: Array<{ dossierId: string; seq: number; body: string }> = [];
  /** A fault for the next matching call: (kind, dossierId?, seq?) → fault, removed once used. */
  inject: Array<{ call: 'put' | 'lookup' | 'upload' | 'blobStatus' | 'audit' | 'changes'; dossierId?: string; seq?: number; fault: Fault }> = [];
  auditHead: { lastId: number; lastHash: string } | null = null;
  /** The kept head is disputed (a central admin has not cleared it): GET says so, PUT is 409 AUDIT_HEAD_DISPUTED. */
  auditDisputed = false;
  /** The `since` of every audit head PUT, in order. */
  auditSince: Array<{ lastId: number; lastHash: string } | undefined> = [];
  changeList: Change[] = [];

  private fault(call: FakeCentral['inject'][number]['call'], dossierId?: string, seq?: number): Fault | null {
    const i = this.inject.findIndex((f) => f.call === call && (f.dossierId === undefined || f.dossierId === dossierId) && (f.seq === undefined || f.seq === seq));
    if (i < 0) return null;
    return this.inject.splice(i, 1)[0]!.fault;
  }

  /** The events the server holds for a dossier, by seq. */
  events(dossierId: string): DossierEvent[] {
    const d = this.dossiers.get(dossierId);
    return d ? [...d.events.entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => JSON.parse(e.body) as DossierEvent) : [];
  }

  client(): CentralClient {
    const ok = <T>(value: T): CallOutcome<T> => ({ ok: true, value });
    return {
      health: async () => ok({ ok: true as const, serverId: 'fake', time: new Date().toISOString(), apiVersion: 'v1' as const }),
      enrol: async () => ok({ counterId: 'Q03', deviceId: 'dev-1', deviceToken: 'device-token-1', serverId: 'fake' }),
      blobStatus: async (sha) => {
        this.calls.push(`blobStatus ${sha.slice(0, 8)}`);
        const f = this.fault('blobStatus');
        if (f) return 'applyThen' in f ? f.applyThen : f;
        const b = this.blobs.get(sha);
        return ok(b ? { sha256: sha, offset: b.data.length, length: b.length, complete: b.data.length === b.length } : null);
      },
      uploadBlob: async (src, from, onProgress) => {
        this.calls.push(`upload ${src.sha256.slice(0, 8)} ${from}`);
        const f = this.fault('upload');
        if (f && !('applyThen' in f)) return f;
        const whole = readFileSync(src.path);
        const b = this.blobs.get(src.sha256) ?? { data: Buffer.alloc(0), length: src.length };
        // The client goes on from the server's offset when they differ (as the real one does after a 409).
        b.data = Buffer.concat([b.data, whole.subarray(b.data.length)]);
        this.blobs.set(src.sha256, b);
        onProgress?.(b.data.length);
        if (createHash('sha256').update(b.data).digest('hex') !== src.sha256) {
          this.blobs.delete(src.sha256);
          return rejected(422, 'BLOB_HASH_MISMATCH', 'Tệp nhận được không khớp SHA-256.');
        }
        if (f && 'applyThen' in f) return f.applyThen;
        return ok({ sha256: src.sha256, offset: b.data.length, length: b.length, complete: true });
      },
      putEvent: async (dossierId, seq, event) => {
        this.calls.push(`put ${dossierId.slice(0, 8)} ${seq}`);
        const body = JSON.stringify(event);
        this.bodies.push({ dossierId, seq, body });
        const f = this.fault('put', dossierId, seq);
        if (f && !('applyThen' in f)) return f;
        const d = this.dossiers.get(dossierId) ?? { lastSeq: 0, events: new Map() };
        const had = d.events.get(seq);
        if (had) {
          if (had.key !== event.idempotencyKey) return rejected(409, 'EVENT_CONFLICT', 'Sự kiện khác đã có số thứ tự này.');
          return ok({ seq, duplicate: true });
        }
        if (seq !== d.lastSeq + 1) return { ok: false, kind: 'rejected', status: 409, error: { code: 'EVENT_OUT_OF_ORDER', message: 'Sai thứ tự.', expectedSeq: d.lastSeq + 1 } };
        if (event.file && !event.file.removed) {
          const b = this.blobs.get(event.file.sha256);
          if (!b || b.data.length !== b.length) return { ok: false, kind: 'rejected', status: 409, error: { code: 'BLOB_MISSING', message: 'Thiếu tệp.', sha256: event.file.sha256 } };
        }
        d.events.set(seq, { key: event.idempotencyKey, body });
        d.lastSeq = seq;
        this.dossiers.set(dossierId, d);
        if (f && 'applyThen' in f) return f.applyThen;
        return ok({ seq, duplicate: false });
      },
      lookupDossier: async (dossierId) => {
        this.calls.push(`lookup ${dossierId.slice(0, 8)}`);
        const f = this.fault('lookup', dossierId);
        if (f) return 'applyThen' in f ? f.applyThen : f;
        const d = this.dossiers.get(dossierId);
        return ok(d ? { id: dossierId, code: 'x', lastSeq: d.lastSeq, state: 'received', files: [] } : null);
      },
      changes: async (since) => {
        this.calls.push(`changes ${since}`);
        const f = this.fault('changes');
        if (f) return 'applyThen' in f ? f.applyThen : f;
        const from = since === '0' ? 0 : this.changeList.findIndex((c) => c.cursor === since) + 1;
        const changes = this.changeList.slice(from);
        return ok({ changes, next: changes.at(-1)?.cursor ?? since });
      },
      reserveBlock: async () => ok({ start: 1, end: 100 }),
      putAuditHead: async ({ since, ...head }) => {
        this.calls.push(`audit ${head.lastId}`);
        this.auditSince.push(since);
        const f = this.fault('audit');
        if (f) return 'applyThen' in f ? f.applyThen : f;
        if (this.auditDisputed) return rejected(409, 'AUDIT_HEAD_DISPUTED', 'Mốc nhật ký của quầy đang bị tranh chấp.');
        if (this.auditHead && head.lastId < this.auditHead.lastId) {
          return rejected(409, 'AUDIT_HEAD_BEHIND', 'Nhật ký kiểm toán của quầy ngắn hơn lần neo trước.');
        }
        this.auditHead = head;
        return ok({ ...head, at: new Date().toISOString() });
      },
      getAuditHead: async () => ok(this.auditHead ? { ...this.auditHead, at: new Date().toISOString(), disputed: this.auditDisputed } : null),
    };
  }
}
