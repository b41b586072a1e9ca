/**
 * `sync.bytesPerSecond`: an admin sets it through settings.set (positive whole bytes/s, or null for no cap), and the
 * sync service uses the new cap from its next round, without a restart.
 */
import { afterEach, expect, it } from 'vitest';
import { createCore, type Core } from '../../../core/app';
import { ManualClock } from '../../../core/platform/clock';
import type { CentralClientOptions } from '../../../core/services/sync/central-client';
import { call, TEST_HASH_COST, withAdmin } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { FakeCentral } from './outbox-fake-central';

let done: (() => Promise<void>) | null = null;
afterEach(async () => done?.());

it('a cap set while the core runs applies from the next sync round; null removes it', async () => {
  const t = tempDir('motcua-sync-cap-');
  const central = new FakeCentral();
  const caps: Array<number | null | undefined> = [];
  const core: Core = await createCore({
    dataDir: t.dir,
    logLevel: 'warn',
    clock: new ManualClock(new Date('2026-11-24T02:30:00Z')),
    authPolicy: { hashCost: TEST_HASH_COST },
    sync: {
      client: (opts: CentralClientOptions) => {
        caps.push(opts.bytesPerSecond);
        return central.client();
      },
    },
  });
  done = async () => {
    await core.close();
    t.cleanup();
  };
  const admin = await withAdmin(core);
  await call(core, admin, 'sync.enrol', { central: 'http://127.0.0.1:9', token: 'token-12345678' });

  await call(core, admin, 'sync.now', {});
  expect(caps.at(-1) ?? null).toBeNull();
  expect(await call(core, admin, 'settings.set', { key: 'sync.bytesPerSecond', value: 16_000 })).toEqual({ key: 'sync.bytesPerSecond', value: 16_000 });
  await call(core, admin, 'sync.now', {});
  expect(caps.at(-1)).toBe(16_000);
  await call(core, admin, 'settings.set', { key: 'sync.bytesPerSecond', value: null });
  await call(core, admin, 'sync.now', {});
  expect(caps.at(-1) ?? null).toBeNull();
});
