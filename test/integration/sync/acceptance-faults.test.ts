/**
 * Issue #17 acceptance: dossiers received while the link is down reach the central server through a link that
 * cuts uploads, answers 500, loses replies after the server committed, duplicates, delays and reorders requests,
 * lies, and was out for ten minutes (simulated). After it: every dossier once, every file's SHA-256 matches the
 * counter's, every event once and in order, the outbox empty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../core/platform/clock';
import { call } from '../../helpers/core';
import { createTestDatabase, dropTestDatabase, pgAvailable } from '../../helpers/postgres';
import { counterOutbox, drain, expectCentralMatchesCounter as expectCentralMatches, enrolCounter, receiveDossier, startCentralRig, startCounter, tinyPdf, type CentralRig, type Counter } from '../../helpers/sync-rig';

const TEN_MINUTES = 10 * 60_000;

describe.skipIf(!pgAvailable)('sync through a faulty link', () => {
  let databaseUrl: string;
  let rig: CentralRig;
  let counter: Counter;
  const clock = new ManualClock(new Date('2026-11-24T02:30:00Z'));

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('syncfaults');
    rig = await startCentralRig(databaseUrl);
    // A short whole-call limit: the one request whose reply never comes is ended by the client's own clock.
    counter = await startCounter({ clock, sync: { timeoutMs: 1500 } });
    await enrolCounter(counter, rig.proxy.url, await rig.token('Q03'));
  });
  afterAll(async () => {
    await counter?.close();
    await rig?.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  const expectCentralMatchesCounter = () => expectCentralMatches(rig, counter, 'Q03');

  it('ends with every dossier, file and event once and in order, and the outbox empty', async () => {
    const { core } = counter;
    // Offline: dossiers are received while nothing gets through.
    await rig.proxy.outage(true);
    const received = [];
    received.push(await receiveDossier(counter, { attachments: [tinyPdf(700_000)], pages: 2 })); // a file of several chunks
    for (let i = 0; i < 3; i++) received.push(await receiveDossier(counter, { attachments: [tinyPdf(3_000), tinyPdf(40_000)], pages: 2 }));
    const before = await core.services.sync.runOnce();
    expect(before).toMatchObject({ sent: 0, rejected: 0 });
    expect(before.remaining).toBe(counterOutbox(counter).length);
    // Ten minutes pass (simulated) with the central refusing connections; "sync now" still gets nothing through.
    await rig.proxy.outage(true, 'refuse');
    clock.advance(TEN_MINUTES);
    expect((await core.services.sync.runOnce()).remaining).toBe(before.remaining);
    const status = await call(core, counter.admin, 'sync.status', {});
    expect(status.pendingDossiers).toBe(received.length);
    expect(status.errors.length).toBeGreaterThan(0);
    expect((await rig.db.query('SELECT count(*)::int AS n FROM dossiers')).rows[0].n).toBe(0);
    await rig.proxy.outage(false);

    // The link comes back, faulty: each rule hits the next request it matches, once.
    rig.proxy.plan(
      { match: 'PATCH /v1/blobs/', action: { kind: 'cutRequest', bytes: 1_000 } },
      // Mid-way through a chunk of the file that takes several.
      { match: (r) => r.method === 'PATCH' && Number(r.headers['upload-offset']) > 0, action: { kind: 'cutRequest', bytes: 100_000 } },
      { match: 'PATCH /v1/blobs/', action: { kind: 'dropReply' } },
      { match: 'PATCH /v1/blobs/', action: { kind: 'duplicate', concurrent: true } },
      { match: 'PATCH /v1/blobs/', action: { kind: 'reply', status: 503 } },
      { match: 'PATCH /v1/blobs/', action: { kind: 'hold' } },
      { match: 'PUT /v1/dossiers/', action: { kind: 'reply', status: 500 } },
      { match: 'PUT /v1/dossiers/', action: { kind: 'dropReply' } },
      { match: 'PUT /v1/dossiers/', action: { kind: 'duplicate' } },
      { match: 'PUT /v1/dossiers/', action: { kind: 'hold' } },
      { match: 'PUT /v1/dossiers/', action: { kind: 'reply', status: 200, body: '{}' } },
      { match: 'PUT /v1/dossiers/', action: { kind: 'duplicate', concurrent: true } },
      { match: 'PUT /v1/dossiers/', action: { kind: 'dropReply', hang: true } },
      { match: 'PUT /v1/dossiers/', action: { kind: 'cutRequest', bytes: 200 } },
      { match: 'GET /v1/dossiers/', action: { kind: 'reply', status: 502, body: 'Bad Gateway', contentType: 'text/plain' } },
    );
    const { remaining } = await drain(core, 40);
    expect(remaining).toBe(0);
    expect(rig.proxy.pending()).toBe(0); // every fault happened
    await expectCentralMatchesCounter();

    // The held requests arrive late (after everything they preceded): refused or answered as duplicates, no change.
    const late = await rig.proxy.releaseHeld();
    expect(late).toHaveLength(2);
    for (const s of late) expect([200, 409]).toContain(s);
    await expectCentralMatchesCounter();
    expect(await call(core, counter.admin, 'sync.status', {})).toMatchObject({ pendingDossiers: 0, pendingEvents: 0, pendingBytes: 0, rejected: 0 });
  });
});
