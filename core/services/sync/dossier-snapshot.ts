/**
 * What the sync worker sends about a dossier, read from the counter's rows: the dossier in the DVCQG vocabulary
 * (core/domain/sync/dvcqg.ts) and the file an outbox 'file' item names ('page:<id>', 'doc:<id>', 'pdf:<itemCode>').
 * Paths in the rows are relative to <data>/files (filesDir).
 */
import path from 'node:path';
import type { DossierFile, DvcqgDossier } from '../../contract/central-api';
import { AppError } from '../../contract/errors';
import type { Agency, Procedure } from '../../domain/catalogue/schema';
import type { ChecklistLine } from '../../domain/dossier/checklist';
import type { DossierState } from '../../domain/dossier/states';
import { buildDvcqg, STATUS_MAP_SETTING, statusMapProblem, type StatusMap } from '../../domain/sync/dvcqg';
import type { Db } from '../../store/database';

interface DossierRow {
  id: string;
  code: string | null;
  state: DossierState;
  channel: 'direct' | 'online' | 'postal';
  result_return: 'counter' | 'post';
  received_at: string | null;
  due_at: string | null;
  created_at: string;
  summary: string | null;
  agency_snapshot: string;
  procedure_snapshot: string;
  applicant_snapshot: string;
  checklist: string;
  fees: string;
}

/** The configured status map, or none (the default) when unset or unusable (the setting's rule refuses bad ones). */
function configuredStatusMap(db: Db): StatusMap | null {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(STATUS_MAP_SETTING);
  if (!row) return null;
  try {
    const value = JSON.parse(row.value) as unknown;
    return statusMapProblem(value) === null ? (value as StatusMap | null) : null;
  } catch {
    return null;
  }
}

/** The dossier as of now (its state, fees, checklist marks and current files), in the DVCQG vocabulary. */
export function buildDvcqgDossier(db: Db, filesDir: string, dossierId: string): DvcqgDossier {
  const r = db.prepare<[string], DossierRow>('SELECT * FROM dossiers WHERE id = ?').get(dossierId);
  if (!r) throw new AppError('DOSSIER_NOT_FOUND', { ref: dossierId });
  const fees = JSON.parse(r.fees) as { fee?: number; charge?: number; postage?: number };
  const receipts = db
    .prepare<[string], { number: string; amount: number; collected_at: string }>('SELECT number, amount, collected_at FROM fee_receipts WHERE dossier_id = ? ORDER BY collected_at, number')
    .all(dossierId);
  const returned = db.prepare<[string], { returned_at: string }>('SELECT returned_at FROM result_returns WHERE dossier_id = ?').get(dossierId);
  const files = currentRefs(db, dossierId).flatMap((ref) => {
    const f = fileForRef(db, filesDir, dossierId, ref);
    return f.removed ? [] : [f.file];
  });
  return buildDvcqg({
    id: r.id,
    code: r.code,
    state: r.state,
    channel: r.channel,
    resultReturn: r.result_return,
    receivedAt: r.received_at,
    createdAt: r.created_at,
    dueAt: r.due_at,
    returnedAt: returned?.returned_at ?? null,
    summary: r.summary,
    agency: JSON.parse(r.agency_snapshot) as Agency,
    procedure: JSON.parse(r.procedure_snapshot) as Procedure,
    applicant: JSON.parse(r.applicant_snapshot) as { kind: 'citizen' | 'organisation'; fullName: string; phone: string | null; email: string | null },
    checklist: JSON.parse(r.checklist) as ChecklistLine[],
    fees: { fee: fees.fee ?? 0, charge: fees.charge ?? 0, postage: fees.postage ?? 0 },
    receipts: receipts.map((x) => ({ number: x.number, amount: x.amount, collectedAt: x.collected_at })),
    files,
    statusMap: configuredStatusMap(db),
  });
}

