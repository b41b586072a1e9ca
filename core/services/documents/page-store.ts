/**
 * Scanned pages: durable files first, rows after, and nothing scanned ever erased (page-store-types.ts says what
 * the scan service relies on). Order of every change that touches files:
 *   1. the new files written durably (page-files.ts);           a crash here leaves files no row names: the
 *   2. the row written or updated in one transaction;             start-up sweep quarantines them (orphan-sweep.ts)
 *   3. files the row no longer names removed (the raw scan once processed, old images after a turn).
 * So a row never names a missing file. Positions stay dense per (owner, item) inside the same transactions.
 * The clerk's edits (pages.*) are page-edits.ts; the access rules they use are here: a tray's pages are its
 * owner's alone; a dossier's pages are any counter role's, like the dossier itself.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../contract/errors';
import type { Page } from '../../contract/scans';
import { EXTRA_ITEM_CODE } from '../../domain/dossier/checklist';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { EventPublisher } from '../../rpc/event-publisher';
import { inTransaction, type Db } from '../../store/database';
import { actorLabel, type Actor } from '../actor';
import type { AuditLog } from '../audit/audit-log';
import type { PipelineOutput } from '../scanning/pipeline/types';
import { OTHER_ITEM_CODE } from './attachments';
import type { FolderJournal } from './folder-journal';
import { PageFiles, type WrittenFile } from './page-files';
import { clampPosition, closeGap, getRow, itemCount, listRows, openGap, ownerColumns, ownerOf, toPage, type PageRow } from './page-rows';
import type { NewRawPage, PageOwner, PageStoreApi, ScanBatch } from './page-store-types';

/** Points between steps where a test makes the process "crash" (nothing in production sets it). */
export type PageStep = 'raw-written' | 'processed-written' | 'processed-recorded' | 'turned-written' | 'turned-recorded';

export interface PageStoreDeps {
  db: Db;
  /** <data>/files */
  filesDir: string;
  audit: AuditLog;
  clock: Clock;
  events: EventPublisher;
  logger?: Logger;
  step?: (s: PageStep) => void;
  /** Records the folders written into before their first file (the sweep at start reads it). */
  journal?: FolderJournal;
}

/** Whose tray a caller scans into: a user's id; a system actor (CLI, jobs) has its own tray by name. */
export function trayOwnerOf(actor: Actor): string {
  return actor.kind === 'user' ? String(actor.userId) : `system:${actor.name}`;
}

interface BatchRow {
  id: string;
  dossier_id: string | null;
  tray_owner: string | null;
  item_code: string;
  device: string;
  settings: string;
  status: string;
  last_seq: number | null;
}

/** A tray batch the clerk discarded while it was still scanning (reception.discardDraft). */
const DISCARDED = 'discarded';

export class PageStore implements PageStoreApi {
  /** The page files (page-edits.ts writes turned images through it too). */
  readonly files: PageFiles;

  constructor(private readonly d: PageStoreDeps) {
    this.files = new PageFiles(d.filesDir, d.journal);
  }

  /** @internal for page-edits.ts */
  now(): string {
    return this.d.clock.now().toISOString();
  }

  /** @internal for page-edits.ts */
  step(s: PageStep): void {
    this.d.step?.(s);
  }

  /** @internal for page-edits.ts */
  changed(owner: PageOwner): void {
    this.d.events.publish('pages.changed', 'dossierId' in owner ? { dossierId: owner.dossierId, trayOwner: null } : { dossierId: null, trayOwner: owner.trayOwner });
  }

  // ---------- batches ----------

