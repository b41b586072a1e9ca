/**
 * 20 counters calling at once (issue #18), each over its own connection: no ticket called twice, none skipped while
 * waiting, every counter keeps the anti-starvation rule. Bounded: 120 tickets, every counter calls until nobody waits.
 * SQLite: 2 processes of 10 counters, each counter its own handle on the same file (within one process better-sqlite3
 * runs each call whole, so only other processes can race it: the CLI beside the app). PostgreSQL: 20 pools here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectNext } from '../../../core/domain/queue/selection';
import { REPO } from '../../helpers/temp';
import type { QueueStore } from '../../../core/services/queue/queue-store';
import { DAY, STORE_KINDS, group, issueReq, scope, type StoreRig } from './store-fixture';

const COUNTERS = 20;
const TICKETS = 120;
const N = 2;
const PROCESSES = 2;
const CHILD = path.join(REPO, 'test/integration/queue/store-counters-child.ts');

/** Starts the counter processes, lets them go together once all are ready, and returns what each counter got. */
async function runCounters(kind: string, target: string): Promise<string[][]> {
  const children: ChildProcess[] = [];
  const outputs: Array<Promise<string>> = [];
  const readies: Array<Promise<void>> = [];
  for (let p = 0; p < PROCESSES; p++) {
    const counters = Array.from({ length: COUNTERS / PROCESSES }, (_, i) => p * (COUNTERS / PROCESSES) + i + 1);
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, kind, target, String(N), counters.join(','), DAY], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    let err = '';
    let ready: () => void;
    readies.push(new Promise<void>((r) => (ready = r)));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.startsWith('ready\n')) ready();
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    outputs.push(
      new Promise((resolve, reject) =>
        child.on('exit', (code) => (code === 0 ? resolve(out.slice('ready\n'.length)) : reject(new Error(`counter process exited ${code}: ${err}`)))),
      ),
    );
  }
  try {
    await Promise.race([Promise.all(readies), Promise.all(outputs)]);
    for (const c of children) c.stdin!.end('go\n');
    return (await Promise.all(outputs)).flatMap((o) => JSON.parse(o) as string[][]);
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill();
  }
}

async function callInProcess(rig: StoreRig): Promise<string[][]> {
  const stores: QueueStore[] = [];
  for (let c = 0; c < COUNTERS; c++) stores.push(await rig.open({ poolSize: 1 }));
  return Promise.all(
    stores.map(async (s, i) => {
      const got: string[] = [];
      for (let k = 0; k < TICKETS; k++) {
        const r = await s.callNext(scope(i + 1, { rules: { ordinaryAfterPriority: N } }));
        if (!r.ticket) break;
        got.push(r.ticket.id);
      }
      return got;
    }),
  );
}

describe.each(STORE_KINDS)('queue store under 20 counters: $name', (kind) => {
  it.skipIf(kind.skip)('calls each ticket once, in order, keeping the anti-starvation rule at every counter', async () => {
    const rig = await kind.rig();
    try {
      const desk = await rig.open();
      const groups = [group('CA'), group('CB')];
      // A fixed mix: every third ticket priority, services alternating.
      for (let i = 0; i < TICKETS; i++) await desk.issue(issueReq(groups[i % 2]!, { priority: i % 3 === 1 ? 'elderly' : null }));
      const answered = kind.name === 'sqlite' ? await runCounters(kind.name, rig.target) : await callInProcess(rig);
      expect(answered).toHaveLength(COUNTERS);
      expect((await desk.callNext(scope(99))).ticket).toBeNull();
      const all = await desk.tickets({ day: DAY, states: null, limit: 1000 });
      const byNumber = new Map(all.map((t) => [t.number + t.service, t]));
      const calls = (await desk.lastCalls(DAY, 1000)).reverse();

      // Each ticket called exactly once, and what each counter was told matches the board's log.
      expect(calls).toHaveLength(TICKETS);
      expect(new Set(calls.map((c) => c.ticketNumber + c.service)).size).toBe(TICKETS);
      expect(all.every((t) => ['called', 'done', 'no_show'].includes(t.state) && t.calls === 1)).toBe(true);
      expect(answered.flat().sort()).toEqual(all.map((t) => t.id).sort());

      // None skipped: within each kind, tickets are called in issue order.
      const order = new Map(all.map((t, i) => [t.id, i]));
      const called = calls.map((c) => byNumber.get(c.ticketNumber + c.service)!);
      for (const priority of [true, false]) {
        const seq = called.filter((t) => (t.priority !== null) === priority).map((t) => order.get(t.id)!);
        expect(seq).toEqual([...seq].sort((a, b) => a - b));
      }

      // Anti-starvation per counter: a priority call after N in a row only when no ordinary ticket was still waiting.
      const streaks = new Map<number, number>();
      called.forEach((t, k) => {
        const counter = calls[k]!.counter;
        const streak = streaks.get(counter) ?? 0;
        const ordinaryWaiting = called.slice(k).some((o) => o.priority === null);
        if (t.priority !== null && streak >= N) expect(ordinaryWaiting).toBe(false);
        streaks.set(counter, t.priority !== null ? streak + 1 : 0);
      });

      // And the whole log is what one counter after another would get by the rule, replayed in board order.
      const waiting = all.map((t, i) => ({ id: t.id, priority: t.priority !== null, order: i, targetCounter: null }));
      const replay = new Map<number, number>();
      for (let k = 0; k < calls.length; k++) {
        const counter = calls[k]!.counter;
        const pick = selectNext(waiting, counter, replay.get(counter) ?? 0, N)!;
        expect(pick.id).toBe(called[k]!.id);
        replay.set(counter, pick.streak);
        waiting.splice(waiting.findIndex((w) => w.id === pick.id), 1);
      }
      expect(new Set(calls.map((c) => c.counter)).size).toBeGreaterThan(1);
    } finally {
      await rig.close();
    }
  });
});

describe.each(STORE_KINDS)('queue store: a start racing the same counter\'s next call: $name', (kind) => {
  // start/finish take only the ticket's row lock (not the queue's): the next call that ends the ticket must see a start
  // that committed first (served → done), or the start must find it ended (QUEUE_TICKET_ENDED) — never a started
  // ticket recorded as a no-show.
  it.skipIf(kind.skip)('ends the ticket by what really happened first', async () => {
    const rig = await kind.rig();
    try {
      const desk = await rig.open();
      const other = await rig.open({ poolSize: 2 });
      const g = group('RACE');
      for (let i = 0; i < 40; i++) await desk.issue(issueReq(g));
      for (let i = 0; i < 20; i++) {
        const x = (await desk.callNext(scope(5))).ticket!;
        const [started, next] = await Promise.allSettled([other.start({ ticketId: x.id, at: new Date().toISOString() }), desk.callNext(scope(5))]);
        expect(next.status).toBe('fulfilled');
        const after = (await desk.get(x.id))!;
        if (started.status === 'fulfilled') expect(after).toMatchObject({ state: 'done' });
        else {
          expect((started.reason as { code?: string }).code).toBe('QUEUE_TICKET_ENDED');
          expect(after).toMatchObject({ state: 'no_show', startedAt: null });
        }
        const y = (next as PromiseFulfilledResult<{ ticket: { id: string } | null }>).value.ticket!;
        await desk.noShow({ ticketId: y.id, at: new Date().toISOString() });
      }
    } finally {
      await rig.close();
    }
  });
});
