/**
 * The dossier_pages row, its mapping to the contract's Page, and the ordering rules: positions are 1-based and
 * dense per (owner, item) among pages not removed. Every function here runs inside the caller's transaction.
 */
import type { Page } from '../../contract/scans';
import type { Db } from '../../store/database';
import type { PageOwner } from './page-store-types';

export interface PageRow {
  id: string;
  dossier_id: string | null;
  tray_owner: string | null;
  item_code: string;
  position: number | null;
  batch_id: string | null;
  batch_seq: number | null;
  state: 'raw' | 'ready' | 'failed';
  kind: 'page' | 'separator';
  separator: string | null;
  raw_path: string | null;
  raw_type: string | null;
  raw_bytes: number | null;
  raw_sha256: string | null;
  image_path: string | null;
  image_type: string | null;
  image_bytes: number | null;
  image_sha256: string | null;
  master_path: string | null;
  master_type: string | null;
  master_bytes: number | null;
  thumb_path: string | null;
  thumb_type: string | null;
  thumb_bytes: number | null;
  width: number | null;
  height: number | null;
  dpi: number | null;
  rotation: number;
  skew_deg: number | null;
  blank: number;
  blank_reviewed: number;
  content: 'text' | 'photo' | null;
  error_code: string | null;
  error_message: string | null;
  removed_at: string | null;
  removed_by: string | null;
  created_at: string;
  created_by: string;
}

export function toPage(r: PageRow): Page {
  return {
    id: r.id,
    dossierId: r.dossier_id,
    itemCode: r.item_code,
    position: r.position ?? 0,
    state: r.state,
    kind: r.kind,
    mediaType: r.image_type ?? r.raw_type,
    bytes: r.image_bytes ?? r.raw_bytes,
    widthPx: r.width,
    heightPx: r.height,
    dpi: r.dpi,
    rotation: r.rotation,
    skewDeg: r.skew_deg,
    blank: r.blank === 1,
    blankReviewed: r.blank_reviewed === 1,
    batchId: r.batch_id,
    error: r.error_code ? { code: r.error_code, message: r.error_message ?? '' } : null,
    createdAt: r.created_at,
  };
}

export function ownerOf(r: { dossier_id: string | null; tray_owner: string | null }): PageOwner {
  return r.dossier_id !== null ? { dossierId: r.dossier_id } : { trayOwner: r.tray_owner! };
}

/** The SQL condition and parameters naming an owner's pages. */
export function ownerClause(owner: PageOwner): { sql: string; value: string } {
  return 'dossierId' in owner ? { sql: 'dossier_id = ?', value: owner.dossierId } : { sql: 'tray_owner = ?', value: owner.trayOwner };
}

export function ownerColumns(owner: PageOwner): { dossier_id: string | null; tray_owner: string | null } {
  return 'dossierId' in owner ? { dossier_id: owner.dossierId, tray_owner: null } : { dossier_id: null, tray_owner: owner.trayOwner };
}

/** How many pages (not removed) an item has. */
export function itemCount(db: Db, owner: PageOwner, itemCode: string): number {
  const o = ownerClause(owner);
  return db.prepare<[string, string], { n: number }>(`SELECT COUNT(*) AS n FROM dossier_pages WHERE ${o.sql} AND item_code = ? AND removed_at IS NULL`).get(o.value, itemCode)!.n;
}

/** Make room at `at` (pages at and after it move down one). */
export function openGap(db: Db, owner: PageOwner, itemCode: string, at: number): void {
  const o = ownerClause(owner);
  db.prepare(`UPDATE dossier_pages SET position = position + 1 WHERE ${o.sql} AND item_code = ? AND removed_at IS NULL AND position >= ?`).run(o.value, itemCode, at);
}

/** Close the hole left at `at` (pages after it move up one). */
export function closeGap(db: Db, owner: PageOwner, itemCode: string, at: number): void {
  const o = ownerClause(owner);
  db.prepare(`UPDATE dossier_pages SET position = position - 1 WHERE ${o.sql} AND item_code = ? AND removed_at IS NULL AND position > ?`).run(o.value, itemCode, at);
}

/** Where a page goes when asked for `wanted` (1-based) among `count` pages: clamped to 1..count+1. */
export function clampPosition(wanted: number | undefined, count: number): number {
  if (wanted === undefined) return count + 1;
  return Math.min(Math.max(1, Math.trunc(wanted)), count + 1);
}

export function listRows(db: Db, owner: PageOwner): PageRow[] {
  const o = ownerClause(owner);
  return db.prepare<[string], PageRow>(`SELECT * FROM dossier_pages WHERE ${o.sql} AND removed_at IS NULL ORDER BY item_code, position`).all(o.value);
}

export function getRow(db: Db, id: string): PageRow | undefined {
  return db.prepare<[string], PageRow>('SELECT * FROM dossier_pages WHERE id = ?').get(id);
}
