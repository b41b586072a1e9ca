/** The two queue stores under test (issue #18): SQLite on a temp core database, PostgreSQL on a fresh test database. */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { serviceGroupSchema, type PriorityReason, type QueueRules, type ServiceGroup } from '../../../core/contract/queue';
import type { CallScope, QueueStore } from '../../../core/services/queue/queue-store';
import { createPgQueueStore } from '../../../core/services/queue/store/pg-queue-store';
import { createSqliteQueueStore } from '../../../core/services/queue/store/sqlite-queue-store';
import { openDatabase, type Db } from '../../../core/store/database';
import { createTestDatabase, dropTestDatabase, pgAvailable } from '../../helpers/postgres';
import { tempDir } from '../../helpers/temp';

export interface StoreRig {
  /** The SQLite file or the PostgreSQL URL (for other processes). */
  target: string;
  /** A store; several calls give separate connections to the same queue (other Db handles, other pools). */
  open(o?: { poolSize?: number }): Promise<QueueStore>;
  close(): Promise<void>;
}

export interface StoreKind {
  name: 'sqlite' | 'postgres';
  skip: boolean;
  rig(): Promise<StoreRig>;
}

export const STORE_KINDS: StoreKind[] = [
  {
    name: 'sqlite',
    skip: false,
    async rig() {
      const t = tempDir();
      const file = path.join(t.dir, 'core.sqlite');
      const handles: Db[] = [];
      return {
        target: file,
        async open() {
          const { db } = openDatabase(file);
          handles.push(db);
          return createSqliteQueueStore(db);
        },
        async close() {
          for (const db of handles) db.close();
          t.cleanup();
        },
      };
    },
  },
  {
    name: 'postgres',
    skip: !pgAvailable,
    async rig() {
      const url = pgAvailable ? await createTestDatabase('queue') : '';
      const stores: QueueStore[] = [];
      return {
        target: url,
        async open(o = {}) {
          const s = createPgQueueStore({ databaseUrl: url, poolSize: o.poolSize ?? 4 });
          if (stores.length === 0) await s.migrate();
          stores.push(s);
          return s;
        },
        async close() {
          for (const s of stores) await s.close();
          await dropTestDatabase(url);
        },
      };
    },
  },
];

export const DAY = '2026-12-07';

export function group(code: string, extra: Partial<Record<keyof ServiceGroup, unknown>> = {}): ServiceGroup {
  return serviceGroupSchema.parse({ code, name: `Dịch vụ ${code}`, prefix: code.length <= 2 ? code : '', hours: { mode: 'always' }, ...extra });
}

let tick = Date.parse(`${DAY}T01:00:00Z`);
/** Increasing instants (the order of events is their time order). */
export function at(): string {
  tick += 1000;
  return new Date(tick).toISOString();
}

export function issueReq(g: ServiceGroup, o: { priority?: PriorityReason | null; requestId?: string | null; day?: string; at?: string } = {}) {
  return {
    day: o.day ?? DAY,
    at: o.at ?? at(),
    group: g,
    priority: o.priority ?? null,
    applicant: null,
    receiptCode: null,
    trackingId: randomUUID(),
    requestId: o.requestId ?? null,
  };
}

export function scope(counter: number, o: { groups?: string[] | null; rules?: QueueRules; requestId?: string | null; at?: string } = {}): CallScope {
  return {
    day: DAY,
    at: o.at ?? at(),
    counter,
    groups: o.groups === undefined ? null : o.groups,
    rules: o.rules ?? { ordinaryAfterPriority: 3 },
    requestId: o.requestId ?? null,
  };
}
