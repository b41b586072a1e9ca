/**
 * A paired device over web mode's WebSocket (issue #18): once it has resumed its token it stays connected like a
 * logged-in user (a board shows the queue all day), while a connection that never logs in or pairs is still closed.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebServer, type WebServer } from '../../../core/adapters/web/server';
import { call, startCore, stubRendererDir, withAdmin, type TestCore } from '../../helpers/core';
import { RpcClient } from '../../helpers/ws-client';

let t: TestCore;
let server: WebServer;
beforeAll(async () => {
  t = await startCore();
  server = await startWebServer(t.core, { port: 0, rendererDir: stubRendererDir(t.dir), anonymousTimeoutMs: 300 });
});
afterAll(async () => {
  await server.close();
  await t.close();
});

it('a board that resumed its token outlives the anonymous timeout; an anonymous socket opened after it is closed', async () => {
  const admin = await withAdmin(t.core);
  const board = await RpcClient.open(server.url);
  const req = (await board.call('pairing.request', { kind: 'board' })).value as { requestId: string; code: string; secret: string };
  await call(t.core, admin, 'pairing.approve', { code: req.code, name: 'Bảng sảnh' });
  const claimed = (await board.call('pairing.claim', { requestId: req.requestId, secret: req.secret })).value as { token: string };
  expect(await board.call('pairing.resume', { token: claimed.token })).toMatchObject({ ok: true });

  const stranger = await RpcClient.open(server.url);
  const until = Date.now() + 10_000;
  while (stranger.ws.readyState !== WebSocket.CLOSED && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  expect(stranger.ws.readyState).toBe(WebSocket.CLOSED);
  // The board's own deadline fell before the stranger's: it is still open and still served.
  expect(board.ws.readyState).toBe(WebSocket.OPEN);
  expect(await board.call('events.subscribe', { names: ['queue.called'] })).toMatchObject({ ok: true });
  board.close();
});
