/**
 * How a waiting job is tried again (issue #16): a printer that stays away is tried after 2 s, then 4 s, 8 s … never
 * more than 60 s apart, by the runner of a core that runs the queue, on the core's clock (moved by hand here, so
 * nothing depends on how fast the machine is). A core that does not run the queue never tries again on its own.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../core/app';
import { ManualClock } from '../../../core/platform/clock';
import { TEST_HASH_COST, call } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { FAST_TIMEOUTS, clerk, gate, testParts, until } from './queue-harness';

let data: ReturnType<typeof tempDir>;
let core: Core | null = null;
beforeEach(() => {
  data = tempDir('motcua-print-backoff-');
});
afterEach(async () => {
  await core?.close();
  core = null;
  data.cleanup();
});

const open = (clock: ManualClock, run: boolean) =>
  createCore({ dataDir: data.dir, logLevel: 'error', clock, authPolicy: { hashCost: TEST_HASH_COST }, printing: { run, pollMs: 20, timeouts: FAST_TIMEOUTS, parts: testParts() } });

describe('print queue: backoff', () => {
  it('an absent printer is tried again after 2, 4, 8 … seconds, at most 60 s apart', async () => {
    const clock = new ManualClock(new Date('2026-12-07T02:00:00Z'));
    core = await open(clock, true);
    const away = await gate();
    const j = await call(core, clerk(core), 'printing.print', { what: { kind: 'ticket', ticket: { number: 'H001' } }, printer: away.uri, wait: true, copies: 1 });
    const row = () => core!.services.printing.queue.row(j.id)!;
    const gaps: number[] = [];
    for (let attempt = 1; attempt <= 7; attempt++) {
      await until(() => row().attempts === attempt && row().state === 'queued', 200, 20);
      const r = row();
      gaps.push((Date.parse(r.next_try_at!) - clock.now().getTime()) / 1000);
      // Not due yet: the runner leaves it.
      clock.advance(Date.parse(r.next_try_at!) - clock.now().getTime() - 1);
      await new Promise((res) => setTimeout(res, 100));
      expect(row().attempts).toBe(attempt);
      clock.advance(1);
    }
    expect(gaps).toEqual([2, 4, 8, 16, 32, 60, 60]);
    expect(row().error_code).toBe('PRINTER_UNREACHABLE');
  });

  it('a core that does not run the queue leaves a waiting job alone', async () => {
    const clock = new ManualClock(new Date('2026-12-07T02:00:00Z'));
    core = await open(clock, false);
    const away = await gate();
    const j = await call(core, clerk(core), 'printing.print', { what: { kind: 'ticket', ticket: { number: 'H002' } }, printer: away.uri, wait: true, copies: 1 });
    clock.advance(120_000);
    await new Promise((res) => setTimeout(res, 200));
    expect(core.services.printing.queue.row(j.id)!.attempts).toBe(1);
  });
});
