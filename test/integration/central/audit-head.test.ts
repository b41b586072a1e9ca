/**
 * Audit-head anchoring by compare-and-set (issue #17 review): a cut or rewritten log is refused once and then the
 * head is disputed — frozen, later PUTs refused, evidence kept — until `central audit-clear` (recorded).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../central/cli';
import { pgAvailable } from '../../helpers/postgres';
import { startTestCentral, type TestCentral } from './central-fixture';

interface Head {
  lastId: number;
  lastHash: string;
}

describe.skipIf(!pgAvailable)('central server: audit heads', () => {
  let c: TestCentral;
  beforeAll(async () => {
    c = await startTestCentral();
  });
  afterAll(async () => c?.close());

  const put = (token: string, head: Head, since?: Head) => c.call('PUT', '/v1/audit-head', { token, body: since ? { ...head, since } : head });
  const get = (token: string) => c.call('GET', '/v1/audit-head', { token });
  const evidence = (counter: string) =>
    c.db.query('SELECT kind, kept_last_id, got_last_id, since_last_id FROM audit_head_events WHERE counter_id = $1 ORDER BY id', [counter]).then((r) => r.rows);
  const h = (n: number): Head => ({ lastId: n, lastHash: `h${n}` });

  async function clear(counter: string): Promise<{ code: number | undefined; out: string }> {
    const chunks: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const env = process.env.CENTRAL_DATABASE_URL;
    process.stdout.write = ((s: string) => (chunks.push(String(s)), true)) as typeof process.stdout.write;
    process.env.CENTRAL_DATABASE_URL = c.databaseUrl;
    process.exitCode = undefined;
    try {
      await main(['node', 'central', 'audit-clear', '--counter', counter]);
    } finally {
      process.stdout.write = write;
      if (env === undefined) delete process.env.CENTRAL_DATABASE_URL;
      else process.env.CENTRAL_DATABASE_URL = env;
    }
    const code = process.exitCode as number | undefined;
    process.exitCode = undefined;
    return { code, out: chunks.join('') };
  }

  it('moves the kept head only from the head the counter last saw; a retry of an accepted PUT is answered the same', async () => {
    const q21 = await c.enrolCounter('Q21');
    expect((await get(q21)).json.code).toBe('AUDIT_HEAD_NONE');
    expect((await put(q21, h(10))).json).toMatchObject({ ...h(10), disputed: false });
    expect((await put(q21, h(25), h(10))).json).toMatchObject({ ...h(25), disputed: false });
    expect((await put(q21, h(25), h(10))).status).toBe(200);
    expect((await put(q21, h(30), h(25))).json).toMatchObject(h(30));
    expect((await get(q21)).json).toMatchObject({ ...h(30), disputed: false });
    expect(await evidence('Q21')).toEqual([]);
  });

  it('after a cut tail is refused, a longer head is refused too (the evidence stays) until audit-clear, which is recorded', async () => {
    const q22 = await c.enrolCounter('Q22');
    await put(q22, h(10));
    expect((await put(q22, h(25), h(10))).status).toBe(200);
    const cut = await put(q22, h(20), h(25));
    expect([cut.status, cut.json.code]).toEqual([409, 'AUDIT_HEAD_BEHIND']);
    expect(cut.json.message).toContain('25');
    // The reviewer's case: the counter then pushes a longer head (even naming the kept one as since).
    const longer = await put(q22, h(40), h(25));
    expect([longer.status, longer.json.code]).toEqual([409, 'AUDIT_HEAD_DISPUTED']);
    expect((await put(q22, h(25))).json.code).toBe('AUDIT_HEAD_DISPUTED');
    expect((await get(q22)).json).toMatchObject({ ...h(25), disputed: true });
    expect(await evidence('Q22')).toEqual([
      { kind: 'behind', kept_last_id: 25, got_last_id: 20, since_last_id: 25 },
      { kind: 'disputed', kept_last_id: 25, got_last_id: 40, since_last_id: 25 },
      { kind: 'disputed', kept_last_id: 25, got_last_id: 25, since_last_id: null },
    ]);

    expect(await clear('q22')).toEqual({ code: undefined, out: `${JSON.stringify({ counterId: 'Q22', cleared: true, ...h(25) })}\n` });
    expect((await c.db.query("SELECT kept_last_id, disputed_at IS NOT NULL AS d, cleared_at IS NOT NULL AS c FROM audit_head_clears WHERE counter_id = 'Q22'")).rows).toEqual([
      { kept_last_id: 25, d: true, c: true },
    ]);
    expect((await get(q22)).json).toMatchObject({ ...h(25), disputed: false });
    expect((await put(q22, h(41), h(25))).json).toMatchObject({ ...h(41), disputed: false });
    expect((await clear('Q22')).out).toContain('"cleared":false');
  });

  it('refuses a head that does not follow the kept one (since missing or stale, same id with another hash) and disputes it', async () => {
    const q23 = await c.enrolCounter('Q23');
    const q24 = await c.enrolCounter('Q24');
    const q25 = await c.enrolCounter('Q25');
    for (const t of [q23, q24, q25]) await put(t, h(5));
    const noSince = await put(q23, h(9));
    expect([noSince.status, noSince.json.code]).toEqual([409, 'AUDIT_HEAD_CONFLICT']);
    expect((await put(q24, h(9), { lastId: 5, lastHash: 'forged' })).json.code).toBe('AUDIT_HEAD_CONFLICT');
    expect((await put(q25, { lastId: 5, lastHash: 'other' }, h(5))).json.code).toBe('AUDIT_HEAD_CONFLICT');
    for (const [t, id] of [[q23, 'Q23'], [q24, 'Q24'], [q25, 'Q25']] as const) {
      expect((await put(t, h(12), h(5))).json.code).toBe('AUDIT_HEAD_DISPUTED');
      expect((await get(t)).json).toMatchObject({ ...h(5), disputed: true });
      expect((await evidence(id)).map((r) => r.kind)).toEqual(['conflict', 'disputed']);
    }
  });
});
