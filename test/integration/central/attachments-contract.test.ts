/**
 * The document and the server agree on which files an event needs uploaded (issue #17 review): only a 'file'
 * event's `file`; the dossier's TaiLieuNop may list attachments later events upload.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgAvailable } from '../../helpers/postgres';
import { dossierEvent, newDossierId, startTestCentral, type TestCentral } from './central-fixture';

const doc = parse(readFileSync(path.join(import.meta.dirname, '../../../central/openapi.yaml'), 'utf8')) as {
  paths: Record<string, Record<string, { description?: string }>>;
  components: { schemas: { DvcqgDossier: { properties: { TaiLieuNop: { description?: string } } } } };
};

describe.skipIf(!pgAvailable)('central: TaiLieuNop files need not be uploaded yet, as documented', () => {
  let c: TestCentral;
  beforeAll(async () => {
    c = await startTestCentral();
  });
  afterAll(async () => c?.close());

  it('accepts a first event listing attachments not uploaded, refuses the file event until its blob is complete', async () => {
    const q03 = await c.enrolCounter('Q03');
    const id = newDossierId();
    const item = { TenTepDinhKem: 'cccd.pdf', MaThanhPhanHoSo: 'TP1', TepDinhKemId: 'doc:1', sha256: 'a'.repeat(64), bytes: 10 };
    const first = dossierEvent('TLN-1', 1, {}, id);
    first.dossier!.TaiLieuNop = [item];
    expect((await c.call('PUT', `/v1/dossiers/${id}/events/1`, { token: q03, body: first })).json).toEqual({ seq: 1, duplicate: false });
    const file = { ref: 'doc:1', name: 'cccd.pdf', itemCode: 'TP1', mediaType: 'application/pdf', sha256: item.sha256, bytes: 10 };
    const fileEvent = dossierEvent('TLN-1', 2, { kind: 'file', file }, id);
    fileEvent.dossier!.TaiLieuNop = [item];
    expect((await c.call('PUT', `/v1/dossiers/${id}/events/2`, { token: q03, body: fileEvent })).json.code).toBe('BLOB_MISSING');

    // The document says the same: only the event's `file` must be complete.
    const put = doc.paths['/v1/dossiers/{dossierId}/events/{seq}']!.put!.description!;
    expect(put).not.toMatch(/`TaiLieuNop`\)? must be a complete/);
    expect(put).toMatch(/`file` event's `file`[^.]*must be a complete blob/);
    expect(put).toMatch(/`TaiLieuNop` is not checked/);
    expect(doc.components.schemas.DvcqgDossier.properties.TaiLieuNop.description).toMatch(/Not required to be uploaded yet/);
  });
});
