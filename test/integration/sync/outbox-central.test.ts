/**
 * The sync worker against the real central server (in this process, on the run's PostgreSQL): a refusal (a file
 * whose bytes no longer match its SHA-256 → 422) is recorded with the server's Vietnamese reason and holds only its
 * own dossier; the other dossier and later receipts go through; the status says so.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../helpers/core';
import { createTestDatabase, dropTestDatabase, pgAvailable } from '../../helpers/postgres';
import { centralHolds, enrolCounter, receiveDossier, startCentralRig, startCounter, tinyPdf, type CentralRig, type Counter } from '../../helpers/sync-rig';

describe.skipIf(!pgAvailable)('sync outbox against the central server', () => {
  let databaseUrl: string;
  let rig: CentralRig;
  let counter: Counter;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('syncoutbox');
    rig = await startCentralRig(databaseUrl);
    counter = await startCounter();
    await enrolCounter(counter, rig.server.url, await rig.token('Q07'));
  });
  afterAll(async () => {
    await counter?.close();
    await rig?.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it('a 4xx is recorded with the server’s reason and does not hold other dossiers', async () => {
    const bad = await receiveDossier(counter, { attachments: [tinyPdf()] });
    const good = await receiveDossier(counter, { attachments: [tinyPdf()] });
    // The stored attachment is damaged on disk (same size, other bytes): the server's SHA-256 check refuses it.
    const stored = counter.core.db.prepare('SELECT stored_path, bytes FROM dossier_documents WHERE dossier_id = ?').get(bad.id) as { stored_path: string; bytes: number };
    writeFileSync(path.join(counter.dir, 'files', stored.stored_path), Buffer.alloc(stored.bytes, 0x41));
    const r = await call(counter.core, counter.admin, 'sync.now', {});
    expect(r).toMatchObject({ rejected: 1, remaining: 1 });
    const st = await call(counter.core, counter.admin, 'sync.status', {});
    expect(st).toMatchObject({ enrolled: true, counterId: 'Q07', pendingDossiers: 0, rejected: 1 });
    const refusal = st.errors.find((e) => e.kind === 'rejected');
    expect(refusal).toMatchObject({ dossierId: bad.id, code: 'BLOB_HASH_MISMATCH' });
    expect(refusal!.message).toMatch(/[àáảãạăâđêôơư]/i);
    const held = await centralHolds(rig);
    // The good dossier is whole at the central; the bad one has its receipt only (its file event is held).
    expect(held.events.get(good.id)?.map((e) => e.seq)).toEqual([1, 2]);
    expect(held.events.get(bad.id)?.map((e) => e.seq)).toEqual([1]);
    const outbox = await call(counter.core, counter.admin, 'sync.outbox', {});
    expect(outbox.map((i) => [i.dossierId, i.seq, i.state])).toEqual([[bad.id, 2, 'rejected']]);
    expect(outbox[0]!.error?.code).toBe('BLOB_HASH_MISMATCH');
  });
});
