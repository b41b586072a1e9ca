/**
 * Pairing kiosks and display boards through the real core (dispatcher, event hub, SQLite): request → approve → claim
 * once → resume on a new connection; a device reaches only what names its kind, in calls and in events; a revoke cuts
 * an open connection at once (also when another process revokes: the CLI); expired codes, wrong secrets, the bound on
 * requests from one address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../core/contract/events';
import type { MethodName } from '../../../core/contract/index';
import { ManualClock } from '../../../core/platform/clock';
import type { Connection } from '../../../core/rpc/connection';
import { MAX_LIVE_PER_PEER, MAX_REQUESTS_PER_MINUTE, PAIRING_TTL_MS } from '../../../core/services/pairing/pairing-requests';
import { motcuaInProcess } from '../../helpers/cli';
import { call, startCore, withAdmin, type TestCore } from '../../helpers/core';

let t: TestCore;
let admin: Connection;
// Near the real time: the CLI runs (motcuaInProcess) open their own core on the system clock.
const clock = new ManualClock(new Date());

beforeAll(async () => {
  t = await startCore({ clock });
  admin = await withAdmin(t.core);
});
afterAll(async () => {
  await t.close();
});

const device = (peer = '192.168.1.50') => t.core.openConnection('web', peer);

async function errorCode(c: Connection, method: MethodName | string, input: unknown): Promise<string | null> {
  const r = await t.core.dispatch(c, method, input);
  return r.ok ? null : r.error.code;
}

/** request → approve → claim: the device's token. */
async function pair(kind: 'kiosk' | 'board', name: string, extra: { printerUri?: string } = {}): Promise<{ token: string; id: string }> {
  const c = device();
  const req = await call(t.core, c, 'pairing.request', { kind });
  const rec = await call(t.core, admin, 'pairing.approve', { code: req.code, name, ...extra });
  const claimed = await call(t.core, c, 'pairing.claim', { requestId: req.requestId, secret: req.secret });
  if (claimed.status !== 'paired') throw new Error('not paired');
  t.core.closeConnection(c);
  return { token: claimed.token, id: rec.id };
}

const call1 = (seq: number) => ({ seq, ticketNumber: `A${seq}`, counter: 1, counterName: 'Quầy 1', service: 'A', at: clock.now().toISOString(), recall: false, clips: [] });

