/**
 * The page store against a real core: real SQLite, real files. Pages are stored once per (batch, seq), durably
 * before their rows, kept dense per item, taken from the clerk's tray by dossiers.receive in its transaction, and
 * a tray's pages are its owner's alone.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PAGE_IMAGE_CHUNK_BYTES } from '../../../core/contract/scans';
import { ManualClock } from '../../../core/platform/clock';
import type { Connection } from '../../../core/rpc/connection';
import type { EventPublisher } from '../../../core/rpc/event-publisher';
import type { Actor } from '../../../core/services/actor';
import { PageEdits } from '../../../core/services/documents/page-edits';
import { PageStore, trayOwnerOf, type PageStep } from '../../../core/services/documents/page-store';
import type { PageOwner } from '../../../core/services/documents/page-store-types';
import type { PipelineOutput } from '../../../core/services/scanning/pipeline/types';
import { call, conn, startCore, withAdmin, type TestCore } from '../../helpers/core';
import { NGUYEN_THI_HUYNH, personInput } from '../../helpers/people';

const WARD = '000.27.10.H12';
const MARITAL = '1.004873'; // checklist TP1, TP2, no fee

let t: TestCore;
let admin: Connection;
let published: { name: string; data: unknown }[];
const recorder: EventPublisher = { publish: (name, data) => void published.push({ name, data }) };

beforeEach(async () => {
  t = await startCore({ clock: new ManualClock(new Date('2026-11-24T02:30:00Z')) });
  admin = await withAdmin(t.core);
  published = [];
});
afterEach(() => t.close());

const filesDir = () => path.join(t.dir, 'files');
const adminActor: Actor = { kind: 'system', name: 'test', role: 'admin' };

/** The clerk's edits over a store (pages.* goes through the same class). */
function edit(s: PageStore): PageEdits {
  return new PageEdits(s, { db: t.core.db, audit: t.core.services.audit });
}

function store(step?: (s: PageStep) => void): PageStore {
  return new PageStore({ db: t.core.db, filesDir: filesDir(), audit: t.core.services.audit, clock: { now: () => new Date() }, events: recorder, ...(step ? { step } : {}) });
}

async function png(w = 40, h = 20): Promise<Buffer> {
  return sharp({ create: { width: w, height: h, channels: 3, background: '#ffffff' } }).png().toBuffer();
}

/** What the pipeline gives for a w×h text page: a G4 TIFF, a grayscale PNG master, a JPEG thumbnail. */
async function processed(w = 40, h = 20, image?: Buffer): Promise<PipelineOutput> {
  const base = sharp({ create: { width: w, height: h, channels: 3, background: '#ffffff' } });
  return {
    image: image
      ? { bytes: image, mediaType: 'image/jpeg', ext: 'jpg' }
      : { bytes: await base.clone().toColourspace('b-w').tiff({ compression: 'ccittfax4', bitdepth: 1 }).toBuffer(), mediaType: 'image/tiff', ext: 'tif' },
    master: { bytes: await base.clone().toColourspace('b-w').png().toBuffer(), mediaType: 'image/png', ext: 'png' },
    thumb: { bytes: await base.clone().jpeg().toBuffer(), mediaType: 'image/jpeg', ext: 'jpg' },
    widthPx: w,
    heightPx: h,
    dpi: 300,
    rotation: 0,
    skewDeg: 0.1,
    deskewed: false,
    crop: null,
    blank: true,
    inkRatio: 0,
    content: image ? 'photo' : 'text',
    separator: null,
    timings: {},
  };
}

let batchNo = 0;
function newBatch(s: PageStore, owner: PageOwner, itemCode = 'TP1', actor: Actor = adminActor): string {
  const id = `b${++batchNo}-${randomBytes(3).toString('hex')}`;
  s.createBatch({ id, owner, itemCode, device: 'folder:test', settings: '{}', actor });
  return id;
}

