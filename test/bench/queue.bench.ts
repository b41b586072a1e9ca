/**
 * Queue figures (issue #18), on web mode as a child process (the host a centre runs), over WebSocket, once with the
 * queue in the host's SQLite and once in PostgreSQL (MOTCUA_QUEUE_DATABASE_URL; a private throw-away cluster, or
 * CENTRAL_BENCH_DATABASE_URL: bench-postgres.ts):
 *  - call pressed → board updated (target p95 ≤ 200 ms): 20 counter clients each calling (callNext, then start and
 *    finish, as a clerk serves) in a loop for a bounded run, and a paired board subscribed to queue.called; the time
 *    from sending a counter's callNext to the board receiving that call's event: p50/p95/max; also when the call
 *    answered the counter; and the same for one counter calling alone before (no contention, for comparison);
 *  - ticket pressed → first byte at the printer: queue.issue from a paired kiosk whose ticket printer is a timing
 *    ESC/POS peer on 127.0.0.1 (print-sink.ts) → its first byte: p50/p95.
 * Smaller or different runs: QUEUE_BENCH_COUNTERS (20), QUEUE_BENCH_CALLS (calls per counter, 15), QUEUE_BENCH_TICKETS
 * (printed tickets, 30); QUEUE_BENCH_STORES=sqlite (or postgres) for one store only.
 * Run: MOTCUA_KEY_DIR=<a mode-700 folder> npx tsx test/bench/queue.bench.ts (or npm run bench).
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Ticket } from '../../core/contract/queue';
import { pairDevice } from '../helpers/queue-pairing';
import { configureQueue, openSession, percentile, setupAdmin, type QueueWs } from '../helpers/queue-ws';
import { startWebMode } from '../helpers/web-mode';
import { envNumber as num, withBenchDatabase } from './bench-postgres';
import { startPrintSink } from './print-sink';

const COUNTERS = num('QUEUE_BENCH_COUNTERS', 20);
const CALLS = num('QUEUE_BENCH_CALLS', 15);
const TICKETS = num('QUEUE_BENCH_TICKETS', 30);
/** Calls by one counter alone before the 20 start. */
const ALONE = 20;
const TARGET_BOARD_P95_MS = 200;
const SERVICE = 'BN';

export interface QueueBench {
  store: string;
  /** Call sent → the board's event, ms. */
  boardMs: number[];
  /** The same with one counter calling alone. */
  aloneBoardMs: number[];
  /** Call sent → the counter's answer, ms. */
  answerMs: number[];
  /** Calls answered "nobody waits" (should be none: enough tickets are issued before). */
  empty: number;
  /** queue.issue sent (kiosk) → first byte at the printer, ms. */
  firstByteMs: number[];
  issueAnsweredMs: number[];
  /** How the board and kiosk were connected (paired devices, or an admin session when pairing failed). */
  devices: string;
}

/** A paired device, or an admin session when pairing is unavailable (the bench still measures; it says so). */
async function device(url: string, admin: QueueWs, token: string, kind: 'board' | 'kiosk', o: { name: string; printerUri?: string }): Promise<{ conn: QueueWs; via: string }> {
  try {
    return { conn: (await pairDevice(url, admin, kind, o)).conn, via: `paired ${kind}` };
  } catch (e) {
    if (o.printerUri) await admin.must('printing.configure', { receipt: null, ticket: { uri: o.printerUri }, a4: null, receiptCopies: 1 });
    return { conn: await openSession(url, token), via: `${kind} as an admin session (pairing failed: ${(e as Error).message})` };
  }
}

