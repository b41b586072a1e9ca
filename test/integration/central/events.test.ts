import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgAvailable } from '../../helpers/postgres';
import { dossierEvent, newDossierId, sha256, startTestCentral, uploadWhole, type TestCentral } from './central-fixture';

describe.skipIf(!pgAvailable)('central server: dossier events exactly once', () => {
  let c: TestCentral;
  let q03: string;
  let q05: string;
  beforeAll(async () => {
    c = await startTestCentral();
    q03 = await c.enrolCounter('Q03');
    q05 = await c.enrolCounter('Q05');
  });
  afterAll(async () => c?.close());

  const put = (token: string, id: string, seq: number, body: unknown) => c.call('PUT', `/v1/dossiers/${id}/events/${seq}`, { token, body });
  const counts = async (id: string) =>
    (await c.db.query('SELECT (SELECT count(*)::int FROM dossiers WHERE id = $1) AS d, (SELECT count(*)::int FROM dossier_events WHERE dossier_id = $1) AS e', [id])).rows[0];

  it('applies events in order, answers a duplicate without changing anything, refuses gaps and another event at a taken seq', async () => {
    const id = newDossierId();
    const first = dossierEvent('000.00.03.H29-261207-0001', 1, {}, id);
    expect((await put(q03, id, 1, first)).json).toEqual({ seq: 1, duplicate: false });
    const second = dossierEvent('000.00.03.H29-261207-0001', 2, { state: 'sent_to_agency', data: { from: 'received', to: 'sent_to_agency' } }, id);
    expect((await put(q03, id, 2, second)).json).toEqual({ seq: 2, duplicate: false });
    const before = (await c.db.query('SELECT updated_at, state, last_seq FROM dossiers WHERE id = $1', [id])).rows[0];

    // A retry of seq 1 (the reply was lost): duplicate, nothing changes (the state stays the later one).
    const dup = await put(q03, id, 1, first);
    expect([dup.status, dup.json]).toEqual([200, { seq: 1, duplicate: true }]);
    expect((await c.db.query('SELECT updated_at, state, last_seq FROM dossiers WHERE id = $1', [id])).rows[0]).toEqual(before);
    expect(await counts(id)).toEqual({ d: 1, e: 2 });

    const gap = await put(q03, id, 4, dossierEvent('000.00.03.H29-261207-0001', 4, {}, id));
    expect([gap.status, gap.json.code, gap.json.expectedSeq]).toEqual([409, 'EVENT_OUT_OF_ORDER', 3]);
    const other = await put(q03, id, 2, dossierEvent('000.00.03.H29-261207-0001', 2, { idempotencyKey: 'someone-else:2' }, id));
    expect([other.status, other.json.code]).toEqual([409, 'EVENT_KEY_CONFLICT']);
    expect(await counts(id)).toEqual({ d: 1, e: 2 });

    const look = await c.call('GET', `/v1/dossiers/${id}`, { token: q03 });
    expect(look.json).toEqual({ id, code: '000.00.03.H29-261207-0001', lastSeq: 2, state: 'sent_to_agency', files: [] });
  });

  it('applies each event once when the same delivery races itself', async () => {
    // Several dossiers, each first event delivered many times at once (a retry racing the original).
    const ids = Array.from({ length: 8 }, () => newDossierId());
    const replies = await Promise.all(ids.flatMap((id, i) => Array.from({ length: 6 }, () => put(q03, id, 1, dossierEvent(`RACE-${i}`, 1, {}, id)))));
    expect(replies.filter((r) => r.status !== 200)).toEqual([]);
    expect(replies.filter((r) => r.json.duplicate === false)).toHaveLength(ids.length);
    for (const id of ids) expect(await counts(id)).toEqual({ d: 1, e: 1 });
  });

  it("refuses a code another dossier holds and another counter's dossier, and hides it from lookups", async () => {
    const a = newDossierId();
    expect((await put(q03, a, 1, dossierEvent('CODE-A', 1, {}, a))).status).toBe(200);
    const b = newDossierId();
    const taken = await put(q03, b, 1, dossierEvent('CODE-A', 1, {}, b));
    expect([taken.status, taken.json.code]).toEqual([409, 'DOSSIER_CODE_TAKEN']);
    expect(await counts(b)).toEqual({ d: 0, e: 0 });

    const foreign = await put(q05, a, 2, dossierEvent('CODE-A', 2, {}, a));
    expect([foreign.status, foreign.json.code]).toEqual([403, 'DOSSIER_OTHER_COUNTER']);
    const lookup = await c.call('GET', `/v1/dossiers/${a}`, { token: q05 });
    expect([lookup.status, lookup.json.code]).toEqual([404, 'DOSSIER_UNKNOWN']);
    expect((await c.call('GET', `/v1/dossiers/${newDossierId()}`, { token: q03 })).status).toBe(404);
    expect((await c.call('GET', '/v1/dossiers/not-a-uuid', { token: q03 })).status).toBe(400);
  });

  it('adds a file only when its blob is complete, replaces it by ref and removes it', async () => {
    const id = newDossierId();
    expect((await put(q03, id, 1, dossierEvent('FILES-1', 1, {}, id))).status).toBe(200);
    const page = randomBytes(3000);
    const file = { ref: 'page:p1', name: 'trang-1.jpg', itemCode: 'TP1', mediaType: 'image/jpeg', sha256: sha256(page), bytes: page.length };
    const missing = await put(q03, id, 2, dossierEvent('FILES-1', 2, { kind: 'file', file }, id));
    expect([missing.status, missing.json.code, missing.json.sha256]).toEqual([409, 'BLOB_MISSING', file.sha256]);
    // Half uploaded is still missing.
    await c.call('PATCH', `/v1/blobs/${file.sha256}`, { token: q03, raw: page.subarray(0, 1000), headers: { 'upload-offset': '0', 'upload-length': String(page.length) } });
    expect((await put(q03, id, 2, dossierEvent('FILES-1', 2, { kind: 'file', file }, id))).json.code).toBe('BLOB_MISSING');
    expect((await c.call('PATCH', `/v1/blobs/${file.sha256}`, { token: q03, raw: page.subarray(1000), headers: { 'upload-offset': '1000', 'upload-length': String(page.length) } })).json.complete).toBe(true);
    expect((await put(q03, id, 2, dossierEvent('FILES-1', 2, { kind: 'file', file }, id))).json).toEqual({ seq: 2, duplicate: false });

    const rescan = randomBytes(2000);
    expect((await uploadWhole(c, q03, rescan)).json.complete).toBe(true);
    const replaced = { ...file, name: 'trang-1-quet-lai.jpg', sha256: sha256(rescan), bytes: rescan.length };
    expect((await put(q03, id, 3, dossierEvent('FILES-1', 3, { kind: 'file', file: replaced }, id))).status).toBe(200);
    const other = { ...file, ref: 'page:p2', name: 'trang-2.jpg' };
    expect((await put(q03, id, 4, dossierEvent('FILES-1', 4, { kind: 'file', file: other }, id))).status).toBe(200);
    expect((await c.call('GET', `/v1/dossiers/${id}`, { token: q03 })).json.files).toEqual([replaced, other]);
    expect((await put(q03, id, 5, dossierEvent('FILES-1', 5, { kind: 'file', file: { ...other, removed: true } }, id))).status).toBe(200);
    expect((await c.call('GET', `/v1/dossiers/${id}`, { token: q03 })).json.files).toEqual([replaced]);

    const noFile = await put(q03, id, 6, dossierEvent('FILES-1', 6, { kind: 'file' }, id));
    expect([noFile.status, noFile.json.code]).toEqual([400, 'BAD_REQUEST']);
  });

  it('takes a removal of a file it never received (its blob never uploaded): no BLOB_MISSING, the event is recorded, the files stay', async () => {
    const id = newDossierId();
    expect((await put(q03, id, 1, dossierEvent('FILES-2', 1, {}, id))).status).toBe(200);
    const page = randomBytes(1500);
    expect((await uploadWhole(c, q03, page)).json.complete).toBe(true);
    const kept = { ref: 'page:kept', name: 'trang-1.jpg', itemCode: 'TP1', mediaType: 'image/jpeg', sha256: sha256(page), bytes: page.length };
    expect((await put(q03, id, 2, dossierEvent('FILES-2', 2, { kind: 'file', file: kept }, id))).status).toBe(200);

    // What the counter sends for a ref it never uploaded: the zero SHA-256 placeholder (outbox.ts).
    const placeholder = { ref: 'page:never', name: 'page:never', itemCode: '', mediaType: 'application/octet-stream', sha256: '0'.repeat(64), bytes: 0, removed: true };
    const gone = dossierEvent('FILES-2', 3, { kind: 'file', file: placeholder }, id);
    expect((await put(q03, id, 3, gone)).json).toEqual({ seq: 3, duplicate: false });
    // The last-sent fields of a file whose upload never finished (its blob unknown here).
    const unsent = randomBytes(800);
    const lastSent = { ref: 'page:half', name: 'trang-2.jpg', itemCode: 'TP1', mediaType: 'image/jpeg', sha256: sha256(unsent), bytes: unsent.length, removed: true };
    const r4 = await put(q03, id, 4, dossierEvent('FILES-2', 4, { kind: 'file', file: lastSent }, id));
    expect([r4.status, r4.json]).toEqual([200, { seq: 4, duplicate: false }]);
    expect((await put(q03, id, 3, gone)).json).toEqual({ seq: 3, duplicate: true });

    const events = await c.db.query<{ seq: number; kind: string }>('SELECT seq, kind FROM dossier_events WHERE dossier_id = $1 ORDER BY seq', [id]);
    expect(events.rows).toEqual([{ seq: 1, kind: 'transition' }, { seq: 2, kind: 'file' }, { seq: 3, kind: 'file' }, { seq: 4, kind: 'file' }]);
    const look = await c.call('GET', `/v1/dossiers/${id}`, { token: q03 });
    expect([look.json.lastSeq, look.json.files]).toEqual([4, [kept]]);
  });

  it("takes an event's audit head as information only: it neither anchors nor disputes the kept head", async () => {
    const id = newDossierId();
    expect((await put(q05, id, 1, dossierEvent('AUDIT-1', 1, { auditHead: { lastId: 40, lastHash: 'h40' } }, id))).status).toBe(200);
    expect((await c.call('GET', '/v1/audit-head', { token: q05 })).json.code).toBe('AUDIT_HEAD_NONE');
    expect((await c.call('PUT', '/v1/audit-head', { token: q05, body: { lastId: 30, lastHash: 'h30' } })).status).toBe(200);
    const behind = await put(q05, id, 2, dossierEvent('AUDIT-1', 2, { auditHead: { lastId: 12, lastHash: 'h12' } }, id));
    expect(behind.json).toEqual({ seq: 2, duplicate: false });
    expect((await c.call('GET', '/v1/audit-head', { token: q05 })).json).toMatchObject({ lastId: 30, lastHash: 'h30', disputed: false });
    expect((await c.db.query("SELECT count(*)::int AS n FROM audit_head_events WHERE counter_id = 'Q05'")).rows).toEqual([{ n: 0 }]);
  });
});
