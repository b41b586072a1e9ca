/** The reference central server as a child process for the sync benchmarks. */
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { REPO } from '../helpers/temp';

/** The central server in its own process (`node bin/central.mjs`), as deployed: the counter's work in this
 *  process does not slow the server's event loop, nor the other way round. */
export async function startCentralProcess(databaseUrl: string, blobDir: string): Promise<{ url: string; stop: () => void }> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  const p = spawn(process.execPath, [path.join(REPO, 'bin/central.mjs'), '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...process.env, CENTRAL_DATABASE_URL: databaseUrl, CENTRAL_BLOB_DIR: blobDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the central server did not start')), 60_000);
    p.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    p.once('exit', (code) => reject(new Error(`the central server exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => p.kill('SIGTERM') };
}
