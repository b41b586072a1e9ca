import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishChange, publishDossierChange } from '../../../central/store/changes';
import { pgAvailable } from '../../helpers/postgres';
import { dossierEvent, newDossierId, startTestCentral, type TestCentral } from './central-fixture';

describe.skipIf(!pgAvailable)('central server: changes, code blocks', () => {
  let c: TestCentral;
  let q03: string;
  let q05: string;
  beforeAll(async () => {
    c = await startTestCentral();
    q03 = await c.enrolCounter('Q03');
    q05 = await c.enrolCounter('Q05');
  });
  afterAll(async () => c?.close());

  it("gives each counter its own dossiers' changes and everyone's catalogue and calendar, in cursor order", async () => {
    const id = newDossierId();
    expect((await c.call('PUT', `/v1/dossiers/${id}/events/1`, { token: q03, body: dossierEvent('CH-1', 1, {}, id) })).status).toBe(200);
    await publishDossierChange(c.db, 'result_ready', 'CH-1', { note: 'Đã có kết quả' });
    await publishChange(c.db, { kind: 'catalogue', counterId: null, data: { version: 2 } });
    await publishDossierChange(c.db, 'supplement_requested', 'CH-1', { reason: 'Thiếu bản sao CCCD', items: ['TP2'] });
    await publishChange(c.db, { kind: 'calendar', counterId: null, data: { year: 2027 } });
    await expect(publishDossierChange(c.db, 'result_ready', 'NO-SUCH', {})).rejects.toMatchObject({ code: 'CENTRAL_DOSSIER_CODE_UNKNOWN' });

    const all3 = await c.call('GET', '/v1/changes?since=0&limit=10', { token: q03 });
    expect((all3.json.changes as { kind: string }[]).map((x) => x.kind)).toEqual(['result_ready', 'catalogue', 'supplement_requested', 'calendar']);
    expect((all3.json.changes as unknown[])[0]).toMatchObject({ kind: 'result_ready', dossierId: id, dossierCode: 'CH-1', data: { note: 'Đã có kết quả' } });
    const all5 = await c.call('GET', '/v1/changes?since=0', { token: q05 });
    expect((all5.json.changes as { kind: string }[]).map((x) => x.kind)).toEqual(['catalogue', 'calendar']);

    // Paging by cursor: two at a time, next = the last cursor, then nothing new and next stays.
    const page1 = await c.call('GET', '/v1/changes?since=0&limit=2', { token: q03 });
    const cursors = (page1.json.changes as { cursor: string }[]).map((x) => x.cursor);
    expect(page1.json.next).toBe(cursors[1]);
    const page2 = await c.call('GET', `/v1/changes?since=${page1.json.next as string}&limit=2`, { token: q03 });
    expect((page2.json.changes as { kind: string }[]).map((x) => x.kind)).toEqual(['supplement_requested', 'calendar']);
    const page3 = await c.call('GET', `/v1/changes?since=${page2.json.next as string}`, { token: q03 });
    expect(page3.json).toEqual({ changes: [], next: page2.json.next });
    expect((await c.call('GET', '/v1/changes?since=abc', { token: q03 })).status).toBe(400);

    // Pages stay small in bytes whatever the limit asked: big catalogues come one or two at a time.
    const big = { rows: 'x'.repeat(600 * 1024) };
    const ids = [await publishChange(c.db, { kind: 'catalogue', counterId: null, data: big }), await publishChange(c.db, { kind: 'catalogue', counterId: null, data: big })];
    const bigPage = await c.call('GET', `/v1/changes?since=${page2.json.next as string}&limit=5000`, { token: q05 });
    expect((bigPage.json.changes as { cursor: string }[]).map((x) => x.cursor)).toEqual([String(ids[0])]);
    expect(bigPage.json.next).toBe(String(ids[0]));
    await expect(publishChange(c.db, { kind: 'catalogue', counterId: null, data: { rows: 'x'.repeat(4 * 1024 * 1024) } })).rejects.toMatchObject({ code: 'CENTRAL_CHANGE_TOO_LARGE' });
  });

  it('hands out code blocks that never overlap across counters under parallel requests, the same block per request id', async () => {
    const ask = (token: string, requestId: string, size = 5) => c.call('POST', '/v1/sequence-blocks', { token, body: { requestId, agencyCode: '000.00.03.H29', day: '261207', size } });
    const replies = await Promise.all(Array.from({ length: 24 }, (_, i) => ask(i % 2 ? q03 : q05, `req-${i}-abcdefgh`, 1 + (i % 4))));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    const blocks = replies.map((r) => [r.json.start as number, r.json.end as number] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < blocks.length; i++) expect(blocks[i]![0]).toBe(blocks[i - 1]![1] + 1);
    expect(blocks[0]![0]).toBe(1);

    // Retries of one request (in parallel too) get its block and use no more numbers.
    const again = await Promise.all([ask(q03, 'req-1-abcdefgh', 2), ask(q03, 'req-1-abcdefgh', 2), ask(q03, 'req-1-abcdefgh', 2)]);
    const original = replies[1]!.json;
    for (const r of again) expect(r.json).toEqual(original);
    const fresh = await Promise.all([ask(q03, 'req-new-12345678'), ask(q03, 'req-new-12345678')]);
    expect(fresh[0]!.json).toEqual(fresh[1]!.json);
    expect(fresh[0]!.json.start).toBe(blocks[blocks.length - 1]![1] + 1);
    expect((await ask(q05, 'req-new-12345678')).json.code).toBe('SEQUENCE_REQUEST_CONFLICT');
    // Another day starts again at 1.
    const otherDay = await c.call('POST', '/v1/sequence-blocks', { token: q03, body: { requestId: 'req-day-12345678', agencyCode: '000.00.03.H29', day: '261208', size: 3 } });
    expect(otherDay.json).toEqual({ start: 1, end: 3 });
  });
});
