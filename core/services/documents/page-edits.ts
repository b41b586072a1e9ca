/**
 * The clerk's edits of scanned pages (pages.*): list, move (reorder or re-file), remove (set aside, never erased),
 * keep a page flagged blank, turn by quarter turns, read an image in chunks. Access and the rows' rules are the page
 * store's (page-store.ts); a turn keeps its order: new files durable, then the row, then the old files removed.
 */
import { AppError } from '../../contract/errors';
import { PAGE_IMAGE_CHUNK_BYTES, type Page } from '../../contract/scans';
import { inTransaction } from '../../store/database';
import { actorLabel, type Actor } from '../actor';
import type { WrittenFile } from './page-files';
import { closeGap, getRow, ownerColumns, ownerOf, toPage, type PageRow } from './page-rows';
import { turnImages } from './page-rotate';
import { normaliseRotation, trayOwnerOf, type PageStore, type PageStoreDeps } from './page-store';

export interface PageChunk {
  pageId: string;
  mediaType: string;
  bytes: number;
  offset: number;
  dataBase64: string;
  next: number;
}

export class PageEdits {
  /** Turns of one page run one after another (each reads the files the previous one wrote). */
  private readonly turning = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: PageStore,
    private readonly d: Pick<PageStoreDeps, 'db' | 'audit'>,
  ) {}

  listFor(actor: Actor, input: { dossierId: string } | { tray: true }): Page[] {
    if ('tray' in input) return this.store.list({ trayOwner: trayOwnerOf(actor) });
    return this.store.list({ dossierId: input.dossierId });
  }

  move(actor: Actor, input: { pageId: string; itemCode: string; position: number }): Page[] {
    const owner = inTransaction(this.d.db, () => {
      const r = this.store.editable(actor, input.pageId);
      const owner = ownerOf(r);
      if ('dossierId' in owner && !this.store.dossierItems(owner.dossierId).includes(input.itemCode)) {
        throw new AppError('DOSSIER_UNKNOWN_ITEM', { itemCode: input.itemCode }, { field: 'itemCode' });
      }
      const after = this.store.refile(r, input.itemCode, input.position);
      this.d.audit.append(actor, {
        action: 'page.moved',
        entity: 'page',
        entityId: r.id,
        data: { ...ownerColumns(owner), from: { itemCode: r.item_code, position: r.position }, to: { itemCode: after.item_code, position: after.position } },
      });
      return owner;
    });
    this.store.changed(owner);
    return this.store.list(owner);
  }

  remove(actor: Actor, input: { pageId: string }): Page[] {
    const owner = inTransaction(this.d.db, () => {
      const r = this.store.accessible(actor, input.pageId);
      const owner = ownerOf(r);
      if (r.removed_at !== null) return owner;
      this.d.db.prepare('UPDATE dossier_pages SET removed_at = ?, removed_by = ?, position = NULL, updated_at = ? WHERE id = ?').run(this.store.now(), actorLabel(actor), this.store.now(), r.id);
      closeGap(this.d.db, owner, r.item_code, r.position!);
      this.d.audit.append(actor, { action: 'page.removed', entity: 'page', entityId: r.id, data: { ...ownerColumns(owner), itemCode: r.item_code, position: r.position } });
      return owner;
    });
    this.store.changed(owner);
    return this.store.list(owner);
  }

  keepBlank(actor: Actor, input: { pageId: string }): Page {
    const row = inTransaction(this.d.db, () => {
      const r = this.store.editable(actor, input.pageId);
      if (r.blank_reviewed === 1) return r;
      this.d.db.prepare('UPDATE dossier_pages SET blank_reviewed = 1, updated_at = ? WHERE id = ?').run(this.store.now(), r.id);
      this.d.audit.append(actor, { action: 'page.blank_kept', entity: 'page', entityId: r.id, data: { ...ownerColumns(ownerOf(r)), blank: r.blank === 1 } });
      return getRow(this.d.db, r.id)!;
    });
    this.store.changed(ownerOf(row));
    return toPage(row);
  }

  /** Quarter turns clockwise; the new files are durable before the row names them, the old ones go after. */
  rotate(actor: Actor, input: { pageId: string; quarterTurns: number }): Promise<Page> {
    const prior = this.turning.get(input.pageId) ?? Promise.resolve();
    const run = prior.catch(() => undefined).then(() => this.turn(actor, input.pageId, input.quarterTurns));
    // The entry is the settled tail itself, so the last turn of a page removes it (no entry per page kept for ever).
    const tail: Promise<unknown> = run.then(
      () => undefined,
      () => undefined,
    ).finally(() => {
      if (this.turning.get(input.pageId) === tail) this.turning.delete(input.pageId);
    });
    this.turning.set(input.pageId, tail);
    return run;
  }

  private async turn(actor: Actor, pageId: string, quarterTurns: number): Promise<Page> {
    const r = this.store.editable(actor, pageId);
    const q = (((quarterTurns % 4) + 4) % 4) as 0 | 1 | 2 | 3;
    if (r.state !== 'ready' || !r.image_path || !r.master_path || !r.image_type) throw new AppError('PAGE_NOT_READY', { pageId });
    if (q === 0) return toPage(r);
    const turned = await turnImages({ image: this.store.files.readVerified(r.image_path), imageType: r.image_type, master: this.store.files.readVerified(r.master_path) }, q);
    const batch = r.batch_id ?? 'loose';
    const seq = r.batch_seq ?? 0;
    const written: WrittenFile[] = [];
    let row: PageRow;
    try {
      const files = this.store.files;
      const [image, master, thumb] = files.writeAll([
        { rel: files.name(batch, seq, 'image', r.image_type), data: turned.image },
        { rel: files.name(batch, seq, 'master', r.master_type ?? 'image/png'), data: turned.master },
        { rel: files.name(batch, seq, 'thumb', 'image/jpeg'), data: turned.thumb },
      ]) as [WrittenFile, WrittenFile, WrittenFile];
      written.push(image, master, thumb);
      this.store.step('turned-written');
      row = inTransaction(this.d.db, () => {
        const now = this.store.editable(actor, pageId);
        // The page changed while the images were turned (removed, re-processed): nothing of ours is kept.
        if (now.image_path !== r.image_path || now.master_path !== r.master_path) throw new AppError('PAGE_CHANGED', { pageId });
        const odd = q % 2 === 1;
        this.d.db
          .prepare(
            `UPDATE dossier_pages SET image_path = @imagePath, image_bytes = @imageBytes, image_sha256 = @imageSha,
               master_path = @masterPath, master_bytes = @masterBytes, thumb_path = @thumbPath, thumb_type = 'image/jpeg', thumb_bytes = @thumbBytes,
               rotation = @rotation, width = @width, height = @height, updated_at = @now WHERE id = @id`,
          )
          .run({
            id: pageId,
            imagePath: image.rel,
            imageBytes: image.bytes,
            imageSha: image.sha256,
            masterPath: master.rel,
            masterBytes: master.bytes,
            thumbPath: thumb.rel,
            thumbBytes: thumb.bytes,
            rotation: normaliseRotation(r.rotation + q * 90),
            width: odd ? r.height : r.width,
            height: odd ? r.width : r.height,
            now: this.store.now(),
          });
        this.d.audit.append(actor, { action: 'page.rotated', entity: 'page', entityId: pageId, data: { ...ownerColumns(ownerOf(r)), quarterTurns: q, rotation: normaliseRotation(r.rotation + q * 90) } });
        return getRow(this.d.db, pageId)!;
      });
    } catch (e) {
      for (const f of written) this.store.files.remove(f.rel);
      throw e;
    }
    this.store.step('turned-recorded');
    for (const old of [r.image_path, r.master_path, r.thumb_path]) this.store.files.remove(old);
    this.store.changed(ownerOf(row));
    return toPage(row);
  }

  /** pages.image: one chunk of the thumbnail, the processed image or the master. Opening a full image is audited. */
  image(actor: Actor, input: { pageId: string; variant: 'thumb' | 'image' | 'master'; offset: number }): PageChunk {
    const r = this.store.accessible(actor, input.pageId);
    const [rel, type, bytes] =
      input.variant === 'thumb' ? [r.thumb_path, r.thumb_type, r.thumb_bytes] : input.variant === 'master' ? [r.master_path, r.master_type, r.master_bytes] : [r.image_path, r.image_type, r.image_bytes];
    if (!rel || !type || bytes === null) throw new AppError('PAGE_NOT_READY', { pageId: r.id });
    if (input.offset > bytes) throw new AppError('PAGE_BAD_OFFSET', { offset: input.offset, bytes }, { field: 'offset' });
    const length = Math.min(PAGE_IMAGE_CHUNK_BYTES, bytes - input.offset);
    const data = this.store.files.readRange(rel, bytes, input.offset, length);
    if (input.offset === 0 && input.variant !== 'thumb') {
      inTransaction(this.d.db, () =>
        this.d.audit.append(actor, { action: 'page.read', entity: 'page', entityId: r.id, data: { ...ownerColumns(ownerOf(r)), variant: input.variant } }),
      );
    }
    return {
      pageId: r.id,
      mediaType: type,
      bytes,
      offset: input.offset,
      dataBase64: data.toString('base64'),
      next: input.offset + length,
    };
  }
}
