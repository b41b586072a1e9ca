/** A core enrolled with an in-memory central (outbox-fake-central.ts), a clock the test moves, dossiers to send. */
import { createCore, type Core } from '../../../core/app';
import { ManualClock } from '../../../core/platform/clock';
import type { Connection } from '../../../core/rpc/connection';
import { call, TEST_HASH_COST, withAdmin } from '../../helpers/core';
import { NGUYEN_THI_HUYNH, personInput } from '../../helpers/people';
import { tempDir } from '../../helpers/temp';
import { SAMPLE_FILES, uploadId } from '../../helpers/uploads';
import { FakeCentral } from './outbox-fake-central';

export const WARD = '000.27.10.H12';
export const MARITAL = '1.004873';

export interface Rig {
  core: Core;
  admin: Connection;
  clock: ManualClock;
  central: FakeCentral;
  dir: string;
  /** Closes the core and opens it again on the same data (a restart), with the same central. */
  restart(): Promise<void>;
  receive(opts?: { attachment?: Buffer; fee?: boolean }): Promise<{ id: string; code: string | null }>;
  items(dossierId?: string): Array<{ id: number; dossier_id: string; seq: number; kind: string; ref: string; state: string; next_attempt_at: string | null; payload: string | null; attempts: number }>;
  close(): Promise<void>;
}

export async function openRig(extra: { run?: boolean; pollMs?: number } = {}): Promise<Rig> {
  const t = tempDir('motcua-sync-');
  const clock = new ManualClock(new Date('2026-11-24T02:30:00Z'));
  const central = new FakeCentral();
  // random 0.5: the jitter is the middle of its range, so stored times are known.
  const open = () =>
    createCore({
      dataDir: t.dir,
      logLevel: 'warn',
      clock,
      authPolicy: { hashCost: TEST_HASH_COST },
      sync: { client: () => central.client(), random: () => 0.5, backoff: { baseMs: 2_000, maxMs: 600_000 }, ...extra },
    });
  const rig: Rig = {
    core: await open(),
    admin: null as unknown as Connection,
    clock,
    central,
    dir: t.dir,
    async restart() {
      await rig.core.close();
      rig.core = await open();
      rig.admin = rig.core.openConnection('cli', 'test', { name: 'test', role: 'admin' });
    },
    async receive(opts = {}) {
      const attachments = opts.attachment ? [{ itemCode: 'KHAC', uploadId: await uploadId(rig.core, rig.admin, 'to-khai.pdf', opts.attachment) }] : undefined;
      // A ward police procedure with a fee (1.004222), or the marital status certificate (none).
      const where = opts.fee ? { agencyCode: 'G01.27.10.H12', procedureCode: '1.004222' } : { agencyCode: WARD, procedureCode: MARITAL };
      const v = await call(rig.core, rig.admin, 'dossiers.receive', { ...where, applicant: personInput(NGUYEN_THI_HUYNH), ...(attachments ? { attachments } : {}) });
      return { id: v.id, code: v.code };
    },
    items(dossierId) {
      const sql = `SELECT id, dossier_id, seq, kind, ref, state, next_attempt_at, payload, attempts FROM sync_outbox ${dossierId ? 'WHERE dossier_id = ?' : ''} ORDER BY dossier_id, seq`;
      return rig.core.db.prepare(sql).all(...(dossierId ? [dossierId] : [])) as ReturnType<Rig['items']>;
    },
    async close() {
      await rig.core.close();
      t.cleanup();
    },
  };
  rig.admin = await withAdmin(rig.core);
  await call(rig.core, rig.admin, 'sync.enrol', { central: 'http://127.0.0.1:9', token: 'token-12345678' });
  return rig;
}

export { SAMPLE_FILES };