  createBatch(b: { id: string; owner: PageOwner; itemCode: string; device: string; settings: string; actor: Actor }): ScanBatch {
    PageFiles.checkBatchId(b.id);
    inTransaction(this.d.db, () => {
      if (this.batch(b.id)) throw new AppError('PAGE_BATCH_EXISTS', { batchId: b.id });
      if ('dossierId' in b.owner) this.dossierItems(b.owner.dossierId);
      const o = ownerColumns(b.owner);
      this.d.db
        .prepare(
          `INSERT INTO scan_batches (id, dossier_id, tray_owner, item_code, device, settings, status, started_at, started_by)
           VALUES (?, ?, ?, ?, ?, ?, 'scanning', ?, ?)`,
        )
        .run(b.id, o.dossier_id, o.tray_owner, b.itemCode, b.device, b.settings, this.now(), actorLabel(b.actor));
      this.d.audit.append(b.actor, { action: 'scan.batch_started', entity: 'scan_batch', entityId: b.id, data: { ...o, itemCode: b.itemCode, device: b.device } });
    });
    return this.batch(b.id)!;
  }

  batch(id: string): ScanBatch | null {
    const r = this.d.db
      .prepare<[string], BatchRow>(
        `SELECT b.*, (SELECT MAX(batch_seq) FROM dossier_pages p WHERE p.batch_id = b.id) AS last_seq FROM scan_batches b WHERE b.id = ?`,
      )
      .get(id);
    if (!r) return null;
    return { id: r.id, owner: ownerOf(r), itemCode: r.item_code, device: r.device, settings: r.settings, status: r.status, lastSeq: r.last_seq ?? 0 };
  }

  setBatchStatus(id: string, status: string, error: { code: string; message: string } | null = null): void {
    const ended = status === 'scanning' ? null : this.now();
    const r = this.d.db
      .prepare('UPDATE scan_batches SET status = ?, error_code = ?, error_message = ?, ended_at = ? WHERE id = ?')
      .run(status, error?.code ?? null, error?.message ?? null, ended, id);
    if (r.changes === 0) throw new AppError('PAGE_BATCH_UNKNOWN', { batchId: id.slice(0, 100) });
  }

  // ---------- pages as they arrive ----------

  addRaw(p: NewRawPage): Page {
    PageFiles.checkBatchId(p.batchId);
    const existing = this.bySeq(p.batchId, p.batchSeq);
    if (existing) return toPage(existing);
    const status = this.d.db.prepare<[string], { status: string }>('SELECT status FROM scan_batches WHERE id = ?').get(p.batchId)?.status;
    if (status === undefined) throw new AppError('PAGE_BATCH_UNKNOWN', { batchId: p.batchId });
    const raw = this.files.write(this.files.name(p.batchId, p.batchSeq, 'raw', p.mediaType), p.bytes);
    this.step('raw-written');
    const id = randomUUID();
    let stored: PageRow | undefined;
    try {
      stored = inTransaction(this.d.db, () => {
        // Another writer (a second process) may have stored this page since: it keeps its file, we drop ours.
        const again = this.bySeq(p.batchId, p.batchSeq);
        if (again) return again;
        const now = this.now();
        // A page the device fed after the clerk discarded this tray batch (starting over) is kept, set aside.
        const setAside = status === DISCARDED;
        const position = setAside ? null : clampPosition(p.insertAt, itemCount(this.d.db, p.owner, p.itemCode));
        if (position !== null) openGap(this.d.db, p.owner, p.itemCode, position);
        this.d.db
          .prepare(
            `INSERT INTO dossier_pages (id, dossier_id, tray_owner, item_code, position, batch_id, batch_seq, state, kind,
               raw_path, raw_type, raw_bytes, raw_sha256, width, height, dpi, created_at, created_by, updated_at, removed_at, removed_by)
             VALUES (@id, @dossier_id, @tray_owner, @item, @position, @batch, @seq, 'raw', 'page',
               @path, @type, @bytes, @sha, @width, @height, @dpi, @now, @who, @now, @removedAt, @removedBy)`,
          )
          .run({
            id,
            ...ownerColumns(p.owner),
            item: p.itemCode,
            position,
            batch: p.batchId,
            seq: p.batchSeq,
            path: raw.rel,
            type: p.mediaType,
            bytes: raw.bytes,
            sha: raw.sha256,
            width: p.widthPx || null,
            height: p.heightPx || null,
            dpi: p.dpi || null,
            now,
            who: actorLabel(p.actor),
            removedAt: setAside ? now : null,
            removedBy: setAside ? 'system:tray-discarded' : null,
          });
        return getRow(this.d.db, id)!;
      });
    } catch (e) {
      this.files.remove(raw.rel);
      throw e;
    }
    if (stored.id !== id) {
      this.files.remove(raw.rel);
      return toPage(stored);
    }
    this.changed(p.owner);
    return toPage(stored);
  }

