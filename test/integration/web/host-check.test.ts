import http from 'node:http';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostAllowList } from '../../../core/adapters/web/allowed-hosts';
import { startWebServer, type WebServer } from '../../../core/adapters/web/server';
import { startCore, stubRendererDir, type TestCore } from '../../helpers/core';
import { RpcClient } from '../../helpers/ws-client';

/** A GET with whatever Host/Origin a DNS-rebinding page would make the browser send. */
function get(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens /rpc with forged headers: 'open' when the upgrade was accepted, else the refusal. */
async function upgrade(url: string, headers: Record<string, string>): Promise<string> {
  try {
    const c = await RpcClient.open(url, headers);
    const status = await c.call('auth.status', {});
    c.close();
    return status.ok ? 'open' : 'open-but-failing';
  } catch (e) {
    return (e as Error).message;
  }
}

let t: TestCore;
let server: WebServer;
let rendererDir: string;
beforeAll(async () => {
  t = await startCore();
  rendererDir = stubRendererDir(t.dir);
  server = await startWebServer(t.core, { port: 0, rendererDir, allowedHosts: [] });
});
afterAll(async () => {
  await server.close();
  await t.close();
});

describe('web mode Host and Origin allow-list (DNS rebinding)', () => {
  it('refuses a rebinding page whose Origin and Host both name the attacker, over WebSocket and HTTP', async () => {
    const p = server.port;
    // Same origin as host: the old check let this through to auth.setupAdmin on a fresh install.
    expect(await upgrade(server.url, { host: `evil.example:${p}`, origin: `http://evil.example:${p}` })).toMatch(/403/);
    expect(await upgrade(server.url, { host: `evil.example:${p}` })).toMatch(/403/);
    expect(await get(server.url + '/', { host: `evil.example:${p}` })).toBe(403);
    expect(await get(server.url + '/healthz', { host: `evil.example:${p}` })).toBe(403);
    expect(t.core.services.auth.needsSetup()).toBe(true);
  });

  it('answers loopback names on the bound port, and refuses a wrong port or a foreign Origin', async () => {
    const p = server.port;
    for (const host of [`127.0.0.1:${p}`, `localhost:${p}`, `LOCALHOST:${p}`, `[::1]:${p}`]) {
      expect(await get(server.url + '/', { host }), host).toBe(200);
      expect(await upgrade(server.url, { host, origin: `http://${host}` }), host).toBe('open');
    }
    expect(await upgrade(server.url, {})).toBe('open'); // CLI tools send no Origin
    expect(await get(server.url + '/', { host: `127.0.0.1:${p + 1}` })).toBe(403);
    expect(await get(server.url + '/', { host: '127.0.0.1' })).toBe(403);
    expect(await get(server.url + '/', { host: `${os.hostname()}:${p}` })).toBe(403); // not LAN mode
    expect(await upgrade(server.url, { host: `127.0.0.1:${p}`, origin: 'http://evil.example' })).toMatch(/403/);
    expect(await upgrade(server.url, { host: `127.0.0.1:${p}`, origin: `http://localhost:${p + 1}` })).toMatch(/403/);
    expect(await upgrade(server.url, { host: `127.0.0.1:${p}`, origin: 'null' })).toMatch(/403/);
    expect(await get(server.url + '/', { host: `127.0.0.1:${p}`, origin: `http://evil.example:${p}` })).toBe(403);
  });

  it('answers the names in MOTCUA_WEB_ALLOWED_HOSTS', async () => {
    const before = process.env.MOTCUA_WEB_ALLOWED_HOSTS;
    process.env.MOTCUA_WEB_ALLOWED_HOSTS = ' quay1.ubnd.local , proxy.example:443';
    const s = await startWebServer(t.core, { port: 0, rendererDir });
    try {
      expect(await get(s.url + '/', { host: `quay1.ubnd.local:${s.port}` })).toBe(200);
      expect(await upgrade(s.url, { host: `quay1.ubnd.local:${s.port}`, origin: `http://quay1.ubnd.local:${s.port}` })).toBe('open');
      expect(await upgrade(s.url, { host: 'proxy.example', origin: 'https://proxy.example' })).toBe('open');
      expect(await get(s.url + '/', { host: `quay2.ubnd.local:${s.port}` })).toBe(403);
    } finally {
      if (before === undefined) delete process.env.MOTCUA_WEB_ALLOWED_HOSTS;
      else process.env.MOTCUA_WEB_ALLOWED_HOSTS = before;
      await s.close();
    }
  });

  // 127.0.0.2 is a loopback address on Linux, so "bound to another address" is tried without leaving the machine.
  it.runIf(process.platform === 'linux')('bound to another address (LAN mode), also answers the interface addresses and hostname', async () => {
    const s = await startWebServer(t.core, { host: '127.0.0.2', port: 0, rendererDir, allowedHosts: [] });
    try {
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.2:/);
      expect(await get(s.url + '/', { host: `127.0.0.2:${s.port}` })).toBe(200);
      expect(await get(s.url + '/', { host: `${os.hostname()}:${s.port}` })).toBe(200);
      expect(await upgrade(s.url, { host: `${os.hostname()}:${s.port}`, origin: `http://${os.hostname()}:${s.port}` })).toBe('open');
      expect(await get(s.url + '/', { host: `evil.example:${s.port}` })).toBe(403);
      expect(await upgrade(s.url, { host: `evil.example:${s.port}`, origin: `http://evil.example:${s.port}` })).toMatch(/403/);
    } finally {
      await s.close();
    }
  });
});

describe('host allow-list rules', () => {
  const interfaces = () => ({
    lo: [{ address: '127.0.0.1', family: 'IPv4' }, { address: '::1', family: 'IPv6' }],
    eth0: [{ address: '192.168.1.20', family: 'IPv4' }, { address: 'fe80::1234%eth0', family: 'IPv6' }],
  }) as unknown as NodeJS.Dict<os.NetworkInterfaceInfo[]>;
  const hostname = () => 'Quay-03';

  it('in LAN mode (0.0.0.0) takes interface addresses and the hostname on the bound port only', () => {
    const a = createHostAllowList({ bindHost: '0.0.0.0', port: 5178, interfaces, hostname });
    expect(a.allowsHost('192.168.1.20:5178')).toBe(true);
    expect(a.allowsHost('[fe80::1234]:5178')).toBe(true);
    expect(a.allowsHost('quay-03:5178')).toBe(true);
    expect(a.allowsHost('192.168.1.20:5179')).toBe(false);
    expect(a.allowsHost('0.0.0.0:5178')).toBe(false);
    expect(a.allowsHost('192.168.1.21:5178')).toBe(false);
    expect(a.allowsOrigin('http://192.168.1.20:5178')).toBe(true);
    expect(a.allowsOrigin('http://attacker.example:5178')).toBe(false);
  });

  it('bound to loopback, takes only loopback names, and never a malformed header', () => {
    const a = createHostAllowList({ bindHost: '127.0.0.1', port: 5178, interfaces, hostname });
    expect(a.allowsHost('localhost:5178')).toBe(true);
    expect(a.allowsHost('192.168.1.20:5178')).toBe(false);
    expect(a.allowsHost('quay-03:5178')).toBe(false);
    for (const bad of [undefined, '', 'localhost:5178/x', 'user@localhost:5178', 'local host:5178']) expect(a.allowsHost(bad), String(bad)).toBe(false);
    expect(a.allowsOrigin(undefined)).toBe(true);
    expect(a.allowsOrigin('file://')).toBe(false);
  });
});
