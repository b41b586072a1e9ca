/**
 * A 'file' event may leave the DVCQG snapshot out (issue #17: bytes on the wire): the central keeps the stored one.
 * A dossier's first event must carry it (409 DOSSIER_SNAPSHOT_REQUIRED, nothing recorded); a transition or a fee
 * must too (400).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgAvailable } from '../../helpers/postgres';
import { dossierEvent, newDossierId, startTestCentral, uploadWhole, type TestCentral } from './central-fixture';

describe.skipIf(!pgAvailable)('central: events without the dossier snapshot', () => {
  let c: TestCentral;
  beforeAll(async () => {
    c = await startTestCentral();
  });
  afterAll(async () => c?.close());

  it('keeps the stored snapshot for a file event without one; refuses a first event or a transition without one', async () => {
    const token = await c.enrolCounter('Q05');
    const bytes = Buffer.from('trang 1 của hồ sơ');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect((await uploadWhole(c, token, bytes)).status).toBe(200);
    const file = { ref: 'page:1', name: 'trang-1.tif', itemCode: 'TP1', mediaType: 'image/tiff', sha256, bytes: bytes.length };
    const lean = (id: string, seq: number) => {
      const e = dossierEvent('SNAP-1', seq, { kind: 'file', file }, id);
      delete e.dossier;
      return e;
    };

    const fresh = newDossierId();
    const first = await c.call('PUT', `/v1/dossiers/${fresh}/events/1`, { token, body: lean(fresh, 1) });
    expect([first.status, first.json.code]).toEqual([409, 'DOSSIER_SNAPSHOT_REQUIRED']);
    expect((await c.call('GET', `/v1/dossiers/${fresh}`, { token })).status).toBe(404);

    const id = newDossierId();
    expect((await c.call('PUT', `/v1/dossiers/${id}/events/1`, { token, body: dossierEvent('SNAP-1', 1, {}, id) })).json).toEqual({ seq: 1, duplicate: false });
    expect((await c.call('PUT', `/v1/dossiers/${id}/events/2`, { token, body: lean(id, 2) })).json).toEqual({ seq: 2, duplicate: false });
    // The same delivery again is a duplicate, as with a snapshot.
    expect((await c.call('PUT', `/v1/dossiers/${id}/events/2`, { token, body: lean(id, 2) })).json).toEqual({ seq: 2, duplicate: true });
    const row = (await c.db.query<{ code: string; procedure_code: string; snapshot: { ChuHoSo: string }; last_seq: number }>('SELECT code, procedure_code, snapshot, last_seq FROM dossiers WHERE id = $1', [id])).rows[0]!;
    expect(row).toMatchObject({ code: 'SNAP-1', procedure_code: '1.001234', last_seq: 2, snapshot: { ChuHoSo: 'Nguyễn Văn A' } });
    const look = await c.call('GET', `/v1/dossiers/${id}`, { token });
    expect(look.json).toMatchObject({ lastSeq: 2, files: [{ ref: 'page:1', sha256 }] });

    const bare = dossierEvent('SNAP-1', 3, { state: 'sent_to_agency' }, id);
    delete bare.dossier;
    const refused = await c.call('PUT', `/v1/dossiers/${id}/events/3`, { token, body: bare });
    expect([refused.status, refused.json.code]).toEqual([400, 'BAD_REQUEST']);
    expect((await c.call('GET', `/v1/dossiers/${id}`, { token })).json).toMatchObject({ lastSeq: 2 });
  });
});
