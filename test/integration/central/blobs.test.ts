import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BLOB_BYTES } from '../../../core/contract/central-api';
import { FsBlobStore } from '../../../central/blobs/fs-blob-store';
import { pgAvailable } from '../../helpers/postgres';
import { sha256, startTestCentral, uploadWhole, type TestCentral } from './central-fixture';

describe.skipIf(!pgAvailable)('central server: resumable, verified, content-addressed blobs', () => {
  let c: TestCentral;
  let q03: string;
  let q05: string;
  let store: FsBlobStore;
  beforeAll(async () => {
    c = await startTestCentral();
    q03 = await c.enrolCounter('Q03');
    q05 = await c.enrolCounter('Q05');
    store = new FsBlobStore(c.blobDir);
  });
  afterAll(async () => c?.close());

  const patch = (token: string, sha: string, bytes: Uint8Array, offset: number, length: number) =>
    c.call('PATCH', `/v1/blobs/${sha}`, { token, raw: bytes, headers: { 'upload-offset': String(offset), 'upload-length': String(length) } });
  const status = (token: string, sha: string) => c.call('GET', `/v1/blobs/${sha}`, { token });

  it('resumes across PATCHes from the offset it holds, refuses another offset, and verifies the whole', async () => {
    const bytes = randomBytes(10_000);
    const sha = sha256(bytes);
    expect((await status(q03, sha)).status).toBe(404);
    expect((await patch(q03, sha, bytes.subarray(0, 4000), 0, bytes.length)).json).toEqual({ sha256: sha, offset: 4000, length: 10_000, complete: false });
    expect((await status(q03, sha)).json).toEqual({ sha256: sha, offset: 4000, length: 10_000, complete: false });

    const resent = await patch(q03, sha, bytes.subarray(0, 4000), 0, bytes.length);
    expect([resent.status, resent.json.code, resent.json.offset]).toEqual([409, 'BLOB_OFFSET_MISMATCH', 4000]);
    const otherLength = await patch(q03, sha, bytes.subarray(4000, 5000), 4000, 20_000);
    expect([otherLength.status, otherLength.json.code]).toEqual([409, 'BLOB_LENGTH_MISMATCH']);
    const past = await patch(q03, sha, Buffer.concat([bytes.subarray(4000), Buffer.from('x')]), 4000, bytes.length);
    expect([past.status, past.json.code]).toEqual([400, 'BLOB_CHUNK_PAST_END']);

    expect((await patch(q03, sha, bytes.subarray(4000), 4000, bytes.length)).json).toEqual({ sha256: sha, offset: 10_000, length: 10_000, complete: true });
    expect(existsSync(store.finalPath(sha))).toBe(true);
    expect(existsSync(store.partialPath(sha))).toBe(false);
    // A retry of the last chunk after its reply was lost: complete, nothing written twice.
    expect((await patch(q03, sha, bytes.subarray(4000), 4000, bytes.length)).json.complete).toBe(true);
  });

  it('writes a chunk once when copies of it race (a retry racing the original)', async () => {
    const bytes = randomBytes(64 * 1024);
    const sha = sha256(bytes);
    const replies = await Promise.all(Array.from({ length: 8 }, () => patch(q03, sha, bytes.subarray(0, 32 * 1024), 0, bytes.length)));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409 && r.json.offset === 32 * 1024)).toHaveLength(7);
    expect((await patch(q03, sha, bytes.subarray(32 * 1024), 32 * 1024, bytes.length)).json.complete).toBe(true);
  });

  it('drops the partial when the bytes do not hash to the name, and takes a fresh upload after', async () => {
    const good = randomBytes(5000);
    const sha = sha256(good);
    const corrupt = Buffer.from(good);
    corrupt[4500] = corrupt[4500]! ^ 0xff;
    expect((await patch(q03, sha, corrupt.subarray(0, 3000), 0, 5000)).json.offset).toBe(3000);
    const bad = await patch(q03, sha, corrupt.subarray(3000), 3000, 5000);
    expect([bad.status, bad.json.code]).toEqual([422, 'BLOB_HASH_MISMATCH']);
    expect(existsSync(store.partialPath(sha))).toBe(false);
    expect((await status(q03, sha)).status).toBe(404);
    expect((await uploadWhole(c, q03, good)).json.complete).toBe(true);
  });

  it('shares blobs by content: a second counter with the same bytes finds them complete', async () => {
    const bytes = randomBytes(2048);
    expect((await uploadWhole(c, q03, bytes)).json.complete).toBe(true);
    expect((await status(q05, sha256(bytes))).json).toEqual({ sha256: sha256(bytes), offset: 2048, length: 2048, complete: true });
    expect((await patch(q05, sha256(bytes), bytes.subarray(0, 10), 0, 2048)).json.complete).toBe(true);
  });

  it('takes the partial file as the offset truth after a crash, and a verified file without its row as complete', async () => {
    // A server killed mid-chunk: the row and a prefix of the bytes are there, the reply never went out.
    const bytes = randomBytes(6000);
    const sha = sha256(bytes);
    expect((await patch(q03, sha, bytes.subarray(0, 1000), 0, 6000)).json.offset).toBe(1000);
    writeFileSync(store.partialPath(sha), bytes.subarray(0, 2500));
    expect((await status(q03, sha)).json).toMatchObject({ offset: 2500, complete: false });
    expect((await patch(q03, sha, bytes.subarray(2500), 2500, 6000)).json.complete).toBe(true);

    // Killed between the rename and the database commit: the file is in place, the database has no row.
    const orphan = randomBytes(700);
    const orphanSha = sha256(orphan);
    mkdirSync(path.dirname(store.finalPath(orphanSha)), { recursive: true });
    writeFileSync(store.finalPath(orphanSha), orphan);
    expect((await status(q05, orphanSha)).json).toEqual({ sha256: orphanSha, offset: 700, length: 700, complete: true });
    expect((await c.db.query('SELECT stored_at IS NOT NULL AS stored FROM blobs WHERE sha256 = $1', [orphanSha])).rows).toEqual([{ stored: true }]);
  });

  it('stores an empty file, and refuses files over the size limit and bad names or headers', async () => {
    expect((await uploadWhole(c, q03, new Uint8Array(0))).json).toMatchObject({ offset: 0, length: 0, complete: true });
    const big = await patch(q03, 'a'.repeat(64), new Uint8Array(1), 0, MAX_BLOB_BYTES + 1);
    expect([big.status, big.json.code]).toEqual([413, 'BLOB_TOO_LARGE']);
    expect((await patch(q03, 'XYZ', new Uint8Array(1), 0, 1)).status).toBe(400);
    const noHeaders = await c.call('PATCH', `/v1/blobs/${'b'.repeat(64)}`, { token: q03, raw: new Uint8Array(1) });
    expect([noHeaders.status, noHeaders.json.code]).toEqual([400, 'BAD_REQUEST']);
    expect((await status('', 'c'.repeat(64))).status).toBe(401);
  });
});
