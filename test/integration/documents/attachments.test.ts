/**
 * Attached files are judged by their content (magic bytes and a text sniff), by what their checklist item
 * accepts, and never by their name alone; they travel in chunks (uploads.*) with one size limit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, UPLOAD_CHUNK_BYTES } from '../../../core/contract/limits';
import { UploadFailed } from '../../../core/contract/upload-client';
import { ManualClock } from '../../../core/platform/clock';
import type { Connection } from '../../../core/rpc/connection';
import { call, conn, startCore, withAdmin, type TestCore } from '../../helpers/core';
import { NGUYEN_THI_HUYNH, personInput } from '../../helpers/people';
import { SAMPLE_FILES, upload, uploadId } from '../../helpers/uploads';

const WARD = '000.27.10.H12';
const MARITAL = '1.004873'; // checklist items name no file types: the default (PDF, JPEG, PNG, TIFF) applies

let t: TestCore;
let clock: ManualClock;
let admin: Connection;
beforeEach(async () => {
  clock = new ManualClock(new Date('2026-11-24T02:30:00Z'));
  t = await startCore({ clock });
  admin = await withAdmin(t.core);
});
afterEach(() => t.close());

const base = () => ({ agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(NGUYEN_THI_HUYNH) });
const codeOf = async (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof UploadFailed ? e.error.code : (e as { wire?: { code: string; field?: string } }).wire?.code ?? String(e)));
async function receiveWith(fileName: string, data: Buffer, itemCode = 'TP1'): Promise<string> {
  const id = await uploadId(t.core, admin, fileName, data);
  const r = await t.core.dispatch(admin, 'dossiers.receive', { ...base(), attachments: [{ itemCode, uploadId: id }] });
  return r.ok ? 'ok' : r.error.code;
}

describe('content checks', () => {
  it('refuses an executable or a web page whatever its name, before it is kept', async () => {
    expect(await codeOf(upload(t.core, admin, 'to-khai.pdf', SAMPLE_FILES.exe))).toBe('DOSSIER_FILE_DANGEROUS');
    expect(await codeOf(upload(t.core, admin, 'anh-the.png', SAMPLE_FILES.html))).toBe('DOSSIER_FILE_DANGEROUS');
    expect(await codeOf(upload(t.core, admin, 've.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>')))).toBe('DOSSIER_FILE_DANGEROUS');
    expect(await codeOf(upload(t.core, admin, 'chay.sh.txt', Buffer.from('#!/bin/sh\necho hi\n')))).toBe('DOSSIER_FILE_DANGEROUS');
    // A bidi override cannot disguise the extension: the stored name shows it, and it is refused.
    expect(await codeOf(upload(t.core, admin, 'evil\u202Efdp.exe', SAMPLE_FILES.pdf))).toBe('DOSSIER_FILE_DANGEROUS');
    expect(readdirSync(path.join(t.dir, 'uploads'))).toEqual([]);
  });

  it('accepts only what the item expects, and only when the extension says what the content is', async () => {
    expect(await receiveWith('giay-dang-ky.pdf', SAMPLE_FILES.pdf)).toBe('ok');
    expect(await receiveWith('anh.JPEG', SAMPLE_FILES.jpg)).toBe('ok');
    expect(await receiveWith('anh.png', SAMPLE_FILES.png)).toBe('ok');
    expect(await receiveWith('anh.pdf', SAMPLE_FILES.png)).toBe('DOSSIER_FILE_CONTENT_MISMATCH');
    expect(await receiveWith('to-khai.pdf', Buffer.from('khong phai pdf'))).toBe('DOSSIER_FILE_CONTENT_MISMATCH');
    expect(await receiveWith('ghi-chu.txt', Buffer.from('ghi chu'))).toBe('DOSSIER_FILE_TYPE_NOT_ALLOWED');
    expect(await receiveWith('bang.xlsx', SAMPLE_FILES.pdf)).toBe('DOSSIER_FILE_TYPE_NOT_ALLOWED');
  });

  it('stores the cleaned name and the detected type, and uses an upload once', async () => {
    const id = await uploadId(t.core, admin, 'ban\u202Bsao\u200F.pdf', SAMPLE_FILES.pdf);
    const v = await call(t.core, admin, 'dossiers.receive', { ...base(), attachments: [{ itemCode: 'TP1', uploadId: id }] });
    expect(v.documents).toMatchObject([{ itemCode: 'TP1', fileName: 'bansao.pdf', bytes: SAMPLE_FILES.pdf.length }]);
    const row = t.core.db.prepare('SELECT media_type, stored_path FROM dossier_documents').get() as { media_type: string; stored_path: string };
    expect(row.media_type).toBe('application/pdf');
    expect(readFileSync(path.join(t.dir, 'files', row.stored_path))).toEqual(SAMPLE_FILES.pdf);
    expect(readdirSync(path.join(t.dir, 'uploads'))).toEqual([]);
    const again = await t.core.dispatch(admin, 'dossiers.receive', { ...base(), attachments: [{ itemCode: 'TP1', uploadId: id }] });
    expect(again.ok ? 'ok' : `${again.error.code}@${again.error.field}`).toBe('UPLOAD_NOT_FOUND@attachments.0.uploadId');
  });

  it('keeps the upload when the decision fails, so the clerk can try again without sending it again', async () => {
    const id = await uploadId(t.core, admin, 'to-khai.pdf', SAMPLE_FILES.pdf);
    const r = await t.core.dispatch(admin, 'dossiers.receive', { ...base(), checklist: [], attachments: [{ itemCode: 'TP1', uploadId: id }] });
    expect(r.ok ? 'ok' : r.error.code).toBe('DOSSIER_CHECKLIST_INCOMPLETE');
    expect(readdirSync(path.join(t.dir, 'files'))).toEqual([]);
    expect((await call(t.core, admin, 'dossiers.receive', { ...base(), attachments: [{ itemCode: 'TP1', uploadId: id }] })).documents).toHaveLength(1);
  });
});

describe('chunked uploads', () => {
  it('answers DOSSIER_FILE_TOO_LARGE for a file over the one limit, at begin and at chunk', async () => {
    const begin = await t.core.dispatch(admin, 'uploads.begin', { fileName: 'lon.pdf', bytes: MAX_FILE_BYTES + 1 });
    expect(begin.ok ? 'ok' : begin.error.code).toBe('DOSSIER_FILE_TOO_LARGE');
    expect(begin.ok ? '' : begin.error.message).toMatch(/lớn hơn 25 MB/);
    // Declared small, then sent past the limit: refused at the chunk that passes it.
    const ok = await call(t.core, admin, 'uploads.begin', { fileName: 'lon.pdf', bytes: MAX_FILE_BYTES });
    const chunk = Buffer.alloc(UPLOAD_CHUNK_BYTES, 1).toString('base64');
    const past = await t.core.dispatch(admin, 'uploads.chunk', { uploadId: ok.uploadId, offset: MAX_FILE_BYTES - 10, dataBase64: chunk });
    expect(past.ok ? 'ok' : past.error.code).toBe('DOSSIER_FILE_TOO_LARGE');
    const big = await t.core.dispatch(admin, 'uploads.chunk', { uploadId: ok.uploadId, offset: 0, dataBase64: Buffer.alloc(UPLOAD_CHUNK_BYTES + 3).toString('base64') });
    expect(big.ok ? 'ok' : big.error.code).toBe('UPLOAD_CHUNK_TOO_LARGE');
    const order = await t.core.dispatch(admin, 'uploads.chunk', { uploadId: ok.uploadId, offset: 5, dataBase64: 'AAAA' });
    expect(order.ok ? 'ok' : order.error.code).toBe('UPLOAD_BAD_OFFSET');
  });

  it('takes a file just under the limit in chunks and keeps every byte', async () => {
    const data = Buffer.alloc(MAX_FILE_BYTES - 512 * 1024, 0x20);
    SAMPLE_FILES.pdf.copy(data);
    const up = await upload(t.core, admin, 'ban-scan.pdf', data);
    expect(up.bytes).toBe(data.length);
    const v = await call(t.core, admin, 'dossiers.receive', { ...base(), attachments: [{ itemCode: 'TP1', uploadId: up.uploadId }] });
    expect(v.documents[0]?.sha256).toBe(up.sha256);
  });

  it('keeps uploads to their owner and lets them expire', async () => {
    await call(t.core, admin, 'users.create', { username: 'mai', displayName: 'Lê Thị Mai', role: 'clerk', password: 'dung-mat-khau' });
    const clerk = conn(t.core);
    await call(t.core, clerk, 'auth.login', { username: 'mai', password: 'dung-mat-khau' });
    const id = await uploadId(t.core, admin, 'to-khai.pdf', SAMPLE_FILES.pdf);
    const r = await t.core.dispatch(clerk, 'dossiers.receive', { ...base(), attachments: [{ itemCode: 'TP1', uploadId: id }] });
    expect(r.ok ? 'ok' : r.error.code).toBe('UPLOAD_NOT_FOUND');
    const anonymous = await t.core.dispatch(conn(t.core), 'uploads.begin', { fileName: 'x.pdf', bytes: 10 });
    expect(anonymous.ok ? 'ok' : anonymous.error.code).toBe('RPC_UNAUTHENTICATED');

    clock.advance(25 * 60 * 60 * 1000);
    t.core.services.uploads.sweep();
    expect(readdirSync(path.join(t.dir, 'uploads'))).toEqual([]);
    expect(t.core.db.prepare('SELECT COUNT(*) FROM uploads').pluck().get()).toBe(0);
  });
});
