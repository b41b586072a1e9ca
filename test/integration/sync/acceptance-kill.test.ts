/**
 * Issue #17 acceptance: kill -9 of the counter's `motcua sync` mid-upload (on a slow link), and of the central
 * server (a child process) while it commits an uploaded chunk and an event. After restarts nothing is lost and
 * nothing is there twice; the killed upload resumes from what the server holds, not from zero.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../core/app';
import { createEnrolToken } from '../../../central/store/devices';
import { startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy';
import { createTestDatabase, dropTestDatabase, pgAvailable } from '../../helpers/postgres';
import { drain, enrolCounter, expectCentralMatchesCounter, receiveDossier, startCentralRig, startCounter, tinyPdf, type CentralRig } from '../../helpers/sync-rig';
import { REPO, tempDir } from '../../helpers/temp';

const BIG = 1_000_000;

/** Polls `ok` (bounded), between short waits: the other side is a separate process. */
async function until(ok: () => boolean, what: string, limitMs = 60_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function exited(p: ChildProcess): Promise<void> {
  return p.exitCode !== null || p.signalCode !== null ? Promise.resolve() : new Promise((r) => p.once('exit', () => r()));
}

/** A core on an existing data directory (no background worker: the test drives it). */
const openCore = (dataDir: string): Promise<Core> => createCore({ dataDir, logLevel: 'warn', sync: { run: false } });

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe.skipIf(!pgAvailable)('kill -9 of the client and of the server', () => {
  const dbs: string[] = [];
  const children = new Set<ChildProcess>();
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    for (const f of cleanups.reverse()) await f();
    for (const u of dbs) await dropTestDatabase(u);
  });

  it('the counter killed mid-upload resumes after restart: nothing lost, nothing twice', async () => {
    const databaseUrl = await createTestDatabase('synckillc');
    dbs.push(databaseUrl);
    const rig: CentralRig = await startCentralRig(databaseUrl);
    cleanups.push(() => rig.close());
    const data = tempDir('motcua-sync-kill-');
    cleanups.push(data.cleanup);
    const counter = await startCounter({ dataDir: data.dir });
    await enrolCounter(counter, rig.proxy.url, await rig.token('Q05'));
    await receiveDossier(counter, { attachments: [tinyPdf(BIG)], pages: 1 });
    await counter.core.close();

    // A postal counter's weak line: the upload takes seconds, so the kill lands in the middle of it.
    rig.proxy.setRate(400_000);
    const bigChunks = () => rig.proxy.log.filter((l) => l.method === 'PATCH' && Number(l.headers['upload-length']) > BIG && l.upstreamStatus === 200);
    const child = spawn(process.execPath, [path.join(REPO, 'bin/motcua.mjs'), 'sync'], { env: { ...process.env, MOTCUA_DATA_DIR: data.dir }, stdio: 'ignore' });
    children.add(child);
    await until(() => bigChunks().length >= 2 || child.exitCode !== null, 'two chunks stored');
    child.kill('SIGKILL');
    await exited(child);
    children.delete(child);
    expect(child.signalCode).toBe('SIGKILL');
    const seenBefore = rig.proxy.log.length;

    rig.proxy.setRate(null);
    const core = await openCore(data.dir);
    cleanups.push(() => core.close());
    expect(await drain(core)).toMatchObject({ remaining: 0 });
    await expectCentralMatchesCounter(rig, { core, dir: data.dir }, 'Q05');
    // Resumed, not restarted: no chunk of the big file was sent again from offset 0.
    const after = rig.proxy.log.slice(seenBefore).filter((l) => l.method === 'PATCH' && Number(l.headers['upload-length']) > BIG);
    expect(after.length).toBeGreaterThan(0); // the kill did land mid-upload
    expect(after.every((l) => Number(l.headers['upload-offset']) > 0)).toBe(true);
  });

  it('the central killed while it commits a chunk and an event: after its restart, nothing lost, nothing twice', async () => {
    const databaseUrl = await createTestDatabase('synckills');
    dbs.push(databaseUrl);
    const blobs = tempDir('motcua-central-kill-');
    cleanups.push(blobs.cleanup);
    const port = await freePort();
    let central: ChildProcess | null = null;
    const startCentral = async (): Promise<void> => {
      const p = spawn(process.execPath, [path.join(REPO, 'bin/central.mjs'), '--port', String(port), '--host', '127.0.0.1'], {
        env: { ...process.env, CENTRAL_DATABASE_URL: databaseUrl, CENTRAL_BLOB_DIR: blobs.dir },
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      children.add(p);
      let out = '';
      p.stdout!.on('data', (c: Buffer) => (out += c.toString()));
      await until(() => out.includes('listening on') || p.exitCode !== null, 'the central server to listen', 30_000);
      expect(p.exitCode).toBe(null);
      central = p;
    };
    const killCentral = (): void => {
      central?.kill('SIGKILL');
    };
    await startCentral();
    const proxy: FaultProxy = await startFaultProxy(`http://127.0.0.1:${port}`);
    cleanups.push(() => proxy.close());
    const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    cleanups.push(() => db.end());

    const data = tempDir('motcua-sync-kills-');
    cleanups.push(data.cleanup);
    const counter = await startCounter({ dataDir: data.dir });
    cleanups.push(() => counter.core.close());
    await enrolCounter(counter, proxy.url, await createEnrolToken(db, 'Q06'));
    for (let i = 0; i < 3; i++) await receiveDossier(counter, { attachments: [tinyPdf(20_000)], pages: 1 });

    // The server dies the moment it has a whole request in hand: first a chunk, then (after a restart) an event.
    for (const match of ['PATCH /v1/blobs/', 'PUT /v1/dossiers/']) {
      proxy.plan({ match, action: { kind: 'forward', onForwarded: killCentral } });
      const r = await counter.core.services.sync.runOnce();
      expect(r.remaining).toBeGreaterThan(0);
      await exited(central!);
      children.delete(central!);
      expect(proxy.pending()).toBe(0);
      await startCentral();
    }
    expect(await drain(counter.core)).toMatchObject({ remaining: 0 });
    await expectCentralMatchesCounter({ db, blobDir: blobs.dir }, { core: counter.core, dir: data.dir }, 'Q06');
    killCentral();
  });
});
