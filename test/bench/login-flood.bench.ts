/**
 * Login under a flood (hardening #13 item 4): web mode at production scrypt cost (N = 2^17), 200 concurrent wrong
 * logins from one peer (127.0.0.2) while a clerk logs in from another (127.0.0.1); p95 of the clerk's login.
 * Two runs: the default policy (the flooding peer is held back after its allowance) and the hashing limiter alone
 * (peer throttle lifted, every flood login is hashed). Run: npx tsx test/bench/login-flood.bench.ts (or npm run bench).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { createCore } from '../../core/app';
import { startWebServer } from '../../core/adapters/web/server';
import { DEFAULT_AUTH_POLICY, type AuthPolicy } from '../../core/services/auth/auth-service';
import { tempDir } from '../helpers/temp';

interface Client {
  call(method: string, input: unknown): Promise<{ ok: boolean }>;
  close(): void;
}

function open(url: string, localAddress: string): Promise<Client> {
  const ws = new WebSocket(url.replace(/^http/, 'ws') + '/rpc', { localAddress });
  let next = 1;
  const pending = new Map<number, (r: { ok: boolean }) => void>();
  ws.on('message', (d) => {
    const r = JSON.parse(d.toString()) as { id: number; ok: boolean };
    pending.get(r.id)?.(r);
    pending.delete(r.id);
  });
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () =>
      resolve({
        call: (method, input) =>
          new Promise((res) => {
            const id = next++;
            pending.set(id, res);
            ws.send(JSON.stringify({ id, method, input }));
          }),
        close: () => ws.terminate(),
      }),
    );
  });
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;

async function scenario(policy: Partial<AuthPolicy>, flood: boolean, logins: number): Promise<number[]> {
  const dir = tempDir('motcua-bench-login-');
  const core = await createCore({ dataDir: dir.dir, logLevel: 'error', authPolicy: policy });
  const server = await startWebServer(core, { port: 0, rendererDir: path.join(dir.dir, 'none') });
  const clerk = await open(server.url, '127.0.0.1');
  await clerk.call('auth.setupAdmin', { username: 'quantri', displayName: 'Quản trị', password: 'mat-khau-an-toan-1' });
  const attackers = flood ? await Promise.all(Array.from({ length: 10 }, () => open(server.url, '127.0.0.2'))) : [];
  const floodDone = Promise.all(
    Array.from({ length: 200 }, (_, i) => attackers[i % attackers.length]?.call('auth.login', { username: `doan${i}`, password: 'sai-mat-khau' })),
  );
  await new Promise((r) => setTimeout(r, 50)); // the flood is queued first
  const times: number[] = [];
  for (let i = 0; i < logins; i++) {
    const c = await open(server.url, '127.0.0.1');
    const t0 = performance.now();
    const r = await c.call('auth.login', { username: 'quantri', password: 'mat-khau-an-toan-1' });
    times.push(performance.now() - t0);
    if (!r.ok) throw new Error('the real login failed');
    c.close();
  }
  for (const a of attackers) a.close();
  clerk.close();
  void floodDone;
  await server.close();
  return times;
}

export async function runLoginFloodBench(): Promise<Record<string, number>> {
  const quiet = await scenario({}, false, 5);
  const throttled = await scenario({}, true, 12);
  const limiterOnly = await scenario({ peerMaxFailedAttempts: 1_000_000 }, true, 12);
  return { quietP95Ms: p95(quiet), floodP95Ms: p95(throttled), floodLimiterOnlyP95Ms: p95(limiterOnly) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await runLoginFloodBench();
  console.log(
    `login p95 (scrypt N=2^${Math.log2(DEFAULT_AUTH_POLICY.hashCost.N)}): quiet ${r.quietP95Ms!.toFixed(0)} ms; ` +
      `under a 200-login flood from another peer ${r.floodP95Ms!.toFixed(0)} ms (default policy), ` +
      `${r.floodLimiterOnlyP95Ms!.toFixed(0)} ms (hashing limiter alone, every flood login hashed)`,
  );
  process.exit(0); // abandoned flood hashes need not finish
}