/** The refs of the dossier's files now: attachments, ready scanned pages (by item and position), ready PDFs. */
function currentRefs(db: Db, dossierId: string): string[] {
  const docs = db.prepare<[string], { id: string }>('SELECT id FROM dossier_documents WHERE dossier_id = ? ORDER BY created_at, id').all(dossierId);
  const pages = db
    .prepare<[string], { id: string }>(
      `SELECT id FROM dossier_pages WHERE dossier_id = ? AND kind = 'page' AND state = 'ready' AND removed_at IS NULL ORDER BY item_code, position`,
    )
    .all(dossierId);
  const pdfs = db
    .prepare<[string], { item_code: string }>(`SELECT item_code FROM document_pdfs WHERE dossier_id = ? AND state = 'ready' AND sha256 IS NOT NULL ORDER BY item_code`)
    .all(dossierId);
  return [...docs.map((d) => `doc:${d.id}`), ...pages.map((p) => `page:${p.id}`), ...pdfs.map((p) => `pdf:${p.item_code}`)];
}

export type FileForRef =
  | { removed: false; file: DossierFile; /** Absolute path to upload from. */ path: string }
  | { removed: true; ref: string };

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/tiff': 'tif', 'image/webp': 'webp', 'application/pdf': 'pdf' };

/** A path in a row, inside filesDir (a row naming an absolute path or climbing out of it is no file of ours). */
function inFiles(filesDir: string, rel: string): string | null {
  if (path.isAbsolute(rel)) return null;
  const abs = path.resolve(filesDir, rel);
  const back = path.relative(path.resolve(filesDir), abs);
  return back && !back.startsWith('..') && !path.isAbsolute(back) ? abs : null;
}

/** The file an outbox item names, as it is now (a removed page or a PDF no longer ready → removed). */
export function fileForRef(db: Db, filesDir: string, dossierId: string, ref: string): FileForRef {
  const removed = { removed: true as const, ref };
  const colon = ref.indexOf(':');
  const kind = ref.slice(0, colon);
  const key = ref.slice(colon + 1);
  if (colon < 1 || !key) return removed;
  let found: { name: string; itemCode: string; mediaType: string; sha256: string | null; bytes: number | null; rel: string | null } | null = null;
  if (kind === 'page') {
    const p = db
      .prepare<[string], { dossier_id: string | null; item_code: string; position: number | null; state: string; kind: string; removed_at: string | null; image_path: string | null; image_type: string | null; image_bytes: number | null; image_sha256: string | null }>(
        'SELECT dossier_id, item_code, position, state, kind, removed_at, image_path, image_type, image_bytes, image_sha256 FROM dossier_pages WHERE id = ?',
      )
      .get(key);
    // Removed, moved to another dossier (or back to a tray), not processed, or a separator sheet: not this dossier's file.
    if (p && p.dossier_id === dossierId && p.removed_at === null && p.state === 'ready' && p.kind === 'page' && p.image_type) {
      const ext = EXTENSIONS[p.image_type] ?? 'bin';
      found = { name: `${p.item_code}-trang-${String(p.position ?? 0).padStart(3, '0')}.${ext}`, itemCode: p.item_code, mediaType: p.image_type, sha256: p.image_sha256, bytes: p.image_bytes, rel: p.image_path };
    }
  } else if (kind === 'doc') {
    const d = db
      .prepare<[string], { dossier_id: string; item_code: string; file_name: string; media_type: string; bytes: number; sha256: string; stored_path: string }>(
        'SELECT dossier_id, item_code, file_name, media_type, bytes, sha256, stored_path FROM dossier_documents WHERE id = ?',
      )
      .get(key);
    if (d && d.dossier_id === dossierId) found = { name: d.file_name, itemCode: d.item_code, mediaType: d.media_type, sha256: d.sha256, bytes: d.bytes, rel: d.stored_path };
  } else if (kind === 'pdf') {
    const d = db
      .prepare<[string, string], { state: string; path: string | null; bytes: number | null; sha256: string | null }>(
        'SELECT state, path, bytes, sha256 FROM document_pdfs WHERE dossier_id = ? AND item_code = ?',
      )
      .get(dossierId, key);
    if (d && d.state === 'ready') found = { name: `${key}.pdf`, itemCode: key, mediaType: 'application/pdf', sha256: d.sha256, bytes: d.bytes, rel: d.path };
  }
  if (!found || !found.sha256 || found.bytes === null || !found.rel) return removed;
  const abs = inFiles(filesDir, found.rel);
  if (!abs) return removed;
  return {
    removed: false,
    path: abs,
    file: { ref, name: found.name.slice(0, 300) || ref, itemCode: found.itemCode.slice(0, 100), mediaType: found.mediaType.slice(0, 100), sha256: found.sha256, bytes: found.bytes },
  };
}
