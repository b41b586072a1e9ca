/**
 * The pieces the sync acceptance tests and benchmarks share: a real central server on a fresh PostgreSQL database
 * (in this process) behind a fault proxy, counters (real cores) enrolled through it, dossiers with attachments and
 * scanned pages, and what each side holds, read from its own store.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { FsBlobStore } from '../../central/blobs/fs-blob-store';
import { createEnrolToken } from '../../central/store/devices';
import { startCentralServer, type CentralServer } from '../../central/server/index';
import type { Core } from '../../core/app';
import type { CoreOptions } from '../../core/app';
import type { Connection } from '../../core/rpc/connection';
import { expect } from 'vitest';
import { call, startCore, withAdmin, type TestCore } from './core';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { NGUYEN_THI_HUYNH, personInput } from './people';
import { tempDir } from './temp';
import { uploadId } from './uploads';

export const WARD = '000.27.10.H12';
/** Marital status confirmation: checklist TP1, TP2, no fee. */
export const MARITAL = '1.004873';

export interface CentralRig {
  server: CentralServer;
  proxy: FaultProxy;
  databaseUrl: string;
  blobDir: string;
  /** A pool on the central's database, for the admin's token and the checks. */
  db: pg.Pool;
  token(counterId: string): Promise<string>;
  close(): Promise<void>;
}

export async function startCentralRig(databaseUrl: string): Promise<CentralRig> {
  const blobs = tempDir('motcua-central-blobs-');
  const server = await startCentralServer({ databaseUrl, blobDir: blobs.dir, port: 0, host: '127.0.0.1' });
  const proxy = await startFaultProxy(server.url);
  const db = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  return {
    server,
    proxy,
    databaseUrl,
    blobDir: blobs.dir,
    db,
    token: (counterId) => createEnrolToken(db, counterId),
    async close() {
      await proxy.close();
      await server.close();
      await db.end();
      blobs.cleanup();
    },
  };
}

export interface Counter extends TestCore {
  admin: Connection;
}

/** A counter's core (no background worker: the tests drive runOnce), logged in as its administrator. */
export async function startCounter(opts: Partial<CoreOptions> = {}): Promise<Counter> {
  const t = await startCore({ ...opts, sync: { run: false, ...opts.sync } });
  return Object.assign(t, { admin: await withAdmin(t.core) });
}

export async function enrolCounter(c: Counter, central: string, token: string): Promise<void> {
  await call(c.core, c.admin, 'sync.enrol', { central, token });
}

/** A tiny JPEG that differs from every other one (its own SHA-256). */
export function tinyJpeg(bytes = 600): Buffer {
  return Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), randomBytes(bytes), Buffer.from('ffd9', 'hex')]);
}

/** A small PDF with its own content. */
export function tinyPdf(bytes = 2000): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n% '), Buffer.from(randomBytes(bytes).toString('base64')), Buffer.from('\ntrailer <<>>\n%%EOF\n')]);
}

let batchNo = 0;

/** Receives a dossier with these attachments (item TP1) and then `pages` scanned pages (item TP2), as a clerk would. */
export async function receiveDossier(c: Counter, opts: { attachments?: Buffer[]; pages?: number; pageBytes?: number } = {}): Promise<{ id: string; code: string | null }> {
  const attachments = [];
  for (const [i, data] of (opts.attachments ?? []).entries()) attachments.push({ itemCode: 'TP1', uploadId: await uploadId(c.core, c.admin, `giay-to-${i + 1}.pdf`, data) });
  const d = await call(c.core, c.admin, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(NGUYEN_THI_HUYNH), ...(attachments.length ? { attachments } : {}) });
  if (opts.pages) await addPages(c.core, d.id, opts.pages, opts.pageBytes);
  return { id: d.id, code: d.code };
}

