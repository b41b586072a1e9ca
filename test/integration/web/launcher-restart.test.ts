/**
 * Web mode's launcher restarts its server after a crash, on the same port, with the crash logged; a stop
 * signal still ends everything cleanly; and the server does not outlive a launcher killed with -9.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { REPO_ROOT, startWebMode } from '../../helpers/web-mode';
import { RpcClient } from '../../helpers/ws-client';

const data = tempDir();
afterAll(() => data.cleanup());

const serverPids = (out: string) => [...out.matchAll(/web server started \(pid (\d+)\)/g)].map((m) => Number(m[1]));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
async function until(what: string, ok: () => boolean, out: () => string): Promise<void> {
  for (let i = 0; i < 300 && !ok(); i++) await new Promise((r) => setTimeout(r, 100));
  if (!ok()) throw new Error(`${what} did not happen\n--- output ---\n${out()}`);
}

describe('web mode launcher', () => {
  it('restarts a server that was killed, logs why, and keeps serving on the same address', async () => {
    const web = await startWebMode({ dataDir: data.dir, requireRenderer: false });
    try {
      const client = await RpcClient.open(web.url);
      expect((await client.call('auth.setupAdmin', { username: 'admin', displayName: 'Quản trị', password: 'mat-khau-123' })).ok).toBe(true);
      client.ws.terminate();
      const [first] = serverPids(web.output());
      expect(first).toBeGreaterThan(0);

      process.kill(first!, 'SIGKILL');
      await until('a second server', () => serverPids(web.output()).length === 2, web.output);
      expect(web.output()).toMatch(/web server crashed \(code null, signal SIGKILL\); restarting/);
      const again = await (async () => {
        for (let i = 0; i < 100; i++) {
          try {
            return await RpcClient.open(web.url);
          } catch {
            await new Promise((r) => setTimeout(r, 100));
          }
        }
        throw new Error(`no server at ${web.url}\n${web.output()}`);
      })();
      const login = await again.call('auth.login', { username: 'admin', password: 'mat-khau-123' });
      expect(login.ok).toBe(true);
      again.ws.terminate();
      const log = readFileSync(path.join(data.dir, 'logs', 'launcher.log'), 'utf8');
      expect(log).toMatch(/"msg":"web server crashed; restarting".*"signal":"SIGKILL"/);

      // SIGTERM to the launcher stops the server too.
      const second = serverPids(web.output())[1]!;
      await web.stop({ keepData: true });
      await until('the server to stop', () => !alive(second), web.output);
    } finally {
      await web.stop({ keepData: true });
    }
  }, 90_000);

  it('does not leave a server running when the launcher is killed with -9', async () => {
    const web = await startWebMode({ dataDir: data.dir, requireRenderer: false });
    const [server] = serverPids(web.output());
    expect(await web.kill('SIGKILL')).toBe('SIGKILL');
    await until('the orphaned server to stop', () => !alive(server!), web.output);
    // Nothing listens on its port any more.
    await expect(fetch(new URL('/healthz', web.url), { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
  }, 60_000);

  it('`motcua serve` restarts its server the same way and stops on SIGTERM', async () => {
    const dir = tempDir();
    // `motcua serve` takes ports 1–65535: borrow a free one.
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
    const proc = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'motcua.mjs'), 'serve', '--port', String(port)], {
      cwd: REPO_ROOT,
      env: { ...process.env, MOTCUA_DATA_DIR: dir.dir, MOTCUA_RENDERER_DIR: dir.dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    try {
      await until('the URL line', () => /MotCua Desk \(web\): http/.test(out), () => out);
      process.kill(serverPids(out)[0]!, 'SIGKILL');
      await until('a restarted server', () => (out.match(/MotCua Desk \(web\): http/g) ?? []).length === 2, () => out);
      const urls = [...out.matchAll(/MotCua Desk \(web\): (http:\/\/\S+)/g)].map((m) => m[1]);
      expect(urls[1]).toBe(urls[0]);
      expect(urls[0]).toContain(`:${port}`);
      proc.kill('SIGTERM');
      expect(await exited).toBe(0);
      const last = serverPids(out).pop()!;
      await until('the server to stop', () => !alive(last), () => out);
    } finally {
      proc.kill('SIGKILL');
      dir.cleanup();
    }
  }, 90_000);
});
