/**
 * kill -9 of the queue host mid-stream (issue #18, acceptance): web mode as a child process on a temp data folder,
 * two kiosks issuing and four counters calling → starting → finishing over WebSocket, every acknowledged answer
 * recorded; the host (server, then launcher) is killed with SIGKILL right after a call was sent, while others are in
 * flight and after a fifth counter's call that the board heard but whose answer that counter never read; after a restart on the same data folder the queue is exactly as acknowledged (queue-ledger.ts): nothing
 * acknowledged lost, each step in flight happened entirely or not at all (the ticket, the counter's current ticket
 * and the board's calls agree), no ticket called twice, numbering goes on after the last number given. A call in
 * flight sent again with its requestId after the restart answers what it did, never a second ticket.
 * Then the lost reply: a callNext whose socket closes right after sending, retried with the same requestId on a new
 * connection, gets the same ticket (and a retried issue the same ticket number).
 * Run on the SQLite host and on PostgreSQL (MOTCUA_QUEUE_DATABASE_URL), one host each.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { BoardState, QueueStatus, Ticket } from '../../../core/contract/queue';
import { createTestDatabase, dropTestDatabase, pgAvailable } from '../../helpers/postgres';
import { QueueLedger } from '../../helpers/queue-ledger';
import { configureQueue, openSession, type QueueWs, setupAdmin } from '../../helpers/queue-ws';
import { tempDir } from '../../helpers/temp';
import { startWebMode, type WebMode } from '../../helpers/web-mode';

const COUNTERS = 4;
const KIOSKS = 2;
/** Tickets waiting before the counters start, and the most each kiosk issues. */
const PREFILL = 12;
const MAX_ISSUES_PER_KIOSK = 25;
/** The host is killed once this many calls were acknowledged (well under the board's 50 last calls). */
const KILL_AFTER_CALLS = 16;
const SERVICE = 'KT9';
/** The counter whose answer is never read (the reconnect test uses COUNTERS + 1). */
const DEAF_COUNTER = COUNTERS + 2;

type NoTicket = { number: null };
const isTicket = (v: Ticket | NoTicket | undefined): v is Ticket => !!v && v.number !== null;

const STORES = [{ store: 'SQLite', pg: false }, ...(pgAvailable ? [{ store: 'PostgreSQL', pg: true }] : [])];