/** Scanned pages straight into a dossier, processed (ready): each becomes an outbox 'file' event. */
export async function addPages(core: Core, dossierId: string, n: number, bytes = 600): Promise<void> {
  const s = core.services.pages;
  const actor = { kind: 'system' as const, name: 'test', role: 'admin' as const };
  const batchId = `sync${++batchNo}-${randomBytes(3).toString('hex')}`;
  const owner = { dossierId };
  s.createBatch({ id: batchId, owner, itemCode: 'TP2', device: 'folder:test', settings: '{}', actor });
  for (let i = 1; i <= n; i++) {
    const image = tinyJpeg(bytes);
    const p = s.addRaw({ owner, itemCode: 'TP2', batchId, batchSeq: i, bytes: image, mediaType: 'image/jpeg', widthPx: 40, heightPx: 20, dpi: 300, actor });
    s.completeProcessing(p.id, {
      image: { bytes: image, mediaType: 'image/jpeg', ext: 'jpg' },
      master: { bytes: image, mediaType: 'image/jpeg', ext: 'jpg' },
      thumb: { bytes: image, mediaType: 'image/jpeg', ext: 'jpg' },
      widthPx: 40,
      heightPx: 20,
      dpi: 300,
      rotation: 0,
      skewDeg: 0,
      deskewed: false,
      crop: null,
      blank: false,
      inkRatio: 0.1,
      content: 'photo',
      separator: null,
      timings: {},
    });
  }
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** The files a counter holds for its dossiers, hashed from the bytes on its disk: dossierId → sorted SHA-256s. */
export function counterFiles(t: Pick<TestCore, 'core' | 'dir'>): Map<string, string[]> {
  const files = path.join(t.dir, 'files');
  const out = new Map<string, string[]>();
  const add = (id: string, rel: string): void => {
    const list = out.get(id) ?? [];
    list.push(sha256(readFileSync(path.join(files, rel))));
    out.set(id, list.sort());
  };
  for (const r of t.core.db.prepare('SELECT dossier_id, stored_path FROM dossier_documents').all() as { dossier_id: string; stored_path: string }[]) add(r.dossier_id, r.stored_path);
  const pages = t.core.db
    .prepare("SELECT dossier_id, image_path FROM dossier_pages WHERE dossier_id IS NOT NULL AND kind = 'page' AND state = 'ready' AND removed_at IS NULL")
    .all() as { dossier_id: string; image_path: string }[];
  for (const r of pages) add(r.dossier_id, r.image_path);
  return out;
}

/** Every outbox row of a counter, in order per dossier: what the central must hold, once each. */
export function counterOutbox(t: Pick<TestCore, 'core'>): { dossier_id: string; seq: number; kind: string; state: string }[] {
  return t.core.db.prepare('SELECT dossier_id, seq, kind, state FROM sync_outbox ORDER BY dossier_id, seq').all() as never;
}

export interface CentralDossier {
  id: string;
  code: string;
  counter_id: string;
  last_seq: number;
}

/** What the central holds: dossiers, their events (in seq order) and files, and each stored blob re-hashed from disk. */
export async function centralHolds(rig: Pick<CentralRig, 'db' | 'blobDir'>): Promise<{
  dossiers: CentralDossier[];
  events: Map<string, { seq: number; kind: string; idempotency_key: string }[]>;
  files: Map<string, string[]>;
  blobHashes: Map<string, string>;
}> {
  const dossiers = (await rig.db.query<CentralDossier>('SELECT id::text AS id, code, counter_id, last_seq FROM dossiers ORDER BY code')).rows;
  const events = new Map<string, { seq: number; kind: string; idempotency_key: string }[]>();
  for (const e of (await rig.db.query<{ dossier_id: string; seq: number; kind: string; idempotency_key: string }>('SELECT dossier_id::text AS dossier_id, seq, kind, idempotency_key FROM dossier_events ORDER BY dossier_id, seq')).rows) {
    const list = events.get(e.dossier_id) ?? [];
    list.push({ seq: e.seq, kind: e.kind, idempotency_key: e.idempotency_key });
    events.set(e.dossier_id, list);
  }
  const files = new Map<string, string[]>();
  for (const f of (await rig.db.query<{ dossier_id: string; sha256: string }>('SELECT dossier_id::text AS dossier_id, sha256 FROM dossier_files')).rows) {
    files.set(f.dossier_id, [...(files.get(f.dossier_id) ?? []), f.sha256].sort());
  }
  // The bytes the server kept, hashed again: a blob's name is its claim, the bytes are the proof.
  const store = new FsBlobStore(rig.blobDir);
  const blobHashes = new Map<string, string>();
  for (const b of (await rig.db.query<{ sha256: string }>('SELECT sha256 FROM blobs WHERE stored_at IS NOT NULL')).rows) {
    const h = createHash('sha256');
    for await (const chunk of store.open(b.sha256)) h.update(chunk as Buffer);
    blobHashes.set(b.sha256, h.digest('hex'));
  }
  return { dossiers, events, files, blobHashes };
}

/** Runs `runOnce` until the outbox is empty, at most `rounds` times; returns how many rounds it took. */
export async function drain(core: Core, rounds = 20): Promise<{ rounds: number; remaining: number }> {
  let remaining = -1;
  for (let i = 1; i <= rounds; i++) {
    remaining = (await core.services.sync.runOnce()).remaining;
    if (remaining === 0) return { rounds: i, remaining };
  }
  return { rounds, remaining };
}

/** The central holds exactly what the counter recorded: each dossier once, its events 1..n in the counter's order
 *  with the counter's keys, its files by SHA-256, each blob's bytes hashing to its name; every outbox row sent. */
export async function expectCentralMatchesCounter(rig: Pick<CentralRig, 'db' | 'blobDir'>, counter: Pick<TestCore, 'core' | 'dir'>, counterId: string): Promise<void> {
  const held = await centralHolds(rig);
  const outbox = counterOutbox(counter);
  const local = counter.core.db.prepare('SELECT id, code FROM dossiers ORDER BY code').all() as { id: string; code: string }[];
  expect(held.dossiers.filter((d) => d.counter_id === counterId).map((d) => [d.id, d.code])).toEqual(local.map((d) => [d.id, d.code]));
  const files = counterFiles(counter);
  for (const d of local) {
    const mine = outbox.filter((o) => o.dossier_id === d.id);
    expect(mine.every((o) => o.state === 'sent'), d.code).toBe(true);
    expect(held.events.get(d.id), d.code).toEqual(mine.map((o) => ({ seq: o.seq, kind: o.kind, idempotency_key: `${d.id}:${o.seq}` })));
    expect(held.dossiers.find((x) => x.id === d.id)?.last_seq).toBe(mine.length);
    expect(held.files.get(d.id) ?? [], d.code).toEqual(files.get(d.id) ?? []);
    for (const sha of files.get(d.id) ?? []) expect(held.blobHashes.get(sha), sha).toBe(sha);
  }
}
