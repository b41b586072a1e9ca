/** The app's core (sync.run): new outbox rows wake the worker, which sends them and says so on the push channel. */
import { afterEach, describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../core/contract/events';
import { call } from '../../helpers/core';
import { openRig, type Rig } from './outbox-rig';

let rig: Rig | undefined;
afterEach(() => rig?.close());

async function until(what: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('background sync worker', () => {
  it('sends a new receipt without being asked and publishes sync.changed; close() waits for it', async () => {
    rig = await openRig({ run: true, pollMs: 20 });
    const seen: EventMessage[] = [];
    rig.admin.sink = (m) => void seen.push(m);
    await call(rig.core, rig.admin, 'events.subscribe', { names: ['sync.changed'] });
    const v = await rig.receive();
    await until(() => rig!.central.events(v.id).length === 1 && rig!.items(v.id)[0]?.state === 'sent');
    await until(() => seen.some((m) => m.event === 'sync.changed' && (m.data as { pendingDossiers: number; lastSuccessAt: string | null }).lastSuccessAt !== null));
    expect(rig.central.calls.filter((c) => c.startsWith('put'))).toHaveLength(1);
  });
});