describe.each(STORES)('the queue host killed with kill -9 ($store)', ({ pg }) => {
  const data = tempDir('motcua-queue-kill9-');
  let dbUrl: string | null = null;
  let host: WebMode | null = null;
  let adminToken = '';
  afterAll(async () => {
    await host?.stop({ keepData: true });
    if (dbUrl) await dropTestDatabase(dbUrl);
    data.cleanup();
  });
  // Empty: the host's SQLite, even where the developer's shell names a PostgreSQL queue.
  const env = (): Record<string, string> => ({ MOTCUA_QUEUE_DATABASE_URL: dbUrl ?? '' });

  it('after a restart the queue is exactly as acknowledged; a call in flight retried with its requestId is not a second call', async () => {
    if (pg) dbUrl = await createTestDatabase('queue_kill9');
    const web = await startWebMode({ dataDir: data.dir, requireRenderer: false, env: env() });
    host = web;
    const { admin, token } = await setupAdmin(web.url);
    adminToken = token;
    expect((await admin.must<{ store: string }>('queue.config', {})).store).toBe(pg ? 'postgres' : 'sqlite');
    await configureQueue(admin, { code: SERVICE, name: 'Kiểm thử khôi phục', prefix: 'KT', counters: COUNTERS });

    const ledger = new QueueLedger();
    for (let i = 0; i < PREFILL; i++) ledger.ackIssue(await admin.must<Ticket>('queue.issue', { service: SERVICE, print: false, requestId: randomUUID() }));
    const kiosks = await Promise.all(Array.from({ length: KIOSKS }, () => openSession(web.url, token)));
    const counters = await Promise.all(Array.from({ length: COUNTERS }, () => openSession(web.url, token)));

    // A counter that never reads its answer: its call is carried out (the board hears it) and the host dies before the
    // counter learns which ticket it got, the in-flight call that happened.
    await admin.must('queue.saveCounter', { number: DEAF_COUNTER, name: `Quầy ${DEAF_COUNTER}`, groups: [SERVICE] });
    await admin.must('events.subscribe', { names: ['queue.called'] });
    const deaf = await openSession(web.url, token);
    const deafCall = randomUUID();

    let died: Promise<NodeJS.Signals | null> | null = null;
    let killing = false;
    /** The deaf counter's call, heard on the board; then a call sent by this counter and the host killed at once. */
    const killAfterCall = async (c: QueueWs, n: number, requestId: string) => {
      killing = true;
      ledger.unknownCalls.push({ counter: DEAF_COUNTER, requestId: deafCall });
      deaf.send('queue.callNext', { counter: DEAF_COUNTER, requestId: deafCall });
      await admin.waitEvent<{ counter: number }>((e) => e.name === 'queue.called' && e.data.counter === DEAF_COUNTER);
      const sent = c.call<Ticket | NoTicket>('queue.callNext', { counter: n, requestId });
      // The server first (killing the launcher first leaves the server a moment to answer what is in flight), then
      // the launcher before it can start the server again.
      const server = [...web.output().matchAll(/web server started \(pid (\d+)\)/g)].at(-1)?.[1];
      if (server) process.kill(Number(server), 'SIGKILL');
      died = web.kill('SIGKILL');
      return sent;
    };
    const kiosk = async (c: QueueWs) => {
      for (let i = 0; i < MAX_ISSUES_PER_KIOSK && !died; i++) {
        const r = await c.call<Ticket>('queue.issue', { service: SERVICE, print: false, requestId: randomUUID() });
        if (r.lost) return void (ledger.unknownIssues += 1);
        if (!r.ok) throw new Error(`queue.issue refused: ${r.error?.code}`);
        ledger.ackIssue(r.value!);
      }
    };
    const counter = async (c: QueueWs, n: number) => {
      while (!died) {
        const requestId = randomUUID();
        // The kill comes right after a call went out: that call, and whatever the others sent, is in flight.
        const r = await (!killing && ledger.acknowledgedCalls >= KILL_AFTER_CALLS
          ? killAfterCall(c, n, requestId)
          : c.call<Ticket | NoTicket>('queue.callNext', { counter: n, requestId }));
        if (r.lost) return void ledger.unknownCalls.push({ counter: n, requestId });
        if (!r.ok) throw new Error(`queue.callNext refused: ${r.error?.code}`);
        if (!isTicket(r.value)) {
          await new Promise((res) => setTimeout(res, 5)); // nobody waits yet: the kiosks are issuing
          continue;
        }
        const t = r.value;
        ledger.ackStep(t.id, 'call', n);
        for (const step of ['start', 'finish'] as const) {
          const s = await c.call<Ticket>(`queue.${step}`, { ticketId: t.id });
          if (s.lost) return void ledger.unknownSteps.set(t.id, step);
          if (!s.ok) throw new Error(`queue.${step} refused: ${s.error?.code}`);
          ledger.ackStep(t.id, step, n);
        }
      }
    };
    await Promise.all([...kiosks.map((c) => kiosk(c)), ...counters.map((c, i) => counter(c, i + 1))]);
    expect(died, 'the kill was reached').not.toBeNull();
    expect(await died).toBe('SIGKILL');
    expect(ledger.acknowledgedCalls).toBeGreaterThanOrEqual(KILL_AFTER_CALLS);
    expect(ledger.unknownCalls.length, 'a call was in flight at the kill').toBeGreaterThanOrEqual(1);
    admin.ws.terminate();
    deaf.ws.terminate();

    // The same data folder (and the same PostgreSQL database), a new host.
    const again = await startWebMode({ dataDir: data.dir, requireRenderer: false, env: env() });
    host = again;
    // The admin's session survived too (it is in the same database): no password hashed again.
    const a = await openSession(again.url, adminToken);
    const tickets = await a.must<Ticket[]>('queue.tickets', { limit: 1000 });
    const { problems, inFlightCalled } = ledger.check(tickets);
    expect(problems).toEqual([]);
    expect(inFlightCalled.get(deafCall), 'the call the board heard before the kill stands').not.toBeNull();

    // What the counters and boards see agrees with the tickets: the call in flight left all of it or none of it.
    const status = await a.must<QueueStatus>('queue.status', {});
    const board = await a.must<BoardState>('queue.board', { lastCalls: 50 });
    const waiting = tickets.filter((t) => t.state === 'waiting' && t.service === SERVICE).length;
    expect(status.services.find((s) => s.code === SERVICE)?.waiting).toBe(waiting);
    for (const n of [...Array.from({ length: COUNTERS }, (_, i) => i + 1), DEAF_COUNTER]) {
      const atCounter = tickets.filter((t) => t.counter === n && (t.state === 'called' || t.state === 'serving'));
      expect(atCounter.length, `counter ${n} has at most one ticket called or served`).toBeLessThanOrEqual(1);
      expect(status.counters.find((c) => c.number === n)?.current?.ticketId ?? null).toBe(atCounter[0]?.id ?? null);
    }
    const called = tickets.filter((t) => t.calls > 0).map((t) => t.number).sort();
    expect(board.lastCalls.map((c) => c.ticketNumber).sort(), 'the board has every call once, and only those').toEqual(called);

    // Each call in flight sent again with its requestId: the ticket it called, else one call now (never a second).
    for (const u of ledger.unknownCalls) {
      const r = await a.must<Ticket | NoTicket>('queue.callNext', { counter: u.counter, requestId: u.requestId });
      const had = inFlightCalled.get(u.requestId);
      if (had) expect(isTicket(r) && r.id, `the retried call of counter ${u.counter}`).toBe(had.id);
      else if (isTicket(r)) expect(tickets.find((t) => t.id === r.id)?.state, 'a retried call that had not happened calls a waiting ticket').toBe('waiting');
    }
    const after = await a.must<Ticket[]>('queue.tickets', { limit: 1000 });
    expect(after.filter((t) => t.calls > 1)).toEqual([]);
    // Numbering goes on: a new ticket's number is none of the numbers given before the kill.
    const next = await a.must<Ticket>('queue.issue', { service: SERVICE, print: false });
    expect(tickets.map((t) => t.number)).not.toContain(next.number);
    await a.close();
  });

  it('a callNext whose answer was lost, sent again with the same requestId after reconnecting, gets the same ticket', async () => {
    const web = host!;
    const setup = await openSession(web.url, adminToken);
    // A counter of its own with nothing current, and tickets waiting for it.
    const counter = COUNTERS + 1;
    await setup.must('queue.saveCounter', { number: counter, name: `Quầy ${counter}`, groups: [SERVICE] });
    const issueId = randomUUID();
    const first = await setup.must<Ticket>('queue.issue', { service: SERVICE, print: false, requestId: issueId });
    await setup.must<Ticket>('queue.issue', { service: SERVICE, print: false });
    // An issue retried with its requestId is the same ticket, not a second one.
    const sameIssue = await setup.must<Ticket>('queue.issue', { service: SERVICE, print: false, requestId: issueId });
    expect(sameIssue.id).toBe(first.id);
    expect(sameIssue.number).toBe(first.number);

    const requestId = randomUUID();
    const lossy = await openSession(web.url, adminToken);
    lossy.send('queue.callNext', { counter, requestId });
    await lossy.close(); // the answer is never read
    // The call was carried out (the counter's current ticket shows it), bounded wait.
    let current: Ticket | null = null;
    for (let i = 0; i < 200 && !current; i++) {
      current = await setup.must<Ticket | null>('queue.current', { counter });
      if (!current) await new Promise((r) => setTimeout(r, 25));
    }
    expect(current, 'the call whose answer was lost was carried out').not.toBeNull();

    const reconnected = await openSession(web.url, adminToken);
    const retried = await reconnected.must<Ticket>('queue.callNext', { counter, requestId });
    expect(retried.id).toBe(current!.id);
    expect(retried.calls).toBe(1);
    const board = await setup.must<BoardState>('queue.board', { lastCalls: 50 });
    expect(board.lastCalls.filter((c) => c.ticketNumber === retried.number)).toHaveLength(1);
    // A new press (a new requestId) is a new call: the next ticket, not the same one again.
    await reconnected.must('queue.finish', { ticketId: retried.id });
    const nextCall = await reconnected.must<Ticket | NoTicket>('queue.callNext', { counter, requestId: randomUUID() });
    expect(isTicket(nextCall) && nextCall.id).not.toBe(retried.id);
    await reconnected.close();
    await setup.close();
  });
});
