/**
 * Sync backlog (issue #17): 2,000 dossiers × 5 scanned pages queued while the counter was offline drain through a
 * throttled loopback link (the fault proxy's rate limit, both ways) to a real central server on PostgreSQL.
 * Figures: payload throughput as a fraction of the link's capacity (target ≥ 80%), and bytes on the wire (both
 * ways, headers, JSON and replies included) per payload byte (target ≤ 1.05). Payload = the files' bytes.
 * Smaller or different runs: SYNC_BENCH_DOSSIERS (default 2000), SYNC_BENCH_PAGES (5), SYNC_BENCH_PAGE_BYTES
 * (60000: a 300 dpi A4 page as the scanner stores it, G4 TIFF or JPEG), SYNC_BENCH_RATE (bytes/s, default 2 MB/s); SYNC_BENCH_CONCURRENCY (dossiers sent at once; default the worker's); SYNC_BENCH_PROFILE=1 prints the server's time and the bytes per route.
 * Run: npx tsx test/bench/sync-backlog.bench.ts (or npm run bench).
 */
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createEnrolToken } from '../../central/store/devices';
import { startFaultProxy } from '../helpers/fault-proxy';
import { addPages, enrolCounter, receiveDossier, startCounter } from '../helpers/sync-rig';
import { tempDir } from '../helpers/temp';
import { envNumber as num, withBenchDatabase } from './bench-postgres';
import { startCentralProcess } from './central-process';

const DOSSIERS = num('SYNC_BENCH_DOSSIERS', 2000);
const PAGES = num('SYNC_BENCH_PAGES', 5);
const PAGE_BYTES = num('SYNC_BENCH_PAGE_BYTES', 60_000);
const RATE = num('SYNC_BENCH_RATE', 2_000_000);
/** Dossiers the worker sends at once (default: the worker's own). */
const CONCURRENCY = process.env.SYNC_BENCH_CONCURRENCY ? num('SYNC_BENCH_CONCURRENCY', 3) : undefined;
const TARGET_FRACTION = 0.8;
const TARGET_OVERHEAD = 1.05;

export interface BacklogBench {
  dossiers: number;
  pages: number;
  payloadBytes: number;
  wireUp: number;
  wireDown: number;
  seconds: number;
  queueSeconds: number;
  rounds: number;
  remaining: number;
}

export async function runBacklogBench(): Promise<BacklogBench> {
  return withBenchDatabase(async (databaseUrl) => {
    const blobs = tempDir('motcua-bench-backlog-blobs-');
    const central = await startCentralProcess(databaseUrl, blobs.dir);
    const proxy = await startFaultProxy(central.url);
    const db = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    const rig = { proxy, token: (id: string) => createEnrolToken(db, id) };
    const counter = await startCounter(CONCURRENCY ? { sync: { concurrency: CONCURRENCY } } : {});
    try {
      await enrolCounter(counter, rig.proxy.url, await rig.token('Q09'));
      // Offline for the whole intake: every receipt, page and code stays at the counter.
      await rig.proxy.outage(true);
      const q0 = performance.now();
      for (let i = 0; i < DOSSIERS; i++) {
        const d = await receiveDossier(counter);
        await addPages(counter.core, d.id, PAGES, PAGE_BYTES);
        if ((i + 1) % 200 === 0) process.stderr.write(`  queued ${i + 1}/${DOSSIERS} dossiers\n`);
      }
      const queueSeconds = (performance.now() - q0) / 1000;
      const payloadBytes = (counter.core.db.prepare("SELECT COALESCE(SUM(bytes), 0) AS b FROM sync_outbox WHERE kind = 'file' AND state = 'pending'").get() as { b: number }).b;
      await rig.proxy.outage(false);
      rig.proxy.setRate(RATE);
      rig.proxy.resetWire();
      const t0 = performance.now();
      let rounds = 0;
      let remaining = -1;
      // "Sync now" until the outbox is empty (each round tries everything pending; bounded).
      while (rounds < 20 && remaining !== 0) {
        remaining = (await counter.core.services.sync.runOnce()).remaining;
        rounds += 1;
      }
      const seconds = (performance.now() - t0) / 1000;
      const w = rig.proxy.wire();
      if (process.env.SYNC_BENCH_PROFILE) {
        const by = new Map<string, number[]>();
        for (const l of rig.proxy.log) if (l.answeredAt) by.set(`${l.method} ${l.path.split('/')[2]}`, [...(by.get(`${l.method} ${l.path.split('/')[2]}`) ?? []), l.answeredAt - l.arrivedAt]);
        for (const [k, v] of by) process.stderr.write(`  ${k}: ${v.length} requests, server ${(v.reduce((a, b) => a + b, 0) / v.length).toFixed(1)} ms mean\n`);
        const bodies = new Map<string, number>();
        for (const l of rig.proxy.log) bodies.set(`${l.method} ${l.path.split('/')[2]}`, (bodies.get(`${l.method} ${l.path.split('/')[2]}`) ?? 0) + l.requestBodyBytes);
        for (const [k, v] of bodies) process.stderr.write(`  ${k}: ${(v / 1e6).toFixed(2)} MB of request bodies\n`);
        const first = rig.proxy.log[0]?.arrivedAt ?? 0;
        const last = Math.max(...rig.proxy.log.map((l) => l.answeredAt ?? 0));
        process.stderr.write(`  first request to last reply ${((last - first) / 1000).toFixed(1)} s\n`);
      }
      return { dossiers: DOSSIERS, pages: DOSSIERS * PAGES, payloadBytes, wireUp: w.up, wireDown: w.down, seconds, queueSeconds, rounds, remaining };
    } finally {
      await counter.close();
      await proxy.close();
      await db.end();
      central.stop();
      blobs.cleanup();
    }
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await runBacklogBench();
  const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
  const fraction = r.payloadBytes / r.seconds / RATE;
  const overhead = (r.wireUp + r.wireDown) / r.payloadBytes;
  console.log(`backlog: ${r.dossiers} dossiers × ${PAGES} pages (${r.pages} files, ${mb(r.payloadBytes)} payload) queued offline in ${r.queueSeconds.toFixed(1)} s`);
  console.log(
    `drained through a ${mb(RATE)}/s link in ${r.seconds.toFixed(1)} s (${r.rounds} round(s), ${r.remaining} left): payload at ${(fraction * 100).toFixed(1)}% of the link's capacity ` +
      `(target ≥ ${TARGET_FRACTION * 100}%: ${fraction >= TARGET_FRACTION ? 'met' : 'NOT met'})`,
  );
  console.log(
    `bytes on the wire ${mb(r.wireUp)} up + ${mb(r.wireDown)} down = ${overhead.toFixed(3)} × payload (target ≤ ${TARGET_OVERHEAD}: ${overhead <= TARGET_OVERHEAD ? 'met' : 'NOT met'}; ` +
      `up alone ${(r.wireUp / r.payloadBytes).toFixed(3)} ×)`,
  );
  if (r.remaining !== 0 || fraction < TARGET_FRACTION || overhead > TARGET_OVERHEAD) process.exitCode = 1;
}
