/**
 * The queue on PostgreSQL (issue #18): a database that is down when the core starts does not stop it; queue calls
 * answer QUEUE_STORE_UNAVAILABLE in Vietnamese meanwhile, and work once it is back. The database is reached through
 * a loopback relay the test opens and closes (the run's private cluster itself is never stopped).
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startCore, withAdmin, type TestCore } from '../../helpers/core';
import { createTestDatabase, dropTestDatabase, pgAvailable } from '../../helpers/postgres';

/** A TCP relay on 127.0.0.1 to the database; listen() on the port it had, or stop() (dropping live links). */
async function relayTo(target: URL): Promise<{ port: number; listen(): Promise<void>; stop(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = net.createServer((inbound) => {
        const outbound = net.connect(Number(target.port || 5432), target.hostname);
        for (const s of [inbound, outbound]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        inbound.pipe(outbound).pipe(inbound);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });
  await listen();
  await stop();
  return { get port() { return port; }, listen, stop };
}

describe.skipIf(!pgAvailable)('queue on PostgreSQL', () => {
  let url: string;
  let t: TestCore;
  let relay: Awaited<ReturnType<typeof relayTo>>;

  beforeAll(async () => {
    url = await createTestDatabase('queue_svc');
    relay = await relayTo(new URL(url));
    const viaRelay = new URL(url);
    viaRelay.hostname = '127.0.0.1';
    viaRelay.port = String(relay.port);
    // The relay is down: the database is unreachable as the core starts.
    t = await startCore({ queue: { databaseUrl: viaRelay.toString() } });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await relay?.stop();
    if (url) await dropTestDatabase(url);
  });

  it('starts without the database, says so in Vietnamese, and works once it is back', async () => {
    const c = await withAdmin(t.core);
    const down = await t.core.dispatch(c, 'queue.status', {});
    expect(down.ok).toBe(false);
    if (!down.ok) {
      expect(down.error.code).toBe('QUEUE_STORE_UNAVAILABLE');
      expect(down.error.message).toMatch(/Không kết nối được cơ sở dữ liệu hàng đợi/);
    }
    // The rest of the core works on.
    expect((await call(t.core, c, 'catalogue.agencies', {})).length).toBeGreaterThan(0);

    await relay.listen();
    const cfg = await call(t.core, c, 'queue.config', {});
    expect(cfg.store).toBe('postgres');
    // Migrated and seeded on the first call that reached it.
    expect(cfg.groups.some((g) => g.purpose === 'collect')).toBe(true);
    await call(t.core, c, 'queue.saveGroup', { code: 'PG', name: 'Thử PostgreSQL', prefix: 'Q', hours: { mode: 'always' } });
    const ticket = await call(t.core, c, 'queue.issue', { service: 'PG', print: false });
    expect(await call(t.core, c, 'queue.callNext', { counter: 1 })).toMatchObject({ id: ticket.id, state: 'called' });

    await relay.stop();
    const again = await t.core.dispatch(c, 'queue.callNext', { counter: 1 });
    expect(again.ok ? null : again.error.code).toBe('QUEUE_STORE_UNAVAILABLE');
    await relay.listen();
    expect(await call(t.core, c, 'queue.current', { counter: 1 })).toMatchObject({ id: ticket.id });
  }, 60_000);
});
