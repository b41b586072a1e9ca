/**
 * Enrolment tells the central what it already used and who it is: `usedSequences` from the local authority (from
 * yesterday on, last = next − 1) and `currentCounterId` once enrolled. A token of another counter is refused by the
 * central (409 ENROL_OTHER_COUNTER) and shown in Vietnamese as an input error (exit 2) until `--force`.
 * The peer is a small stand-in that follows that rule (the reference server has its own tests). Then, on the same
 * enrolled data, `sync --once` with an empty outbox and the central unreachable (exit 0 with a warning).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../core/app';
import { motcuaInProcess } from '../../helpers/cli';
import { call, TEST_HASH_COST, withAdmin } from '../../helpers/core';
import { NGUYEN_THI_HUYNH, personInput } from '../../helpers/people';
import { tempDir } from '../../helpers/temp';

describe('enrolment with used sequences and the current counter id', () => {
  const data = tempDir('motcua-enrol-other-');
  const bodies: Array<Record<string, unknown>> = [];
  let server: http.Server;
  let url = '';

  beforeAll(async () => {
    let n = 0;
    server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      req.on('end', () => {
        if (req.url !== '/v1/enrol') {
          // Only enrolment is spoken here (code blocks fall back to the local authority).
          res.statusCode = 503;
          res.end(JSON.stringify({ code: 'UNAVAILABLE', message: 'Không phục vụ.' }));
          return;
        }
        const body = JSON.parse(raw) as { token: string; currentCounterId?: string; force?: boolean };
        bodies.push(body);
        const counterId = body.token.startsWith('q05') ? 'Q05' : 'Q04';
        res.setHeader('content-type', 'application/json');
        if (body.currentCounterId && body.currentCounterId !== counterId && body.force !== true) {
          res.statusCode = 409;
          res.end(JSON.stringify({ code: 'ENROL_OTHER_COUNTER', message: `Mã đăng ký dành cho quầy ${counterId}.` }));
          return;
        }
        res.statusCode = 201;
        res.end(JSON.stringify({ counterId, deviceId: `dev-${++n}`, deviceToken: `device-token-${n}`, serverId: 'peer' }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const core = await createCore({ dataDir: data.dir, logLevel: 'warn', authPolicy: { hashCost: TEST_HASH_COST } });
    try {
      await withAdmin(core);
      // The local authority handed out numbers: today and yesterday are reported, a week ago is not.
      const day = (offset: number) => new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
      const put = core.db.prepare('INSERT INTO sequence_authority (agency_code, day, next) VALUES (?, ?, ?)');
      put.run('H01', day(0), 41);
      put.run('H01', day(-1), 7);
      put.run('H02', day(-7), 99);
      put.run('H03', day(0), 1);
    } finally {
      await core.close();
    }
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    data.cleanup();
  });

  it('sends usedSequences and currentCounterId; another counter is refused (exit 2, Vietnamese) until --force', async () => {
    const first = await motcuaInProcess(data.dir, ['sync', 'enrol', '--central', url, '--token', 'q04-token-1234']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    expect(bodies[0]!.currentCounterId).toBeUndefined();
    expect(bodies[0]!.usedSequences).toEqual(
      expect.arrayContaining([
        { agencyCode: 'H01', day: today, last: 40 },
        { agencyCode: 'H01', day: expect.any(String), last: 6 },
      ]),
    );
    expect(bodies[0]!.usedSequences).toHaveLength(2);

    const other = await motcuaInProcess(data.dir, ['sync', 'enrol', '--central', url, '--token', 'q05-token-1234']);
    expect(other.code).toBe(2);
    expect(bodies[1]).toMatchObject({ currentCounterId: 'Q04' });
    expect(bodies[1]!.force).toBeUndefined();
    expect(other.stderr).toContain('SYNC_ENROL_OTHER_COUNTER');
    expect(other.stderr).toMatch(/Các hồ sơ đã gửi lên hệ thống trung tâm vẫn thuộc mã quầy cũ Q04/);

    const forced = await motcuaInProcess(data.dir, ['sync', 'enrol', '--central', url, '--token', 'q05-token-1234', '--force']);
    expect(forced.code).toBe(0);
    expect(bodies[2]).toMatchObject({ currentCounterId: 'Q04', force: true });
    expect(forced.stdout).toContain('Q05');
  });

  it('sync --once with nothing to send but the central unreachable: exit 0, warned in Vietnamese that changes were not pulled', async () => {
    const r = await motcuaInProcess(data.dir, ['sync', '--once', '--central', 'http://127.0.0.1:9']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Cảnh báo: không kết nối được hệ thống trung tâm nên chưa nhận được thay đổi/);
  });

  it('says what is wrong with the arguments; the --once summary agrees with its exit code and names each error once, without an empty slot', async () => {
    const garbage = await motcuaInProcess(data.dir, ['sync', 'enrol', '--central', url, '--token', 'garbage']);
    expect(garbage.code).toBe(2);
    expect(garbage.stderr).toMatch(/không đúng dạng: có 7 ký tự/);
    expect(garbage.stderr).not.toMatch(/Thiếu --token/);
    const noCentral = await motcuaInProcess(data.dir, ['sync', 'enrol', '--token', 'abcdefgh12']);
    expect(noCentral.code).toBe(2);
    expect(noCentral.stderr).toMatch(/Thiếu --central/);
    expect(noCentral.stderr).not.toMatch(/không hợp lệ/);

    const core = await createCore({ dataDir: data.dir, logLevel: 'warn', authPolicy: { hashCost: TEST_HASH_COST } });
    try {
      const admin = core.openConnection('cli', 'test', { name: 'test', role: 'admin' });
      await call(core, admin, 'dossiers.receive', { agencyCode: '000.27.10.H12', procedureCode: '1.004873', applicant: personInput(NGUYEN_THI_HUYNH) });
    } finally {
      await core.close();
    }
    const down = await motcuaInProcess(data.dir, ['sync', '--once', '--central', 'http://127.0.0.1:9']);
    expect(down.code).toBe(3);
    const pending = Number(/còn chờ (\d+) sự kiện/.exec(down.stderr)?.[1]);
    expect(pending).toBeGreaterThan(0);
    expect(down.stderr).toContain(`Còn ${pending} mục chưa gửi được`);
    const lines = down.stderr.split('\n').filter((l) => l.includes('[SYNC_NETWORK]'));
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines).size).toBe(lines.length);
    for (const l of lines) expect(l).not.toMatch(/ {2}\[/);
  });

  it('supervisor commands: sync outbox [--state], sync retry [--item] (rejected → pending), sync changes with their diff lines', async () => {
    const listed = await motcuaInProcess(data.dir, ['sync', 'outbox', '--json']);
    expect(listed.code).toBe(0);
    const items = JSON.parse(listed.stdout) as Array<{ id: number; state: string }>;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.state === 'pending')).toBe(true);
    expect((await motcuaInProcess(data.dir, ['sync', 'outbox', '--state', 'bogus'])).code).toBe(2);

    const core = await createCore({ dataDir: data.dir, logLevel: 'warn', authPolicy: { hashCost: TEST_HASH_COST } });
    try {
      core.db.prepare("UPDATE sync_outbox SET state = 'rejected', error_code = 'DOSSIER_INVALID', error_message = 'Thiếu mã thủ tục.' WHERE id = ?").run(items[0]!.id);
      core.db
        .prepare("INSERT INTO sync_changes (cursor, kind, at, applied_at, outcome, diff) VALUES ('c9', 'calendar', '2026-12-07T01:00:00Z', '2026-12-07T01:00:01Z', 'applied', ?)")
        .run(JSON.stringify(['Ngày nghỉ 2027-02-05: thêm']));
    } finally {
      await core.close();
    }
    const rejected = await motcuaInProcess(data.dir, ['sync', 'outbox', '--state', 'rejected']);
    expect(rejected.code).toBe(0);
    expect(rejected.stdout).toMatch(new RegExp(`#${items[0]!.id} .*bị từ chối.*\\[DOSSIER_INVALID\\] Thiếu mã thủ tục\\.`));

    const one = await motcuaInProcess(data.dir, ['sync', 'retry', '--item', String(items[0]!.id), '--json']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toEqual({ due: 1 });
    expect(JSON.parse((await motcuaInProcess(data.dir, ['sync', 'outbox', '--state', 'rejected', '--json'])).stdout)).toEqual([]);
    expect((await motcuaInProcess(data.dir, ['sync', 'retry', '--item', '999999'])).code).toBe(2);
    const all = await motcuaInProcess(data.dir, ['sync', 'retry']);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain(`Đã đưa ${items.length} mục`);

    const changes = await motcuaInProcess(data.dir, ['sync', 'changes']);
    expect(changes.code).toBe(0);
    expect(changes.stdout).toMatch(/calendar: đã áp dụng\n {2}Ngày nghỉ 2027-02-05: thêm/);
    expect(JSON.parse((await motcuaInProcess(data.dir, ['sync', 'changes', '--json'])).stdout)).toMatchObject([{ cursor: 'c9', diff: ['Ngày nghỉ 2027-02-05: thêm'] }]);
  });
});