describe('pairing', () => {
  it('request → pending → approve → claim once → resume on a new connection; the kiosk reaches only what names kiosk', async () => {
    const c = device();
    const req = await call(t.core, c, 'pairing.request', { kind: 'kiosk' });
    expect(req.code).toMatch(/^\d{6}$/);
    expect(Buffer.from(req.secret, 'base64url')).toHaveLength(32);
    expect(await call(t.core, c, 'pairing.claim', { requestId: req.requestId, secret: req.secret })).toEqual({ status: 'pending', expiresAt: req.expiresAt });

    const rec = await call(t.core, admin, 'pairing.approve', { code: req.code, name: 'Ki-ốt sảnh', printerUri: 'escpos+tcp://127.0.0.1' });
    expect(rec).toMatchObject({ kind: 'kiosk', name: 'Ki-ốt sảnh', printerUri: 'escpos+tcp://127.0.0.1:9100', revokedAt: null, pairedBy: 'user:admin#1' });
    // The same code cannot be approved twice.
    expect(await errorCode(admin, 'pairing.approve', { code: req.code, name: 'Khác' })).toBe('PAIRING_CODE_UNKNOWN');

    const claimed = await call(t.core, c, 'pairing.claim', { requestId: req.requestId, secret: req.secret });
    expect(claimed).toMatchObject({ status: 'paired', device: { id: rec.id, kind: 'kiosk', name: 'Ki-ốt sảnh' } });
    const token = (claimed as { token: string }).token;
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    // Once only: the request is spent.
    expect(await errorCode(c, 'pairing.claim', { requestId: req.requestId, secret: req.secret })).toBe('PAIRING_CODE_UNKNOWN');
    // Only the token's hash is stored.
    const stored = JSON.stringify(t.core.db.prepare('SELECT * FROM paired_devices').all()) + JSON.stringify(t.core.db.prepare('SELECT * FROM pairing_requests').all());
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(req.secret);

    // Not bound yet: a fresh connection is anonymous.
    const k = device('192.168.1.51');
    expect(await errorCode(k, 'queue.status', {})).toBe('RPC_UNAUTHENTICATED');
    expect(await call(t.core, k, 'pairing.resume', { token })).toEqual({ id: rec.id, kind: 'kiosk', name: 'Ki-ốt sảnh', printerUri: 'escpos+tcp://127.0.0.1:9100' });
    expect(await errorCode(k, 'queue.status', {})).toBeNull();
    for (const m of ['dossiers.list', 'users.list', 'queue.config', 'queue.board', 'pairing.list']) expect(await errorCode(k, m, {}), m).toBe('RPC_FORBIDDEN');
    const seen = (await call(t.core, admin, 'pairing.list', {})).find((d) => d.id === rec.id)!;
    expect(seen).toMatchObject({ lastPeer: '192.168.1.51', lastSeenAt: clock.now().toISOString() });

    // leave unbinds; resume binds again.
    await call(t.core, k, 'pairing.leave', {});
    expect(await errorCode(k, 'queue.status', {})).toBe('RPC_UNAUTHENTICATED');
    await call(t.core, k, 'pairing.resume', { token });
    expect(await errorCode(k, 'queue.status', {})).toBeNull();

    // A kiosk's screen is public: the CCCD number it scanned is not sent back; the clerks' ticket keeps it.
    await call(t.core, admin, 'queue.saveGroup', { code: 'KQ', name: 'Ki-ốt thử', prefix: 'KQ', hours: { mode: 'always' } });
    const cccd = '001203004567|012345678|Nguyễn Thị Hoa|01011990|Nữ|12 Hàng Bạc, Hoàn Kiếm, Hà Nội|15062021';
    const issued = await call(t.core, k, 'queue.issue', { service: 'KQ', print: false, cccdQr: cccd });
    expect(issued.applicant).toBeNull();
    expect(JSON.stringify(issued)).not.toContain('001203004567');
    const kept = (await call(t.core, admin, 'queue.tickets', {})).find((x) => x.id === issued.id);
    expect(kept?.applicant).toEqual({ idNumber: '001203004567', fullName: 'Nguyễn Thị Hoa' });
  });

  it("a board gets queue.called, not a clerk's events; a revoke stops its calls and events at once", async () => {
    const { token, id } = await pair('board', 'Bảng sảnh');
    const b = device('192.168.1.60');
    const got: EventMessage[] = [];
    b.sink = (m) => void got.push(m);
    await call(t.core, b, 'pairing.resume', { token });
    expect(await errorCode(b, 'events.subscribe', { names: ['printing.jobChanged'] })).toBe('EVENT_FORBIDDEN');
    expect(await errorCode(b, 'events.subscribe', { names: ['pages.changed'] })).toBe('EVENT_FORBIDDEN');
    await call(t.core, b, 'events.subscribe', { names: ['queue.called', 'queue.changed'] });
    // A kiosk may not have the board's calls.
    const kiosk = await pair('kiosk', 'Ki-ốt 2');
    const k = device();
    await call(t.core, k, 'pairing.resume', { token: kiosk.token });
    expect(await errorCode(k, 'events.subscribe', { names: ['queue.called'] })).toBe('EVENT_FORBIDDEN');
    expect(await errorCode(b, 'queue.issue', { service: 'A' })).toBe('RPC_FORBIDDEN');
    expect(await errorCode(b, 'queue.board', {})).toBeNull();

    t.core.events.publish('queue.called', call1(1));
    t.core.events.publish('pages.changed', { dossierId: 'd1', trayOwner: null });
    expect(got.map((m) => m.event)).toEqual(['queue.called']);

    const revoked = await call(t.core, admin, 'pairing.revoke', { id });
    expect(revoked.revokedAt).toBe(clock.now().toISOString());
    t.core.events.publish('queue.called', call1(2));
    expect(got).toHaveLength(1);
    // Told it was revoked (its screen pairs again), not asked to log in; the token is dropped from the connection.
    expect(await errorCode(b, 'queue.board', {})).toBe('PAIRING_DEVICE_REVOKED');
    expect(await errorCode(b, 'queue.board', {})).toBe('RPC_UNAUTHENTICATED');
    // Its screen shows pairing again: the token is refused for good.
    expect(await errorCode(b, 'pairing.resume', { token })).toBe('PAIRING_DEVICE_REVOKED');
    // Revoking again changes nothing; the audit trail has the pairing, claim and revoke.
    expect((await call(t.core, admin, 'pairing.revoke', { id })).revokedAt).toBe(revoked.revokedAt);
    const actions = (t.core.db.prepare("SELECT action FROM audit_log WHERE entity = 'paired_device' AND entity_id = ?").pluck().all(id) as string[]);
    expect(actions).toEqual(['device.pair', 'device.claim', 'device.revoke']);
  });

  it('a revoke by another process (the CLI) cuts an open connection too', async () => {
    const { token, id } = await pair('kiosk', 'Ki-ốt cổng');
    const k = device();
    await call(t.core, k, 'pairing.resume', { token });
    expect(await errorCode(k, 'queue.status', {})).toBeNull();
    const list = await motcuaInProcess(t.dir, ['pairing', 'list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    expect((JSON.parse(list.stdout) as { id: string }[]).map((d) => d.id)).toContain(id);
    const r = await motcuaInProcess(t.dir, ['pairing', 'revoke', id]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Ki-ốt cổng');
    expect(await errorCode(k, 'queue.status', {})).toBe('PAIRING_DEVICE_REVOKED');
    const unknown = await motcuaInProcess(t.dir, ['pairing', 'revoke', 'khong-co-thiet-bi']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('PAIRING_DEVICE_NOT_FOUND');
  });

  it('the CLI pairs the device showing a code; a wrong code exits 2', async () => {
    const c = device();
    const req = await call(t.core, c, 'pairing.request', { kind: 'board' });
    const wrong = await motcuaInProcess(t.dir, ['pairing', 'approve', '--code', req.code === '000000' ? '000001' : '000000', '--name', 'Bảng']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/PAIRING_CODE_UNKNOWN.*Mã ghép nối/);
    const board = await motcuaInProcess(t.dir, ['pairing', 'approve', '--code', req.code, '--name', 'Bảng tầng 2', '--printer', 'escpos+tcp://127.0.0.1']);
    expect(board.code).toBe(2);
    expect(board.stderr).toContain('PAIRING_PRINTER_NOT_FOR_BOARD');
    const ok = await motcuaInProcess(t.dir, ['pairing', 'approve', '--code', req.code, '--name', 'Bảng tầng 2', '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ kind: 'board', name: 'Bảng tầng 2', pairedBy: expect.stringMatching(/^system:cli:/) });
    expect(await call(t.core, c, 'pairing.claim', { requestId: req.requestId, secret: req.secret })).toMatchObject({ status: 'paired' });
  });

  it('wrong secret: the same answer as an unknown request; expired: PAIRING_EXPIRED and the code can no longer be approved', async () => {
    const c = device();
    const req = await call(t.core, c, 'pairing.request', { kind: 'kiosk' });
    const otherSecret = Buffer.alloc(32, 7).toString('base64url');
    expect(await errorCode(c, 'pairing.claim', { requestId: req.requestId, secret: otherSecret })).toBe('PAIRING_CODE_UNKNOWN');
    expect(await errorCode(c, 'pairing.claim', { requestId: '5b0a3d4e-0000-4000-8000-000000000000', secret: req.secret })).toBe('PAIRING_CODE_UNKNOWN');
    clock.advance(PAIRING_TTL_MS + 1);
    expect(await errorCode(c, 'pairing.claim', { requestId: req.requestId, secret: req.secret })).toBe('PAIRING_EXPIRED');
    expect(await errorCode(c, 'pairing.claim', { requestId: req.requestId, secret: otherSecret })).toBe('PAIRING_CODE_UNKNOWN');
    const r = await t.core.dispatch(admin, 'pairing.approve', { code: req.code, name: 'Muộn' });
    expect(r).toMatchObject({ ok: false, error: { code: 'PAIRING_CODE_UNKNOWN', field: 'code' } });
    expect(!r.ok && r.error.message).toMatch(/Mã ghép nối không đúng hoặc đã hết hạn/);
  });

  it('one address is paced and holds a bounded number of live requests (the oldest dropped); codes are unique among live ones', async () => {
    const fast = device('10.0.0.98');
    for (let i = 0; i < MAX_REQUESTS_PER_MINUTE; i++) await call(t.core, fast, 'pairing.request', { kind: 'board' });
    const paced = await t.core.dispatch(fast, 'pairing.request', { kind: 'board' });
    expect(paced).toMatchObject({ ok: false, error: { code: 'PAIRING_TOO_MANY', params: { seconds: 60 } } });
    clock.advance(60_000);
    await call(t.core, fast, 'pairing.request', { kind: 'board' });
    // This machine itself (its own browser) is not paced.
    const local = device('127.0.0.1');
    for (let i = 0; i <= MAX_REQUESTS_PER_MINUTE; i++) await call(t.core, local, 'pairing.request', { kind: 'kiosk' });

    const c = device('10.0.0.99');
    const reqs = [];
    // Slower than the pace, all within one code's lifetime.
    for (let i = 0; i < MAX_LIVE_PER_PEER + 5; i++) {
      reqs.push(await call(t.core, c, 'pairing.request', { kind: 'board' }));
      clock.advance(60_000 / MAX_REQUESTS_PER_MINUTE + 1);
    }
    const live = t.core.db.prepare("SELECT id, code FROM pairing_requests WHERE peer = '10.0.0.99'").all() as { id: string; code: string }[];
    expect(live).toHaveLength(MAX_LIVE_PER_PEER);
    expect(new Set(live.map((l) => l.id))).toEqual(new Set(reqs.slice(5).map((r) => r.requestId)));
    const allLive = t.core.db.prepare('SELECT code FROM pairing_requests WHERE expires_at > ?').pluck().all(clock.now().toISOString()) as string[];
    expect(new Set(allLive).size).toBe(allLive.length);
    // A dropped request is gone for its device and its admin alike; another address is untouched.
    expect(await errorCode(c, 'pairing.claim', { requestId: reqs[0]!.requestId, secret: reqs[0]!.secret })).toBe('PAIRING_CODE_UNKNOWN');
    const other = await call(t.core, device('10.0.0.100'), 'pairing.request', { kind: 'kiosk' });
    expect(await call(t.core, admin, 'pairing.approve', { code: other.code, name: 'Ki-ốt 3' })).toMatchObject({ kind: 'kiosk' });
  });

  it('update renames and sets a kiosk printer (audited); a stranger and a clerk cannot approve or list', async () => {
    const { id } = await pair('kiosk', 'Ki-ốt 4');
    const u = await call(t.core, admin, 'pairing.update', { id, name: 'Ki-ốt tầng 1', printerUri: 'escpos+tcp://127.0.0.1:9101' });
    expect(u).toMatchObject({ name: 'Ki-ốt tầng 1', printerUri: 'escpos+tcp://127.0.0.1:9101' });
    expect((await t.core.dispatch(admin, 'pairing.update', { id, printerUri: 'khong-phai-may-in' })) as unknown).toMatchObject({ ok: false, error: { code: 'PRINT_BAD_URI', field: 'printerUri' } });
    expect(await call(t.core, admin, 'pairing.update', { id, printerUri: null })).toMatchObject({ printerUri: null });
    expect(await errorCode(admin, 'pairing.update', { id: 'khong-co', name: 'x' })).toBe('PAIRING_DEVICE_NOT_FOUND');
    expect(await errorCode(device(), 'pairing.approve', { code: '123456', name: 'x' })).toBe('RPC_UNAUTHENTICATED');
    await call(t.core, admin, 'users.create', { username: 'canbo', displayName: 'Cán bộ', password: 'mat-khau-can-bo', role: 'clerk' });
    const clerk = device();
    await call(t.core, clerk, 'auth.login', { username: 'canbo', password: 'mat-khau-can-bo' });
    expect(await errorCode(clerk, 'pairing.list', {})).toBe('RPC_FORBIDDEN');
    expect(await errorCode(clerk, 'pairing.revoke', { id })).toBe('RPC_FORBIDDEN');
  });
});
