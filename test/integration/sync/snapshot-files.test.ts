import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dvcqgDossierSchema } from '../../../core/contract/central-api';
import { ManualClock } from '../../../core/platform/clock';
import type { Connection } from '../../../core/rpc/connection';
import { buildDvcqgDossier, fileForRef } from '../../../core/services/sync/dossier-snapshot';
import { call, startCore, withAdmin, type TestCore } from '../../helpers/core';
import { NGUYEN_THI_HUYNH, TRAN_VAN_DUC, personInput } from '../../helpers/people';
import { SAMPLE_FILES, uploadId } from '../../helpers/uploads';

const WARD = '000.27.10.H12';
const MARITAL = '1.004873';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let t: TestCore;
let admin: Connection;
let files: string;
beforeEach(async () => {
  t = await startCore({ clock: new ManualClock(new Date('2026-11-24T02:30:00Z')) });
  admin = await withAdmin(t.core);
  files = t.core.layout.files;
});
afterEach(() => t.close());

/** A processed page as the pipeline leaves it: its image under <data>/files, hash and size in the row. */
function addPage(id: string, dossierId: string, itemCode: string, position: number, data: Buffer): void {
  const rel = `scans/b1/${id}.jpg`;
  mkdirSync(path.join(files, 'scans/b1'), { recursive: true });
  writeFileSync(path.join(files, rel), data);
  const now = new Date().toISOString();
  t.core.db
    .prepare(
      `INSERT INTO dossier_pages (id, dossier_id, item_code, position, state, image_path, image_type, image_bytes, image_sha256, created_at, created_by, updated_at)
       VALUES (?, ?, ?, ?, 'ready', ?, 'image/jpeg', ?, ?, ?, 'test', ?)`,
    )
    .run(id, dossierId, itemCode, position, rel, data.length, sha(data), now, now);
}

function readyPdf(dossierId: string, itemCode: string, data: Buffer): void {
  const rel = `pdfs/${dossierId}/${itemCode}.pdf`;
  mkdirSync(path.dirname(path.join(files, rel)), { recursive: true });
  writeFileSync(path.join(files, rel), data);
  t.core.db
    .prepare(
      `INSERT INTO document_pdfs (dossier_id, item_code, state, path, bytes, sha256) VALUES (?, ?, 'ready', ?, ?, ?)
       ON CONFLICT (dossier_id, item_code) DO UPDATE SET state = 'ready', path = excluded.path, bytes = excluded.bytes, sha256 = excluded.sha256`,
    )
    .run(dossierId, itemCode, rel, data.length, sha(data));
}