async function addPage(s: PageStore, owner: PageOwner, batchId: string, seq: number, itemCode = 'TP1', extra: { insertAt?: number; actor?: Actor } = {}) {
  return s.addRaw({ owner, itemCode, batchId, batchSeq: seq, bytes: await png(), mediaType: 'image/png', widthPx: 40, heightPx: 20, dpi: 300, actor: extra.actor ?? adminActor, ...(extra.insertAt ? { insertAt: extra.insertAt } : {}) });
}

interface PathRow {
  id: string;
  raw_path: string | null;
  raw_sha256: string | null;
  image_path: string | null;
  image_sha256: string | null;
  master_path: string | null;
  thumb_path: string | null;
}
function pathRows(): PathRow[] {
  return t.core.db.prepare('SELECT id, raw_path, raw_sha256, image_path, image_sha256, master_path, thumb_path FROM dossier_pages').all() as PathRow[];
}
/** Every file a row names exists and has the bytes the row recorded. */
function assertRowsPointAtFiles(): void {
  const sha = (rel: string) => createHash('sha256').update(readFileSync(path.join(filesDir(), rel))).digest('hex');
  for (const r of pathRows()) {
    for (const rel of [r.raw_path, r.image_path, r.master_path, r.thumb_path]) if (rel) expect(existsSync(path.join(filesDir(), rel)), `${r.id}: ${rel}`).toBe(true);
    if (r.raw_path) expect(sha(r.raw_path)).toBe(r.raw_sha256);
    if (r.image_path) expect(sha(r.image_path)).toBe(r.image_sha256);
  }
}
function scanFiles(): string[] {
  const root = path.join(filesDir(), 'scans');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(filesDir(), path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
const layout = (pages: { itemCode: string; position: number; id: string }[]) => pages.map((p) => `${p.itemCode}:${p.position}:${p.id}`);

async function receive(c: Connection, extra: Record<string, unknown> = {}) {
  return t.core.dispatch(c, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(NGUYEN_THI_HUYNH), ...extra } as never);
}

async function clerk(username: string): Promise<{ c: Connection; actor: Actor }> {
  const u = await call(t.core, admin, 'users.create', { username, displayName: 'Nguyễn Văn A', role: 'clerk', password: 'dung-mat-khau' });
  const c = conn(t.core);
  await call(t.core, c, 'auth.login', { username, password: 'dung-mat-khau' });
  return { c, actor: { kind: 'user', userId: u.id, username, role: 'clerk' } };
}

describe('storing pages as they arrive', () => {
  it('stores a page once however often it arrives (same batch and number)', async () => {
    const s = store();
    const tray: PageOwner = { trayOwner: 'u1' };
    const b = newBatch(s, tray);
    const first = await addPage(s, tray, b, 1);
    const again = await addPage(s, tray, b, 1);
    const second = await addPage(s, tray, b, 2);
    expect(again.id).toBe(first.id);
    expect(s.list(tray).map((p) => [p.id, p.position])).toEqual([[first.id, 1], [second.id, 2]]);
    expect(scanFiles()).toHaveLength(2);
    expect(s.batch(b)?.lastSeq).toBe(2);
    // A second store (another process, a restart) is no different.
    expect((await addPage(store(), tray, b, 1)).id).toBe(first.id);
    expect(scanFiles()).toHaveLength(2);
  });

  it('keeps the raw scan until its processed files are recorded, then drops only the raw file', async () => {
    const s = store();
    const tray: PageOwner = { trayOwner: 'u1' };
    const b = newBatch(s, tray);
    const p = await addPage(s, tray, b, 1);
    expect(s.pendingRaw().map((x) => x.id)).toEqual([p.id]);
    expect(s.readRaw(p.id)).toEqual(await png());
    const done = s.completeProcessing(p.id, await processed());
    expect(done).toMatchObject({ state: 'ready', mediaType: 'image/tiff', blank: true, blankReviewed: false, dpi: 300, skewDeg: 0.1 });
    expect(s.pendingRaw()).toEqual([]);
    expect(scanFiles().filter((f) => f.includes('.raw.'))).toEqual([]);
    expect(scanFiles()).toHaveLength(3);
    assertRowsPointAtFiles();
    expect(published.filter((e) => e.name === 'pages.changed')).toContainEqual({ name: 'pages.changed', data: { dossierId: null, trayOwner: 'u1' } });
  });

  // How many files each crash leaves that no row names (what the start-up sweep quarantines). A turn that fails
  // before its row is written removes its own new files (an error, not a kill, stops it there).
  const steps: [PageStep, number][] = [['raw-written', 1], ['processed-written', 3], ['processed-recorded', 1], ['turned-written', 0], ['turned-recorded', 3]];
  it.each(steps)('a crash at "%s" leaves no row naming a missing file, and the page can still be finished', async (at, orphans) => {
    const crash = (s: PageStep) => {
      if (s === at) throw new Error(`crash at ${s}`);
    };
    const tray: PageOwner = { trayOwner: trayOwnerOf(adminActor) };
    const b = newBatch(store(), tray);
    const run = async (s: PageStore) => {
      const p = await addPage(s, tray, b, 1);
      if (p.state === 'raw') s.completeProcessing(p.id, await processed());
      await edit(s).rotate(adminActor, { pageId: p.id, quarterTurns: 1 });
    };
    await expect(run(store(crash))).rejects.toThrow(`crash at ${at}`);
    assertRowsPointAtFiles();
    // After the "restart" the work completes from what was kept; still one page.
    if (at === 'turned-recorded') {
      expect(store().list(tray)[0]).toMatchObject({ rotation: 90, widthPx: 20, heightPx: 40 });
    } else {
      await run(store());
      expect(store().list(tray)).toMatchObject([{ state: 'ready', rotation: 90, widthPx: 20, heightPx: 40 }]);
    }
    assertRowsPointAtFiles();
    // Files left by the crash are named by no row: exactly what the start-up sweep quarantines.
    const named = new Set(pathRows().flatMap((r) => [r.raw_path, r.image_path, r.master_path, r.thumb_path]).filter(Boolean));
    expect(scanFiles().filter((f) => !named.has(f))).toHaveLength(orphans);
    expect(pathRows()).toHaveLength(1);
  });
});

describe('order of pages', () => {
  it('keeps positions dense per item through insert, move and remove', async () => {
    const s = store();
    const owner: PageOwner = { trayOwner: trayOwnerOf(adminActor) };
    const b = newBatch(s, owner);
    const ids: string[] = [];
    for (let i = 1; i <= 4; i++) ids.push((await addPage(s, owner, b, i)).id);
    const inserted = (await addPage(s, owner, b, 5, 'TP1', { insertAt: 2 })).id;
    expect(layout(s.list(owner))).toEqual(layout([ids[0]!, inserted, ids[1]!, ids[2]!, ids[3]!].map((id, i) => ({ itemCode: 'TP1', position: i + 1, id }))));
    // To another item, then within it, then back past the end (clamped).
    edit(s).move(adminActor, { pageId: ids[1]!, itemCode: 'TP2', position: 7 });
    edit(s).move(adminActor, { pageId: ids[3]!, itemCode: 'TP2', position: 1 });
    edit(s).move(adminActor, { pageId: ids[0]!, itemCode: 'TP1', position: 99 });
    edit(s).remove(adminActor, { pageId: inserted });
    expect(layout(s.list(owner))).toEqual([
      `TP1:1:${ids[2]}`,
      `TP1:2:${ids[0]}`,
      `TP2:1:${ids[3]}`,
      `TP2:2:${ids[1]}`,
    ]);
    // Removed is kept, with who and when, and the audit says so; it can no longer be changed.
    const gone = t.core.db.prepare('SELECT removed_at, removed_by, position FROM dossier_pages WHERE id = ?').get(inserted) as Record<string, unknown>;
    expect(gone).toMatchObject({ removed_by: 'system:test', position: null });
    expect(gone.removed_at).toBeTruthy();
    expect(() => edit(s).move(adminActor, { pageId: inserted, itemCode: 'TP1', position: 1 })).toThrow('PAGE_REMOVED');
    const actions = (t.core.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'page.%'").all() as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(['page.moved', 'page.moved', 'page.moved', 'page.removed']);
    // A page arriving after the edits goes last in its item.
    const late = await addPage(s, owner, b, 6);
    expect(late.position).toBe(3);
    // Separators re-file pages (setItem): to the end of the new item; the same item or a removed page moves nothing.
    expect(s.setItem(ids[2]!, 'TP1').position).toBe(1);
    expect(s.setItem(ids[2]!, 'TP2')).toMatchObject({ itemCode: 'TP2', position: 3 });
    expect(s.setItem(inserted, 'TP2')).toMatchObject({ itemCode: 'TP2', position: 0 });
    expect(layout(s.list(owner))).toEqual([`TP1:1:${ids[0]}`, `TP1:2:${late.id}`, `TP2:1:${ids[3]}`, `TP2:2:${ids[1]}`, `TP2:3:${ids[2]}`]);
  });

  it("checks a dossier's item codes against its checklist; a tray takes any code", async () => {
    const r = await receive(admin);
    if (!r.ok) throw new Error(r.error.code);
    const dossierId = (r.value as { id: string }).id;
    const s = store();
    const b = newBatch(s, { dossierId });
    const p = await addPage(s, { dossierId }, b, 1);
    expect(() => edit(s).move(adminActor, { pageId: p.id, itemCode: 'NOPE', position: 1 })).toThrow('DOSSIER_UNKNOWN_ITEM');
    expect(edit(s).move(adminActor, { pageId: p.id, itemCode: 'KHAC', position: 1 })).toMatchObject([{ id: p.id, itemCode: 'KHAC', position: 1 }]);
    const tray: PageOwner = { trayOwner: trayOwnerOf(adminActor) };
    const q = await addPage(s, tray, newBatch(s, tray), 1);
    expect(edit(s).move(adminActor, { pageId: q.id, itemCode: 'ANY', position: 1 })).toMatchObject([{ id: q.id, itemCode: 'ANY', position: 1 }]);
  });
});

describe('reception takes the tray', () => {
  it('moves the clerk’s tray pages into the received dossier (unknown items to KHAC), in the receive transaction', async () => {
    const { c, actor } = await clerk('clerk1');
    const s = store();
    const tray: PageOwner = { trayOwner: trayOwnerOf(actor) };
    const b = newBatch(s, tray, 'TP1', actor);
    const p1 = await addPage(s, tray, b, 1, 'TP1', { actor });
    const p2 = await addPage(s, tray, b, 2, 'LA', { actor });
    const p3 = await addPage(s, tray, b, 3, 'TP1', { actor });

    // Refused: the pages stay in the tray.
    const refused = await t.core.dispatch(c, 'dossiers.refuse', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(NGUYEN_THI_HUYNH), reason: 'Không đúng thẩm quyền' });
    expect(refused.ok).toBe(true);
    expect(s.list(tray)).toHaveLength(3);

    // A receive that fails inside its transaction (after the pages were claimed) leaves them in the tray.
    t.core.db.exec(`CREATE TEMP TRIGGER fail_claim BEFORE INSERT ON audit_log WHEN NEW.action = 'pages.claimed' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
    const failed = await receive(c, { trayPages: true });
    expect(failed.ok).toBe(false);
    expect(layout(s.list(tray))).toEqual([`LA:1:${p2.id}`, `TP1:1:${p1.id}`, `TP1:2:${p3.id}`]);
    expect(t.core.db.prepare("SELECT COUNT(*) AS n FROM dossiers WHERE state = 'received'").get()).toEqual({ n: 0 });
    t.core.db.exec('DROP TRIGGER fail_claim');

    // Without trayPages the tray is left alone.
    const plain = await receive(c);
    expect(plain.ok).toBe(true);
    expect(s.list(tray)).toHaveLength(3);

    const publish = vi.spyOn(t.core.events, 'publish');
    const ok = await receive(c, { trayPages: true });
    if (!ok.ok) throw new Error(ok.error.code);
    const dossierId = (ok.value as { id: string }).id;
    expect(s.list(tray)).toEqual([]);
    expect(layout(s.list({ dossierId }))).toEqual([`TP1:1:${p1.id}`, `TP1:2:${p3.id}`, `KHAC:1:${p2.id}`]);
    expect(s.batch(b)).toMatchObject({ owner: { dossierId }, itemCode: 'TP1' });
    expect(publish.mock.calls).toContainEqual(['pages.changed', { dossierId: null, trayOwner: trayOwnerOf(actor) }]);
    expect(publish.mock.calls).toContainEqual(['pages.changed', { dossierId, trayOwner: null }]);
    // The same list through the contract, and the next page of the batch continues into the dossier.
    expect((await call(t.core, c, 'pages.list', { dossierId })).map((p) => p.id)).toEqual([p1.id, p3.id, p2.id]);
  });

  it('a refused dossier takes its scanned pages too; starting over sets the tray aside, never into the next dossier', async () => {
    const { c, actor } = await clerk('clerk2');
    const s = store();
    const tray: PageOwner = { trayOwner: trayOwnerOf(actor) };
    const p1 = await addPage(s, tray, newBatch(s, tray, 'TP1', actor), 1, 'TP1', { actor });
    const refused = await t.core.dispatch(c, 'dossiers.refuse', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(NGUYEN_THI_HUYNH), reason: 'Không đúng thẩm quyền', trayPages: true });
    if (!refused.ok) throw new Error(refused.error.code);
    expect(s.list(tray)).toEqual([]);
    expect(s.list({ dossierId: (refused.value as { id: string }).id }).map((p) => p.id)).toEqual([p1.id]);

    // Pages scanned for a dossier the clerk then abandons: discarding the draft sets them aside (kept, audited).
    const p2 = await addPage(s, tray, newBatch(s, tray, 'TP1', actor), 1, 'TP1', { actor });
    await call(t.core, c, 'reception.discardDraft', {});
    expect(s.list(tray)).toEqual([]);
    expect(t.core.db.prepare('SELECT removed_by IS NOT NULL AS removed, position FROM dossier_pages WHERE id = ?').get(p2.id)).toEqual({ removed: 1, position: null });
    const next = await receive(c, { trayPages: true });
    if (!next.ok) throw new Error(next.error.code);
    expect(s.list({ dossierId: (next.value as { id: string }).id })).toEqual([]);
    expect(t.core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'pages.tray_discarded'").get()).toEqual({ n: 1 });
  });
});

describe('pages.* through the contract', () => {
  it('serves a page image in chunks, refuses an offset past the end and an image not made yet', async () => {
    const { c, actor } = await clerk('clerk1');
    const s = t.core.services.pages;
    const tray: PageOwner = { trayOwner: trayOwnerOf(actor) };
    const b = newBatch(s, tray, 'TP1', actor);
    const p = await addPage(s, tray, b, 1, 'TP1', { actor });
    const notYet = await t.core.dispatch(c, 'pages.image', { pageId: p.id, variant: 'thumb' });
    expect(notYet.ok ? 'ok' : notYet.error.code).toBe('PAGE_NOT_READY');
    const big = randomBytes(PAGE_IMAGE_CHUNK_BYTES + 12_345);
    s.completeProcessing(p.id, await processed(40, 20, big));
    const parts: Buffer[] = [];
    let offset = 0;
    for (;;) {
      const chunk = await call(t.core, c, 'pages.image', { pageId: p.id, variant: 'image', offset });
      expect(chunk).toMatchObject({ pageId: p.id, mediaType: 'image/jpeg', bytes: big.length, offset });
      parts.push(Buffer.from(chunk.dataBase64, 'base64'));
      if (chunk.next >= chunk.bytes) break;
      offset = chunk.next;
    }
    expect(parts.map((x) => x.length)).toEqual([PAGE_IMAGE_CHUNK_BYTES, 12_345]);
    expect(Buffer.concat(parts).equals(big)).toBe(true);
    const past = await t.core.dispatch(c, 'pages.image', { pageId: p.id, variant: 'image', offset: big.length + 1 });
    expect(past.ok ? 'ok' : past.error.code).toBe('PAGE_BAD_OFFSET');
    const thumb = await call(t.core, c, 'pages.image', { pageId: p.id });
    expect(thumb.mediaType).toBe('image/jpeg');
    expect((await sharp(Buffer.from(thumb.dataBase64, 'base64')).metadata()).width).toBe(40);
  });

  it("refuses another clerk's tray pages, and each clerk's tray lists only their own", async () => {
    const one = await clerk('clerk1');
    const two = await clerk('clerk2');
    const s = t.core.services.pages;
    const tray: PageOwner = { trayOwner: trayOwnerOf(one.actor) };
    const b = newBatch(s, tray, 'TP1', one.actor);
    const p = await addPage(s, tray, b, 1, 'TP1', { actor: one.actor });
    s.completeProcessing(p.id, await processed());
    expect((await call(t.core, one.c, 'pages.list', { tray: true })).map((x) => x.id)).toEqual([p.id]);
    expect(await call(t.core, two.c, 'pages.list', { tray: true })).toEqual([]);
    const codeOf = async (m: Promise<{ ok: boolean; error?: { code: string } }>) => m.then((r) => (r.ok ? 'ok' : r.error!.code));
    expect(await codeOf(t.core.dispatch(two.c, 'pages.image', { pageId: p.id }))).toBe('PAGE_NOT_YOURS');
    expect(await codeOf(t.core.dispatch(two.c, 'pages.move', { pageId: p.id, itemCode: 'TP2', position: 1 }))).toBe('PAGE_NOT_YOURS');
    expect(await codeOf(t.core.dispatch(two.c, 'pages.rotate', { pageId: p.id, quarterTurns: 1 }))).toBe('PAGE_NOT_YOURS');
    expect(await codeOf(t.core.dispatch(two.c, 'pages.remove', { pageId: p.id }))).toBe('PAGE_NOT_YOURS');
    expect(await codeOf(t.core.dispatch(two.c, 'pages.keepBlank', { pageId: p.id }))).toBe('PAGE_NOT_YOURS');
    expect(s.list(tray)).toMatchObject([{ id: p.id, itemCode: 'TP1', rotation: 0, blankReviewed: false }]);
    // The owner can.
    expect(await codeOf(t.core.dispatch(one.c, 'pages.keepBlank', { pageId: p.id }))).toBe('ok');
    expect(s.get(p.id)?.blankReviewed).toBe(true);
  });

  it('turns a page by quarter turns, re-making its files and removing the old ones', async () => {
    const { c, actor } = await clerk('clerk1');
    const s = t.core.services.pages;
    const tray: PageOwner = { trayOwner: trayOwnerOf(actor) };
    const p = await addPage(s, tray, newBatch(s, tray, 'TP1', actor), 1, 'TP1', { actor });
    s.completeProcessing(p.id, await processed(60, 20));
    const before = scanFiles();
    const turned = await call(t.core, c, 'pages.rotate', { pageId: p.id, quarterTurns: 1 });
    expect(turned).toMatchObject({ rotation: 90, widthPx: 20, heightPx: 60 });
    const after = scanFiles();
    expect(after).toHaveLength(3);
    expect(after.filter((f) => before.includes(f))).toEqual([]);
    assertRowsPointAtFiles();
    const row = t.core.db.prepare('SELECT image_path, master_path FROM dossier_pages WHERE id = ?').get(p.id) as { image_path: string; master_path: string };
    for (const rel of [row.image_path, row.master_path]) expect(await sharp(path.join(filesDir(), rel)).metadata()).toMatchObject({ width: 20, height: 60 });
    expect(await call(t.core, c, 'pages.rotate', { pageId: p.id, quarterTurns: -3 })).toMatchObject({ rotation: 180, widthPx: 60, heightPx: 20 });
    const raw = await t.core.dispatch(c, 'pages.rotate', { pageId: (await addPage(s, tray, p.batchId!, 2, 'TP1', { actor })).id, quarterTurns: 1 });
    expect(raw.ok ? 'ok' : raw.error.code).toBe('PAGE_NOT_READY');
  });
});
