/**
 * The device side of pairing below the screens (issue #18):
 * - the web bridge binds a paired kiosk's token (pairing.resume) on every connection, the first included, before any
 *   queued call goes out; a refusal is reported (the gate pairs again) and the queued calls still go; a logged-in
 *   user's resumed session takes precedence (no device binding);
 * - the kiosk issues a ticket with one request id and sends that same id again when the connection dropped, so a
 *   ticket the core already issued comes back instead of a second number; a refusal is not resent;
 * - what a kiosk scan is (CCCD with its holder's name, receipt with its dossier code, anything else).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallResult } from '../../../core/contract/bridge';
import { WebBridge } from '../../../renderer/src/bridge/web-bridge';
import { FakeSocket, SOCKET_OPEN } from '../../helpers/fake-web-socket';
import { readKioskScan, receiptCode } from '../../../renderer/src/screens/kiosk/scanned-code';

const TOKEN = 'device-token-0123456789abcdef';

const flush = () => new Promise((r) => setTimeout(r, 0));
const DEVICE = { id: 'd1', kind: 'kiosk', name: 'Kiosk sảnh', printerUri: null };

let sockets: FakeSocket[];
beforeEach(() => {
  sockets = [];
  vi.stubGlobal('WebSocket', { OPEN: SOCKET_OPEN });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

function bridge(opts: { user?: string | null; device?: string | null; refused?: (code: string) => void } = {}) {
  return new WebBridge({
    url: 'ws://test/rpc',
    getToken: () => opts.user ?? null,
    getDeviceToken: () => opts.device ?? null,
    onDeviceRefused: opts.refused,
    initialDelayMs: 1,
    maxDelayMs: 1,
    createSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s as unknown as WebSocket;
    },
  });
}

describe('web bridge: device token', () => {
  it('binds the device token before the queued calls, on the first connection and again after a reconnect', async () => {
    const b = bridge({ device: TOKEN });
    const status = b.call('queue.status', {});
    sockets[0]!.open();
    expect(sockets[0]!.sent.map((m) => m.method)).toEqual(['pairing.resume']);
    expect(sockets[0]!.sent[0]!.input).toEqual({ token: TOKEN });
    sockets[0]!.reply('pairing.resume', { ok: true, value: DEVICE });
    await flush();
    expect(sockets[0]!.sent.map((m) => m.method)).toEqual(['pairing.resume', 'queue.status']);
    sockets[0]!.reply('queue.status', { ok: true, value: 'ok' });
    expect(await status).toEqual({ ok: true, value: 'ok' });

    sockets[0]!.drop();
    await new Promise((r) => setTimeout(r, 10));
    const again = b.call('queue.status', {});
    sockets[1]!.open();
    expect(sockets[1]!.sent.map((m) => m.method)).toEqual(['pairing.resume']);
    sockets[1]!.reply('pairing.resume', { ok: true, value: DEVICE });
    await flush();
    expect(sockets[1]!.sent.map((m) => m.method)).toContain('queue.status');
    sockets[1]!.reply('queue.status', { ok: true, value: 'ok2' });
    expect(await again).toEqual({ ok: true, value: 'ok2' });
  });

  it('reports a refused token (the gate pairs again) and still sends the queued calls', async () => {
    const refused: string[] = [];
    const b = bridge({ device: TOKEN, refused: (c) => void refused.push(c) });
    void b.call('queue.status', {});
    sockets[0]!.open();
    sockets[0]!.reply('pairing.resume', { ok: false, error: { code: 'PAIRING_DEVICE_REVOKED', message: 'x' } });
    await flush();
    expect(refused).toEqual(['PAIRING_DEVICE_REVOKED']);
    expect(sockets[0]!.sent.map((m) => m.method)).toEqual(['pairing.resume', 'queue.status']);
  });

  it("a user's session comes first: no device binding beside it", async () => {
    const b = bridge({ user: 'user-session', device: TOKEN });
    void b.call('queue.status', {});
    sockets[0]!.open(); // the first connection: the session provider resumes the user itself
    expect(sockets[0]!.sent.map((m) => m.method)).toEqual(['queue.status']);
    sockets[0]!.drop();
    await new Promise((r) => setTimeout(r, 10));
    void b.call('queue.status', {});
    sockets[1]!.open();
    expect(sockets[1]!.sent.map((m) => m.method)).toEqual(['auth.resume']);
    sockets[1]!.reply('auth.resume', { ok: true, value: {} });
    await flush();
    expect(sockets[1]!.sent.map((m) => m.method)).toEqual(['auth.resume', 'queue.status']);
  });

  it('binds nothing when no device screen is shown', () => {
    const b = bridge();
    void b.call('auth.status', {});
    sockets[0]!.open();
    expect(sockets[0]!.sent.map((m) => m.method)).toEqual(['auth.status']);
  });
});

describe('kiosk: issuing a ticket', () => {
  async function withBridge(answers: CallResult[]) {
    const calls: Array<{ method: string; input: { requestId?: string } }> = [];
    vi.stubGlobal('window', {
      motcua: {
        transport: 'electron',
        call: (method: string, input: { requestId?: string }) => {
          calls.push({ method, input });
          return Promise.resolve(answers.shift()!);
        },
        subscribe: () => () => {},
      },
    });
    const { issueTicket } = await import('../../../renderer/src/screens/kiosk/kiosk-issue');
    return { calls, issueTicket };
  }

  it('sends the same request id again after a dropped connection, and returns what the core issued', async () => {
    const lost = { ok: false as const, error: { code: 'UI_CONNECTION_LOST', message: '', params: {} } };
    const { calls, issueTicket } = await withBridge([lost, { ok: true, value: { number: 'K001' } }]);
    const t = await issueTicket({ service: 'KIOSK' });
    expect(t).toEqual({ number: 'K001' });
    expect(calls).toHaveLength(2);
    expect(calls[0]!.input.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(calls[1]!.input.requestId).toBe(calls[0]!.input.requestId);
  });

  it('does not resend a refusal (closed, capped): the error goes to the screen', async () => {
    const closed = { ok: false as const, error: { code: 'QUEUE_CLOSED', message: 'Ngoài giờ', params: {} } };
    const { calls, issueTicket } = await withBridge([closed]);
    await expect(issueTicket({ service: 'KIOSK' })).rejects.toMatchObject({ code: 'QUEUE_CLOSED' });
    expect(calls).toHaveLength(1);
  });
});

describe('kiosk: what a scan is', () => {
  it('a CCCD QR with its holder, a receipt with its dossier code, anything else refused', () => {
    const qr = '001185012345|012345678|Huỳnh Thị Ngọc Ánh|15031985|Nữ|Số 12 ngõ 34 phố Đặng Tiến Đông, Phường Đống Đa, Thành phố Hà Nội|10082021';
    expect(readKioskScan(`${qr}\r\n`)).toEqual({ kind: 'cccd', text: qr, name: 'Huỳnh Thị Ngọc Ánh' });
    expect(readKioskScan('HS-2026-000123')).toEqual({ kind: 'receipt', text: 'HS-2026-000123', code: 'HS-2026-000123' });
    expect(readKioskScan('https://dichvucong.example/tra-cuu?code=HS-9')).toMatchObject({ kind: 'receipt', code: 'HS-9' });
    expect(receiptCode('https://dichvucong.example/ho-so/HS-7')).toBe('HS-7');
    expect(readKioskScan('xin chào')).toEqual({ kind: 'other' });
    // Looks like a CCCD (12 digits and a bar) but is not one: not sent as a card.
    expect(readKioskScan('001185012345|rubbish')).toEqual({ kind: 'other' });
  });
});