  readRaw(pageId: string): Buffer {
    const r = this.row(pageId);
    if (!r.raw_path) throw new AppError('PAGE_RAW_GONE', { pageId });
    return this.files.readVerified(r.raw_path);
  }

  pendingRaw(): Page[] {
    return this.d.db
      .prepare<[], PageRow>(`SELECT * FROM dossier_pages WHERE state = 'raw' ORDER BY created_at, batch_id, batch_seq`)
      .all()
      .map(toPage);
  }

  completeProcessing(pageId: string, out: PipelineOutput): Page {
    const before = this.row(pageId);
    if (before.state !== 'raw') return toPage(before);
    const seq = before.batch_seq ?? 0;
    const batch = before.batch_id ?? 'loose';
    // writeAll removes what it wrote when one write fails.
    const written = this.files.writeAll([
      { rel: this.files.name(batch, seq, 'image', out.image.mediaType), data: out.image.bytes },
      { rel: this.files.name(batch, seq, 'master', out.master.mediaType), data: out.master.bytes },
      { rel: this.files.name(batch, seq, 'thumb', out.thumb.mediaType), data: out.thumb.bytes },
    ]);
    const [image, master, thumb] = written as [WrittenFile, WrittenFile, WrittenFile];
    this.step('processed-written');
    let row: PageRow;
    try {
      row = inTransaction(this.d.db, () => {
        const r = this.row(pageId);
        if (r.state !== 'raw') return r;
        this.d.db
          .prepare(
            `UPDATE dossier_pages SET state = 'ready', kind = @kind, separator = @separator, raw_path = NULL,
               image_path = @imagePath, image_type = @imageType, image_bytes = @imageBytes, image_sha256 = @imageSha,
               master_path = @masterPath, master_type = @masterType, master_bytes = @masterBytes,
               thumb_path = @thumbPath, thumb_type = @thumbType, thumb_bytes = @thumbBytes,
               width = @width, height = @height, dpi = @dpi, rotation = @rotation, skew_deg = @skew, blank = @blank,
               content = @content, error_code = NULL, error_message = NULL, updated_at = @now
             WHERE id = @id`,
          )
          .run({
            id: pageId,
            kind: out.separator ? 'separator' : 'page',
            separator: out.separator ? JSON.stringify(out.separator) : null,
            imagePath: image.rel,
            imageType: out.image.mediaType,
            imageBytes: image.bytes,
            imageSha: image.sha256,
            masterPath: master.rel,
            masterType: out.master.mediaType,
            masterBytes: master.bytes,
            thumbPath: thumb.rel,
            thumbType: out.thumb.mediaType,
            thumbBytes: thumb.bytes,
            width: out.widthPx,
            height: out.heightPx,
            dpi: out.dpi,
            rotation: normaliseRotation(out.rotation),
            skew: out.skewDeg,
            blank: out.blank ? 1 : 0,
            content: out.content,
            now: this.now(),
          });
        return getRow(this.d.db, pageId)!;
      });
    } catch (e) {
      for (const f of written) this.files.remove(f.rel);
      throw e;
    }
    if (row.image_path !== image.rel) {
      // Someone else finished this page first: its files stand, ours go.
      for (const f of written) this.files.remove(f.rel);
      return toPage(row);
    }
    this.step('processed-recorded');
    // The row no longer names the raw scan: only now may it go.
    this.files.remove(before.raw_path);
    this.changed(ownerOf(row));
    return toPage(row);
  }

