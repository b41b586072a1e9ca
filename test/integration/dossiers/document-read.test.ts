/**
 * documents.read (hardening #13, item 13): a dossier's attached files can be opened. Bytes come in chunks of at
 * most UPLOAD_CHUNK_BYTES and assemble to the stored file (same SHA-256); only logged-in staff read; the file is
 * found through its row and must really lie inside <data>/files (no traversal, no symlink out); opening is audited.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPLOAD_CHUNK_BYTES } from '../../../core/contract/limits';
import type { Connection } from '../../../core/rpc/connection';
import { ManualClock } from '../../../core/platform/clock';
import { motcua } from '../../helpers/cli';
import { call, conn, startCore, withAdmin, type TestCore } from '../../helpers/core';
import { NGUYEN_THI_HUYNH, personInput, qrOf } from '../../helpers/people';
import { tempDir } from '../../helpers/temp';
import { SAMPLE_FILES, uploadId } from '../../helpers/uploads';

const WARD = '000.27.10.H12';
const MARITAL = '1.004873';
// A PDF over two chunks: the header makes it a PDF to the content check, the rest is padding.
const BIG = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(2 * UPLOAD_CHUNK_BYTES + 12_345, 0x20), Buffer.from('\n%%EOF\n')]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let t: TestCore;
let admin: Connection;
let clerk: Connection;
let docs: { id: string; fileName: string; bytes: number }[];

beforeAll(async () => {
  t = await startCore({ clock: new ManualClock(new Date('2026-11-24T02:30:00Z')) });
  admin = await withAdmin(t.core);
  await call(t.core, admin, 'users.create', { username: 'clerk1', displayName: 'Nguyễn Văn A', role: 'clerk', password: 'dung-mat-khau' });
  clerk = conn(t.core);
  await call(t.core, clerk, 'auth.login', { username: 'clerk1', password: 'dung-mat-khau' });
  const v = await call(t.core, clerk, 'dossiers.receive', {
    agencyCode: WARD,
    procedureCode: MARITAL,
    applicant: personInput(NGUYEN_THI_HUYNH),
    attachments: [
      { itemCode: 'KHAC', uploadId: await uploadId(t.core, clerk, 'to-khai.pdf', BIG) },
      { itemCode: 'KHAC', uploadId: await uploadId(t.core, clerk, 'anh.png', SAMPLE_FILES.png) },
    ],
  });
  docs = v.documents;
});
afterAll(() => t.close());

async function readAll(c: Connection, id: string, length = UPLOAD_CHUNK_BYTES) {
  const parts: Buffer[] = [];
  const sizes: number[] = [];
  let offset = 0;
  let last;
  do {
    last = await call(t.core, c, 'documents.read', { id, offset, length });
    const chunk = Buffer.from(last.dataBase64, 'base64');
    sizes.push(chunk.length);
    parts.push(chunk);
    offset = last.next;
  } while (offset < last.bytes);
  return { bytes: Buffer.concat(parts), sizes, meta: last };
}

describe('documents.read', () => {
  it('returns a large file in chunks of at most UPLOAD_CHUNK_BYTES that assemble to the stored file', async () => {
    const big = docs.find((d) => d.fileName === 'to-khai.pdf')!;
    const r = await readAll(clerk, big.id, 10 * UPLOAD_CHUNK_BYTES);
    expect(r.sizes).toEqual([UPLOAD_CHUNK_BYTES, UPLOAD_CHUNK_BYTES, BIG.length - 2 * UPLOAD_CHUNK_BYTES]);
    expect(sha(r.bytes)).toBe(sha(BIG));
    expect(r.meta).toMatchObject({ fileName: 'to-khai.pdf', mediaType: 'application/pdf', bytes: BIG.length, sha256: sha(BIG) });
  });

  it('returns a small file whole, with its media type, to every staff role', async () => {
    const png = docs.find((d) => d.fileName === 'anh.png')!;
    for (const c of [clerk, admin]) {
      const r = await call(t.core, c, 'documents.read', { id: png.id });
      expect(r).toMatchObject({ mediaType: 'image/png', offset: 0, next: SAMPLE_FILES.png.length, bytes: SAMPLE_FILES.png.length });
      expect(Buffer.from(r.dataBase64, 'base64').equals(SAMPLE_FILES.png)).toBe(true);
    }
  });

  it('audits each opening once, not each chunk', async () => {
    const big = docs.find((d) => d.fileName === 'to-khai.pdf')!;
    const count = () => (t.core.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'document.read' AND entity_id = ?").get(big.id) as { n: number }).n;
    const before = count();
    await readAll(admin, big.id);
    expect(count()).toBe(before + 1);
  });

  it('refuses a caller who is not logged in', async () => {
    const r = await t.core.dispatch(conn(t.core), 'documents.read', { id: docs[0]!.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'RPC_UNAUTHENTICATED' } });
  });

  it('answers an unknown id and a position past the end with coded Vietnamese messages', async () => {
    const unknown = await t.core.dispatch(clerk, 'documents.read', { id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'DOCUMENT_NOT_FOUND', field: 'id' } });
    expect(unknown.ok ? '' : unknown.error.message).toMatch(/Không tìm thấy tệp đính kèm/);
    const past = await t.core.dispatch(clerk, 'documents.read', { id: docs[1]!.id, offset: 10_000_000 });
    expect(past).toMatchObject({ ok: false, error: { code: 'DOCUMENT_BAD_OFFSET', field: 'offset' } });
  });

  it('never reads outside the files folder, whatever the row says, nor through a symlink', async () => {
    const png = docs.find((d) => d.fileName === 'anh.png')!;
    const row = t.core.db.prepare('SELECT stored_path FROM dossier_documents WHERE id = ?').pluck().get(png.id) as string;
    const setPath = (p: string) => t.core.db.prepare('UPDATE dossier_documents SET stored_path = ? WHERE id = ?').run(p, png.id);
    const secret = path.join(t.dir, 'motcua.sqlite');
    // A symlink inside the files folder that points out of it.
    mkdirSync(path.join(t.dir, 'files', 'evil'), { recursive: true });
    symlinkSync(secret, path.join(t.dir, 'files', 'evil', 'db.png'));
    try {
      for (const p of ['../motcua.sqlite', secret, path.join('..', '..', 'etc', 'passwd'), 'evil/db.png', '.', '']) {
        setPath(p);
        const r = await t.core.dispatch(clerk, 'documents.read', { id: png.id });
        expect(r, p).toMatchObject({ ok: false, error: { code: 'DOCUMENT_FILE_MISSING' } });
      }
    } finally {
      setPath(row);
    }
    expect((await call(t.core, clerk, 'documents.read', { id: png.id })).bytes).toBe(SAMPLE_FILES.png.length);
  });

  it('reports a file changed behind its row instead of serving it', async () => {
    const png = docs.find((d) => d.fileName === 'anh.png')!;
    const rel = t.core.db.prepare('SELECT stored_path FROM dossier_documents WHERE id = ?').pluck().get(png.id) as string;
    const file = path.join(t.dir, 'files', rel);
    const original = readFileSync(file);
    appendFileSync(file, 'x');
    try {
      const r = await t.core.dispatch(clerk, 'documents.read', { id: png.id });
      expect(r).toMatchObject({ ok: false, error: { code: 'DOCUMENT_FILE_MISSING' } });
    } finally {
      writeFileSync(file, original);
    }
  });
});

describe('motcua document', () => {
  it('saves an attached file by its id, and exits 2 for an unknown id', async () => {
    const data = tempDir();
    try {
      const attachment = path.join(data.dir, 'to-khai.pdf');
      writeFileSync(attachment, BIG);
      const r = await motcua(data.dir, ['dossier', 'receive', '--agency', WARD, '--procedure', MARITAL, '--applicant-qr', qrOf(NGUYEN_THI_HUYNH), '--attach', `KHAC=${attachment}`, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const v = JSON.parse(r.stdout) as { documents: { id: string }[] };
      const out = path.join(data.dir, 'out.pdf');
      const saved = await motcua(data.dir, ['document', v.documents[0]!.id, '--out', out, '--json']);
      expect(saved.code, saved.stderr).toBe(0);
      expect(JSON.parse(saved.stdout)).toMatchObject({ fileName: 'to-khai.pdf', bytes: BIG.length, sha256: sha(BIG) });
      expect(sha(readFileSync(out))).toBe(sha(BIG));
      const unknown = await motcua(data.dir, ['document', 'khong-co', '--out', out]);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/Không tìm thấy tệp đính kèm/);
    } finally {
      data.cleanup();
    }
  });
});
