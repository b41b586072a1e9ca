/**
 * `motcua sync …` as a user runs it, against the real central server (in this process): enrol (0; a bad URL or
 * refused token 2), `sync --once` (0 when the outbox is empty after it; 3 when items remain, with a Vietnamese
 * summary; --central overrides the enrolled URL), `sync status --json` (its shape). Few processes: five.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../core/app';
import { motcua } from '../../helpers/cli';
import { call, TEST_HASH_COST, withAdmin } from '../../helpers/core';
import { NGUYEN_THI_HUYNH, personInput } from '../../helpers/people';
import { createTestDatabase, dropTestDatabase, pgAvailable } from '../../helpers/postgres';
import { startCentralRig, tinyPdf, type CentralRig } from '../../helpers/sync-rig';
import { tempDir } from '../../helpers/temp';
import { uploadId } from '../../helpers/uploads';

describe.skipIf(!pgAvailable)('motcua sync', () => {
  let databaseUrl: string;
  let rig: CentralRig;
  const data = tempDir('motcua-sync-cli-');

  /** Receives one dossier with a file on the data directory (the core closed again before the CLI runs); none with `setupOnly`. */
  async function receiveOne(setupOnly = false): Promise<void> {
    const core = await createCore({ dataDir: data.dir, logLevel: 'warn', authPolicy: { hashCost: TEST_HASH_COST } });
    try {
      const admin = setupOnly ? await withAdmin(core) : core.openConnection('cli', 'test', { name: 'test', role: 'admin' });
      if (setupOnly) return;
      const attachments = [{ itemCode: 'TP1', uploadId: await uploadId(core, admin, 'don.pdf', tinyPdf()) }];
      await call(core, admin, 'dossiers.receive', { agencyCode: '000.27.10.H12', procedureCode: '1.004873', applicant: personInput(NGUYEN_THI_HUYNH), attachments });
    } finally {
      await core.close();
    }
  }

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('synccli');
    rig = await startCentralRig(databaseUrl);
    await receiveOne(true);
  });
  afterAll(async () => {
    await rig?.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
    data.cleanup();
  });

  it('enrols, sends everything (exit 0), reports status as JSON; an unreachable central leaves items (exit 3)', async () => {
    const badUrl = await motcua(data.dir, ['sync', 'enrol', '--central', 'ftp://central', '--token', 'abcdefgh12']);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain('SYNC_CENTRAL_BAD_URL');

    const enrol = await motcua(data.dir, ['sync', 'enrol', '--central', rig.server.url, '--token', await rig.token('Q09')]);
    expect(enrol.stderr).toBe('');
    expect(enrol.code).toBe(0);
    expect(enrol.stdout).toContain('Q09');
    await receiveOne();

    const once = await motcua(data.dir, ['sync', '--once']);
    expect(once.code).toBe(0);
    expect(once.stderr).toMatch(/đã gửi 2/);

    await receiveOne();
    // A port nothing listens on, for this run only: the new dossier's items stay (3), said in Vietnamese.
    const down = await motcua(data.dir, ['sync', '--once', '--central', 'http://127.0.0.1:9']);
    expect(down.code).toBe(3);
    expect(down.stderr).toMatch(/còn chờ 2 sự kiện \(1 hồ sơ\)/);
    expect(down.stderr).toContain('SYNC_NETWORK');

    const status = await motcua(data.dir, ['sync', 'status', '--json']);
    expect(status.code).toBe(0);
    const s = JSON.parse(status.stdout) as Record<string, unknown>;
    expect(s).toMatchObject({ enrolled: true, counterId: 'Q09', central: rig.server.url, pendingDossiers: 1, pendingEvents: 2, activity: 'offline' });
    expect(s.pendingBytes).toBeGreaterThan(0);
    expect(typeof s.lastSuccessAt).toBe('string');
    expect(s.errors).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'retrying', code: 'SYNC_NETWORK' })]));
  });
});