export async function runQueueBench(store: 'sqlite' | 'postgres', databaseUrl: string | null): Promise<QueueBench> {
  const web = await startWebMode({ requireRenderer: false, env: { MOTCUA_QUEUE_DATABASE_URL: databaseUrl ?? '' } });
  const sink = await startPrintSink();
  const open: QueueWs[] = [];
  try {
    const { admin, token } = await setupAdmin(web.url);
    open.push(admin);
    const config = await admin.must<{ store: string }>('queue.config', {});
    if (config.store !== store) throw new Error(`the host holds the queue in ${config.store}, expected ${store}`);
    await configureQueue(admin, { code: SERVICE, name: 'Đo hiệu năng', prefix: 'BN', counters: COUNTERS });

    // Tickets for the whole run, every sixth with a priority reason (the calling rules at work).
    for (let i = 0; i < COUNTERS * CALLS + ALONE; i++) {
      await admin.must('queue.issue', { service: SERVICE, print: false, ...(i % 6 === 0 ? { priority: 'elderly' } : {}) });
    }
    const board = await device(web.url, admin, token, 'board', { name: 'Bảng tầng 1' });
    open.push(board.conn);
    await board.conn.must('events.subscribe', { names: ['queue.called'] });
    const counters = await Promise.all(Array.from({ length: COUNTERS }, () => openSession(web.url, token)));
    open.push(...counters);

    const out: QueueBench = { store, boardMs: [], answerMs: [], aloneBoardMs: [], empty: 0, firstByteMs: [], issueAnsweredMs: [], devices: board.via };
    // One counter alone first (the same loop, nobody else calling): the figure without contention, for comparison.
    const serve = async (c: QueueWs, counter: number, into: number[]) => {
      const t0 = performance.now();
      const t = await c.must<Ticket | { number: null }>('queue.callNext', { counter, requestId: randomUUID() });
      if (into === out.boardMs) out.answerMs.push(performance.now() - t0);
      if (t.number === null) {
        out.empty += 1;
        return;
      }
      const seen = await board.conn.waitEvent<{ ticketNumber: string; counter: number; recall: boolean }>(
        (e) => e.name === 'queue.called' && e.data.ticketNumber === t.number && e.data.counter === counter && !e.data.recall,
      );
      into.push(seen.at - t0);
      await c.must('queue.start', { ticketId: (t as Ticket).id });
      await c.must('queue.finish', { ticketId: (t as Ticket).id });
    };
    for (let k = 0; k < ALONE; k++) await serve(counters[0]!, 1, out.aloneBoardMs);
    await Promise.all(
      counters.map(async (c, i) => {
        const counter = i + 1;
        for (let k = 0; k < CALLS; k++) await serve(c, counter, out.boardMs);
      }),
    );

    // Ticket pressed at a kiosk → first byte at its printer.
    const kiosk = await device(web.url, admin, token, 'kiosk', { name: 'Kiosk sảnh', printerUri: sink.uri });
    open.push(kiosk.conn);
    out.devices += `, ${kiosk.via}`;
    for (let i = 0; i <= TICKETS; i++) {
      const t0 = performance.now();
      const r = await kiosk.conn.must<{ printError: { code: string } | null }>('queue.issue', { service: SERVICE });
      const answered = performance.now() - t0;
      if (r.printError) throw new Error(`the ticket was not queued for printing: ${r.printError.code}`);
      const job = await sink.nextJob();
      if (i === 0) continue; // warm-up: fonts and the raster drawing loaded once
      out.firstByteMs.push(job.firstByteAt! - t0);
      out.issueAnsweredMs.push(answered);
    }
    return out;
  } finally {
    await Promise.all(open.map((c) => c.close()));
    await sink.close();
    await web.stop();
  }
}

function print(r: QueueBench): boolean {
  const p = (v: number[]) => `p50 ${percentile(v, 50).toFixed(1)} ms, p95 ${percentile(v, 95).toFixed(1)} ms`;
  const p95 = percentile(r.boardMs, 95);
  const met = p95 <= TARGET_BOARD_P95_MS && r.empty === 0;
  console.log(`[${r.store}] ${r.devices}`);
  console.log(
    `[${r.store}] call pressed → board updated: ${p(r.boardMs)}, max ${Math.max(...r.boardMs).toFixed(1)} ms ` +
      `(target p95 ≤ ${TARGET_BOARD_P95_MS} ms: ${met ? 'met' : 'NOT met'}; ${COUNTERS} counters × ${CALLS} calls, ${r.boardMs.length} calls; call answered ${p(r.answerMs)}` +
      `${r.empty ? `; ${r.empty} calls found nobody waiting` : ''})`,
  );
  console.log(`[${r.store}]   one counter calling alone: ${p(r.aloneBoardMs)} (${r.aloneBoardMs.length} calls)`);
  console.log(`[${r.store}] ticket pressed → first byte at the printer: ${p(r.firstByteMs)} (queue.issue answered ${p(r.issueAnsweredMs)}; ${r.firstByteMs.length} tickets)`);
  return met;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const stores = (process.env.QUEUE_BENCH_STORES ?? 'sqlite,postgres').split(',');
  let ok = true;
  if (stores.includes('sqlite')) ok = print(await runQueueBench('sqlite', null)) && ok;
  if (stores.includes('postgres')) ok = print(await withBenchDatabase((url) => runQueueBench('postgres', url))) && ok;
  if (!ok) process.exitCode = 1;
}
