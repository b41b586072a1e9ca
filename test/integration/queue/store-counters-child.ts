/**
 * A process of counters for store-concurrency.test.ts: opens its own connections to the queue (one per counter), says
 * "ready", waits for "go" on stdin, then every counter calls until nobody waits; prints the ids each one got as JSON.
 * argv: sqlite|postgres, the database file or URL, ordinaryAfterPriority, counter numbers (comma-separated), day.
 */
import type { QueueStore } from '../../../core/services/queue/queue-store';
import { createPgQueueStore } from '../../../core/services/queue/store/pg-queue-store';
import { createSqliteQueueStore } from '../../../core/services/queue/store/sqlite-queue-store';
import { openDatabase } from '../../../core/store/database';

const [kind, target, n, list, day] = process.argv.slice(2) as [string, string, string, string, string];
const counters = list.split(',').map(Number);
const stores: QueueStore[] = counters.map(() => (kind === 'sqlite' ? createSqliteQueueStore(openDatabase(target, { migrate: false }).db) : createPgQueueStore({ databaseUrl: target, poolSize: 1 })));

process.stdout.write('ready\n');
process.stdin.once('data', () => {
  void (async () => {
    const got = await Promise.all(
      stores.map(async (s, i) => {
        const ids: string[] = [];
        for (let k = 0; k < 1000; k++) {
          const r = await s.callNext({ day, at: new Date().toISOString(), counter: counters[i]!, groups: null, rules: { ordinaryAfterPriority: Number(n) }, requestId: null });
          if (!r.ticket) break;
          ids.push(r.ticket.id);
        }
        return ids;
      }),
    );
    await Promise.all(stores.map((s) => s.close()));
    process.stdout.write(`${JSON.stringify(got)}\n`);
    process.exit(0);
  })().catch((e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  });
});
