/**
 * Issue #17 acceptance: two counters enrolled on one central server receive dossiers at the same time while one of
 * them is offline. Codes never collide: the online counter's come from central blocks and carry no counter segment,
 * the offline one's fall back to codes carrying its own counter id; once it is back, the central holds every
 * dossier once under its code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../core/platform/clock';
import { startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy';
import { createTestDatabase, dropTestDatabase, pgAvailable } from '../../helpers/postgres';
import { centralHolds, drain, enrolCounter, receiveDossier, startCentralRig, startCounter, tinyPdf, type CentralRig, type Counter } from '../../helpers/sync-rig';

const EACH = 6;

describe.skipIf(!pgAvailable)('two counters on one central server', () => {
  let databaseUrl: string;
  let rig: CentralRig;
  let linkB: FaultProxy;
  let a: Counter;
  let b: Counter;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('synccounters');
    rig = await startCentralRig(databaseUrl);
    linkB = await startFaultProxy(rig.server.url); // B's own line, so B alone can go offline
    const clock = new ManualClock(new Date('2026-11-24T02:30:00Z'));
    [a, b] = await Promise.all([startCounter({ clock }), startCounter({ clock })]);
    await enrolCounter(a, rig.proxy.url, await rig.token('Q01'));
    await enrolCounter(b, linkB.url, await rig.token('Q02'));
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await linkB?.close();
    await rig?.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it('never gives two dossiers one code; central codes carry no counter segment, offline ones their counter id', async () => {
    await linkB.outage(true);
    const receive = (c: Counter) => Promise.all(Array.from({ length: EACH }, () => receiveDossier(c, { attachments: [tinyPdf(500)] })));
    const [fromA, fromB] = await Promise.all([receive(a), receive(b)]);
    const codesA = fromA.map((d) => d.code!);
    const codesB = fromB.map((d) => d.code!);
    expect(new Set([...codesA, ...codesB]).size).toBe(2 * EACH);
    for (const code of codesA) {
      expect(code.split('-'), code).not.toContain('Q01');
      expect(code).toMatch(/-\d+$/);
    }
    for (const code of codesB) expect(code.split('-'), code).toContain('Q02');

    // A syncs now; B comes back and catches up: nothing is refused, the central has all of them, each once.
    expect(await drain(a.core)).toMatchObject({ remaining: 0 });
    expect((await b.core.services.sync.runOnce()).sent).toBe(0);
    await linkB.outage(false);
    expect(await drain(b.core)).toMatchObject({ remaining: 0 });
    const held = await centralHolds(rig);
    expect(held.dossiers.map((d) => [d.code, d.counter_id]).sort()).toEqual([...codesA.map((c) => [c, 'Q01']), ...codesB.map((c) => [c, 'Q02'])].sort());

    // Back online, B's next codes come from a central block again: no counter segment, no collision with A's.
    const later = await Promise.all([receiveDossier(a), receiveDossier(b)]);
    for (const d of later) expect(d.code!.split('-'), d.code!).not.toContain('Q02');
    expect(new Set([...codesA, ...codesB, ...later.map((d) => d.code)]).size).toBe(2 * EACH + 2);
  });
});
