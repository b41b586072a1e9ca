/** The `sync` contract group (core/contract/sync.ts): the same behaviour on every adapter (IPC, web, CLI). */
import type { Handlers } from '../../rpc/handlers';
import type { syncContract } from '../../contract/sync';
import type { SyncStatus } from '../../contract/sync';
import type { ChangeApplier } from './apply-changes';
import type { Outbox } from './outbox';

export type SyncHandlers = Handlers<typeof syncContract>;

export function syncHandlers(d: {
  status: () => SyncStatus;
  enrol: (central: string, token: string, force?: boolean) => Promise<SyncStatus>;
  runOnce: () => Promise<{ sent: number; remaining: number; rejected: number; pulled: number; centralReached: boolean }>;
  outbox: Outbox;
  applier: ChangeApplier;
  /** Retry now: makes items due, then wakes the worker. */
  retry: (itemId?: number) => number;
}): SyncHandlers {
  return {
    status: () => d.status(),
    enrol: (input) => d.enrol(input.central, input.token, input.force === true),
    now: () => d.runOnce(),
    outbox: (input) => d.outbox.list({ state: input.state, dossierId: input.dossierId, limit: input.limit }),
    retry: (input) => ({ due: d.retry(input.itemId) }),
    changes: (input) => d.applier.list(input.limit),
  };
}