  markFailed(pageId: string, error: { code: string; message: string }): Page {
    const row = inTransaction(this.d.db, () => {
      const r = this.row(pageId);
      if (r.state === 'ready') return r;
      this.d.db
        .prepare(`UPDATE dossier_pages SET state = 'failed', error_code = ?, error_message = ?, updated_at = ? WHERE id = ?`)
        .run(error.code, error.message, this.now(), pageId);
      return getRow(this.d.db, pageId)!;
    });
    this.changed(ownerOf(row));
    return toPage(row);
  }

  setItem(pageId: string, itemCode: string): Page {
    const row = inTransaction(this.d.db, () => {
      const r = this.row(pageId);
      if (r.item_code === itemCode) return r;
      // A page the clerk removed meanwhile stays removed: only the item it would belong to changes.
      if (r.removed_at !== null) {
        this.d.db.prepare('UPDATE dossier_pages SET item_code = ?, updated_at = ? WHERE id = ?').run(itemCode, this.now(), r.id);
        return getRow(this.d.db, r.id)!;
      }
      return this.refile(r, itemCode, undefined);
    });
    this.changed(ownerOf(row));
    return toPage(row);
  }

  get(pageId: string): Page | null {
    const r = getRow(this.d.db, pageId);
    return r ? toPage(r) : null;
  }

  list(owner: PageOwner): Page[] {
    const rows = listRows(this.d.db, owner);
    if (!('dossierId' in owner)) return rows.map(toPage);
    // A dossier's items in its checklist's order; codes it does not name (none expected) last.
    const order = new Map(this.dossierItems(owner.dossierId).map((c, i) => [c, i]));
    const rank = (c: string) => order.get(c) ?? order.size;
    return rows
      .map((r, i) => ({ r, i }))
      .sort((a, b) => rank(a.r.item_code) - rank(b.r.item_code) || a.i - b.i)
      .map(({ r }) => toPage(r));
  }

  // ---------- reception: the clerk's tray becomes the dossier's ----------

  /**
   * Inside the receive transaction: the caller's tray pages (not removed) go to the new dossier, each to its item,
   * or to 'KHAC' when the procedure has no such item, in the tray's order. The tray's batches follow, so a stopped
   * batch continues into the dossier. Returns how many pages moved.
   */
  claimTray(db: Db, actor: Actor, dossierId: string, itemCodes: readonly string[]): number {
    if (!db.inTransaction) throw new Error('claimTray must run inside the receive transaction');
    const tray: PageOwner = { trayOwner: trayOwnerOf(actor) };
    const dossier: PageOwner = { dossierId };
    const known = new Set(itemCodes);
    const rows = listRows(db, tray);
    if (rows.length === 0) return 0;
    const move = db.prepare('UPDATE dossier_pages SET dossier_id = ?, tray_owner = NULL, item_code = ?, position = ?, updated_at = ? WHERE id = ?');
    const now = this.now();
    const next = new Map<string, number>();
    for (const r of rows) {
      const item = known.has(r.item_code) ? r.item_code : OTHER_ITEM_CODE;
      const pos = next.get(item) ?? itemCount(db, dossier, item) + 1;
      next.set(item, pos + 1);
      move.run(dossierId, item, pos, now, r.id);
    }
    db.prepare(
      `UPDATE scan_batches SET dossier_id = ?, tray_owner = NULL, item_code = CASE WHEN item_code IN (SELECT value FROM json_each(?)) THEN item_code ELSE ? END
       WHERE tray_owner = ?`,
    ).run(dossierId, JSON.stringify([...known]), OTHER_ITEM_CODE, tray.trayOwner);
    this.d.audit.append(actor, { action: 'pages.claimed', entity: 'dossier', entityId: dossierId, data: { pages: rows.length, pageIds: rows.map((r) => r.id) } });
    this.changed(tray);
    this.changed(dossier);
    return rows.length;
  }