describe('the dossier and its files as the sync worker sends them', () => {
  it('names each file by its ref, with hash, size and the path to upload from; removed, moved and stale files are removed', async () => {
    const v = await call(t.core, admin, 'dossiers.receive', {
      agencyCode: WARD,
      procedureCode: MARITAL,
      applicant: { ...personInput(NGUYEN_THI_HUYNH), email: 'anh@example.vn' },
      summary: 'Xin xác nhận để kết hôn',
      attachments: [{ itemCode: 'KHAC', uploadId: await uploadId(t.core, admin, 'to-khai.pdf', SAMPLE_FILES.pdf) }],
    });
    const other = await call(t.core, admin, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(TRAN_VAN_DUC) });
    const item = v.checklist.find((l) => l.required)!.itemCode;
    const img = Buffer.concat([SAMPLE_FILES.jpg, Buffer.from('page one')]);
    addPage('p1', v.id, item, 3, img);
    readyPdf(v.id, item, SAMPLE_FILES.pdf);

    const doc = fileForRef(t.core.db, files, v.id, `doc:${v.documents[0]!.id}`);
    expect(doc).toMatchObject({ removed: false, file: { name: 'to-khai.pdf', itemCode: 'KHAC', mediaType: 'application/pdf', sha256: sha(SAMPLE_FILES.pdf), bytes: SAMPLE_FILES.pdf.length } });
    const page = fileForRef(t.core.db, files, v.id, 'page:p1');
    expect(page).toEqual({
      removed: false,
      path: path.join(files, 'scans/b1/p1.jpg'),
      file: { ref: 'page:p1', name: `${item}-trang-003.jpg`, itemCode: item, mediaType: 'image/jpeg', sha256: sha(img), bytes: img.length },
    });
    expect(fileForRef(t.core.db, files, v.id, `pdf:${item}`)).toMatchObject({ removed: false, file: { name: `${item}.pdf`, mediaType: 'application/pdf', sha256: sha(SAMPLE_FILES.pdf) } });
    // Another dossier's document, an unknown ref and a malformed one are not this dossier's files.
    expect(fileForRef(t.core.db, files, other.id, `doc:${v.documents[0]!.id}`)).toEqual({ removed: true, ref: `doc:${v.documents[0]!.id}` });
    expect(fileForRef(t.core.db, files, v.id, 'page:nope').removed).toBe(true);
    expect(fileForRef(t.core.db, files, v.id, 'bogus').removed).toBe(true);

    const d = buildDvcqgDossier(t.core.db, files, v.id);
    expect(dvcqgDossierSchema.safeParse(d).success).toBe(true);
    expect(d).toMatchObject({ MaHoSo: v.code, MaTTHC: MARITAL, ChuHoSo: 'Huỳnh Thị Ngọc Ánh', Email: 'anh@example.vn', TrichYeuHoSo: 'Xin xác nhận để kết hôn', NgayTiepNhan: '20261124093000', TrangThaiHoSo: '2', MaDonVi: WARD });
    expect(d.TaiLieuNop.map((f) => f.TepDinhKemId)).toEqual([`doc:${v.documents[0]!.id}`, 'page:p1', `pdf:${item}`]);
    expect(d.ThanhPhanHoSo.find((x) => x.MaThanhPhanHoSo === item)).toMatchObject({ fileCheck: 1 });

    // The page moves to the other dossier, the PDF goes stale: both leave this dossier's files.
    t.core.db.prepare('UPDATE dossier_pages SET dossier_id = ? WHERE id = ?').run(other.id, 'p1');
    t.core.db.prepare("UPDATE document_pdfs SET state = 'stale' WHERE dossier_id = ? AND item_code = ?").run(v.id, item);
    expect(fileForRef(t.core.db, files, v.id, 'page:p1')).toEqual({ removed: true, ref: 'page:p1' });
    expect(fileForRef(t.core.db, files, other.id, 'page:p1').removed).toBe(false);
    expect(fileForRef(t.core.db, files, v.id, `pdf:${item}`)).toEqual({ removed: true, ref: `pdf:${item}` });
    expect(buildDvcqgDossier(t.core.db, files, v.id).TaiLieuNop.map((f) => f.TepDinhKemId)).toEqual([`doc:${v.documents[0]!.id}`]);
    // A removed page.
    t.core.db.prepare("UPDATE dossier_pages SET removed_at = 'x', position = NULL WHERE id = ?").run('p1');
    expect(fileForRef(t.core.db, files, other.id, 'page:p1').removed).toBe(true);
  });

  it('uses the configured status map, and the default when the setting is unusable', async () => {
    const v = await call(t.core, admin, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(NGUYEN_THI_HUYNH) });
    const set = (value: unknown) =>
      t.core.db.prepare("INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('sync.statusMap', ?, 'x', 'test') ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify(value));
    await call(t.core, admin, 'settings.set', { key: 'sync.statusMap', value: { received: '4' } });
    expect(buildDvcqgDossier(t.core.db, files, v.id).TrangThaiHoSo).toBe('4');
    // The setting's rule refuses a map the portal could not read, as input (exit 2 in the CLI).
    const bad = await t.core.dispatch(admin, 'settings.set', { key: 'sync.statusMap', value: { done: '9' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'SYNC_BAD_STATUS_MAP', field: 'value' } });
    // A value stored some other way that is unusable falls back to the default.
    set({ received: 'x' });
    expect(buildDvcqgDossier(t.core.db, files, v.id).TrangThaiHoSo).toBe('2');
  });
});
