/**
 * Enrolment and dossier-code numbering (issue #17 review): numbers a counter handed out before it enrolled are never
 * handed out again by central blocks (declared at enrolment, or learnt from the plain codes it pushes), a token of
 * another counter is refused without being used up, and one counter id has one live device.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolToken } from '../../../central/store/devices';
import { pgAvailable } from '../../helpers/postgres';
import { dossierEvent, newDossierId, startTestCentral, type TestCentral } from './central-fixture';

const AGENCY = '000.00.03.H29';

describe.skipIf(!pgAvailable)('central server: enrolment and code numbering', () => {
  let c: TestCentral;
  beforeAll(async () => {
    c = await startTestCentral();
  });
  afterAll(async () => c?.close());

  const enrolBody = async (counter: string, extra: Record<string, unknown> = {}) => ({ token: await createEnrolToken(c.db, counter), deviceName: 'pc', appVersion: '0.1.0', ...extra });
  const block = (token: string, requestId: string, day: string, size = 20) => c.call('POST', '/v1/sequence-blocks', { token, body: { requestId, agencyCode: AGENCY, day, size } });

  it('starts central blocks after the numbers a counter declares it used before enrolling (either spelling of the day)', async () => {
    const r = await c.call('POST', '/v1/enrol', {
      body: await enrolBody('Q11', { usedSequences: [{ agencyCode: AGENCY, day: '2026-12-01', last: 3 }, { agencyCode: AGENCY, day: '261202', last: 7 }] }),
    });
    expect(r.status).toBe(201);
    const q11 = r.json.deviceToken as string;
    const q12 = await c.enrolCounter('Q12');
    // The other counter asks for the same days the way the counter keys them (YYYY-MM-DD): 0001–0003 and 0001–0007 are skipped.
    expect((await block(q12, 'seq-a-12345678', '2026-12-01')).json).toEqual({ start: 4, end: 23 });
    expect((await block(q12, 'seq-b-12345678', '2026-12-02')).json).toEqual({ start: 8, end: 27 });
    expect((await block(q11, 'seq-c-12345678', '261201', 2)).json).toEqual({ start: 24, end: 25 });
    // A declaration never moves a counter backwards.
    expect((await c.call('POST', '/v1/enrol', { body: await enrolBody('Q11', { usedSequences: [{ agencyCode: AGENCY, day: '2026-12-01', last: 1 }] }) })).status).toBe(201);
    expect((await block(q12, 'seq-d-12345678', '2026-12-01', 1)).json).toEqual({ start: 26, end: 26 });
    const tooMany = Array.from({ length: 1001 }, (_, i) => ({ agencyCode: AGENCY, day: '2026-12-03', last: i }));
    expect((await c.call('POST', '/v1/enrol', { body: await enrolBody('Q11', { usedSequences: tooMany }) })).status).toBe(400);
  });

  it('learns plain codes from pushed dossiers so later blocks never collide with them (DOSSIER_CODE_TAKEN before)', async () => {
    const q13 = await c.enrolCounter('Q13');
    const q14 = await c.enrolCounter('Q14');
    // Q13 issued 0001–0003 of 2026-12-05 from its local authority and pushes them after enrolling without declaring them.
    for (const n of [1, 2, 3]) {
      const id = newDossierId();
      expect((await c.call('PUT', `/v1/dossiers/${id}/events/1`, { token: q13, body: dossierEvent(`${AGENCY}-261205-000${n}`, 1, {}, id) })).status).toBe(200);
    }
    // A code with a counter segment is the counter's own fallback numbering: it does not move the central's.
    const fb = newDossierId();
    expect((await c.call('PUT', `/v1/dossiers/${fb}/events/1`, { token: q13, body: dossierEvent(`${AGENCY}-261206-Q13-0009`, 1, {}, fb) })).status).toBe(200);
    expect((await block(q14, 'seq-e-12345678', '2026-12-06', 1)).json).toEqual({ start: 1, end: 1 });

    const b = await block(q14, 'seq-f-12345678', '2026-12-05', 3);
    expect(b.json).toEqual({ start: 4, end: 6 });
    const id = newDossierId();
    const mine = await c.call('PUT', `/v1/dossiers/${id}/events/1`, { token: q14, body: dossierEvent(`${AGENCY}-261205-0004`, 1, {}, id) });
    expect(mine.status).toBe(200);
  });

  it('refuses a token of another counter than the one the machine holds, without using it up; force enrols', async () => {
    const body = await enrolBody('Q15', { currentCounterId: 'Q16' });
    const refused = await c.call('POST', '/v1/enrol', { body });
    expect([refused.status, refused.json.code]).toEqual([409, 'ENROL_OTHER_COUNTER']);
    expect(refused.json.message).toContain('Q15');
    expect(refused.json.message).toContain('Q16');
    expect((await c.db.query("SELECT count(*)::int AS n FROM devices WHERE counter_id = 'Q15'")).rows[0]).toEqual({ n: 0 });
    const forced = await c.call('POST', '/v1/enrol', { body: { ...body, force: true } });
    expect([forced.status, forced.json.counterId]).toEqual([201, 'Q15']);
    // The same id, or none given, enrols as before.
    expect((await c.call('POST', '/v1/enrol', { body: await enrolBody('Q15', { currentCounterId: 'Q15' }) })).status).toBe(201);
    expect((await c.call('POST', '/v1/enrol', { body: await enrolBody('Q15', { currentCounterId: 'q15' }) })).status).toBe(201);
    expect((await c.call('POST', '/v1/enrol', { body: await enrolBody('Q15') })).status).toBe(201);
  });

  it('keeps one live device per counter id: spellings of one id are one counter, parallel enrolments revoke each other', async () => {
    const first = await c.call('POST', '/v1/enrol', { body: await enrolBody('q17') });
    expect([first.status, first.json.counterId]).toEqual([201, 'Q17']);
    const second = await c.call('POST', '/v1/enrol', { body: await enrolBody('Q17') });
    expect(second.status).toBe(201);
    expect((await c.call('GET', '/v1/changes', { token: first.json.deviceToken as string })).json.code).toBe('AUTH_REVOKED');

    const bodies = await Promise.all(Array.from({ length: 6 }, () => enrolBody('Q18')));
    const replies = await Promise.all(bodies.map((body) => c.call('POST', '/v1/enrol', { body })));
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const live = await c.db.query("SELECT counter_id, count(*)::int AS n FROM devices WHERE revoked_at IS NULL AND upper(counter_id) IN ('Q17', 'Q18') GROUP BY counter_id ORDER BY counter_id");
    expect(live.rows).toEqual([{ counter_id: 'Q17', n: 1 }, { counter_id: 'Q18', n: 1 }]);
  });
});