  /**
   * The clerk starts over (reception.discardDraft): pages still in the tray belong to nobody's dossier now, so they
   * are set aside (removed, kept in the table and the audit log) rather than slipping into the next citizen's.
   */
  discardTray(actor: Actor): number {
    const tray: PageOwner = { trayOwner: trayOwnerOf(actor) };
    const n = inTransaction(this.d.db, () => {
      // Pages a stopped scan still delivers into these batches are set aside as they arrive (addRaw).
      this.d.db.prepare(`UPDATE scan_batches SET status = '${DISCARDED}' WHERE tray_owner = ? AND status = 'scanning'`).run(tray.trayOwner);
      const rows = listRows(this.d.db, tray);
      if (rows.length === 0) return 0;
      const now = this.now();
      const setAside = this.d.db.prepare('UPDATE dossier_pages SET removed_at = ?, removed_by = ?, position = NULL, updated_at = ? WHERE id = ?');
      for (const r of rows) setAside.run(now, actorLabel(actor), now, r.id);
      this.d.audit.append(actor, { action: 'pages.tray_discarded', entity: 'tray', entityId: tray.trayOwner, data: { pages: rows.length, pageIds: rows.map((r) => r.id) } });
      return rows.length;
    });
    if (n) this.changed(tray);
    return n;
  }

  // ---------- helpers ----------

  private bySeq(batchId: string, seq: number): PageRow | undefined {
    return this.d.db.prepare<[string, number], PageRow>('SELECT * FROM dossier_pages WHERE batch_id = ? AND batch_seq = ?').get(batchId, seq);
  }

  private row(pageId: string): PageRow {
    const r = getRow(this.d.db, pageId);
    if (!r) throw new AppError('PAGE_NOT_FOUND', { pageId: pageId.slice(0, 100) }, { field: 'pageId' });
    return r;
  }

  /** A page the caller may see: a tray page only by the tray's owner. */
  /** @internal for page-edits.ts */
  accessible(actor: Actor, pageId: string): PageRow {
    const r = this.row(pageId);
    if (r.tray_owner !== null && r.tray_owner !== trayOwnerOf(actor)) throw new AppError('PAGE_NOT_YOURS', {}, { field: 'pageId' });
    return r;
  }

  /** A page the caller may change: accessible and not removed. */
  /** @internal for page-edits.ts */
  editable(actor: Actor, pageId: string): PageRow {
    const r = this.accessible(actor, pageId);
    if (r.removed_at !== null) throw new AppError('PAGE_REMOVED', {}, { field: 'pageId' });
    return r;
  }

  /** The item codes a dossier's pages may be filed under: its checklist as received, and 'KHAC'. */
  /** @internal for page-edits.ts */
  dossierItems(dossierId: string): string[] {
    const d = this.d.db.prepare<[string], { checklist: string }>('SELECT checklist FROM dossiers WHERE id = ?').get(dossierId);
    if (!d) throw new AppError('DOSSIER_NOT_FOUND', { ref: dossierId.slice(0, 100) }, { field: 'dossierId' });
    const codes = (JSON.parse(d.checklist) as { itemCode: string }[]).map((l) => l.itemCode);
    return [...new Set([...codes, EXTRA_ITEM_CODE])];
  }

  /** Move a page (not removed) to an item and position of its owner, keeping both items dense. */
  /** @internal for page-edits.ts */
  refile(r: PageRow, itemCode: string, wanted: number | undefined): PageRow {
    if (r.removed_at !== null) throw new AppError('PAGE_REMOVED', {}, { field: 'pageId' });
    const owner = ownerOf(r);
    closeGap(this.d.db, owner, r.item_code, r.position!);
    // Take it out first, so the count and the gap below ignore it.
    this.d.db.prepare('UPDATE dossier_pages SET position = -1 WHERE id = ?').run(r.id);
    const count = itemCount(this.d.db, owner, itemCode) - (itemCode === r.item_code ? 1 : 0);
    const position = clampPosition(wanted, count);
    openGap(this.d.db, owner, itemCode, position);
    this.d.db.prepare('UPDATE dossier_pages SET item_code = ?, position = ?, updated_at = ? WHERE id = ?').run(itemCode, position, this.now(), r.id);
    return getRow(this.d.db, r.id)!;
  }

}

export function normaliseRotation(deg: number): number {
  return (((Math.round(deg / 90) * 90) % 360) + 360) % 360;
}

