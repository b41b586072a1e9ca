/** The outbox is written by triggers in the change's own transaction: one row per change, in order, none for a change rolled back. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inTransaction } from '../../../core/store/database';
import { call } from '../../helpers/core';
import { openRig, SAMPLE_FILES, type Rig } from './outbox-rig';

let rig: Rig;
beforeEach(async () => {
  rig = await openRig();
});
afterEach(() => rig.close());

describe('sync outbox triggers', () => {
  it('one row per change of a dossier, numbered in order: receipt, attachment, fee, transition', async () => {
    const v = await rig.receive({ attachment: SAMPLE_FILES.pdf, fee: true });
    await call(rig.core, rig.admin, 'dossiers.collectFee', { id: v.id, amount: 5000, confirmed: true });
    await call(rig.core, rig.admin, 'dossiers.transition', { id: v.id, to: 'sent_to_agency' });
    const items = rig.items(v.id);
    expect(items.map((i) => [i.seq, i.kind])).toEqual([
      [1, 'transition'],
      [2, 'file'],
      [3, 'fee'],
      [4, 'transition'],
    ]);
    expect(items.every((i) => i.state === 'pending' && i.payload === null)).toBe(true);
    expect(items[1]!.ref).toMatch(/^doc:/);
    // The attachment's size is known before the first attempt (bytes waiting in the header).
    expect((await call(rig.core, rig.admin, 'sync.status', {})).pendingBytes).toBe(SAMPLE_FILES.pdf.length);
  });

  it('a change rolled back leaves no outbox row (a refused receipt, a fee receipt whose transaction failed)', async () => {
    const v = await rig.receive();
    const before = rig.items().length;
    const refused = await rig.core.dispatch(rig.admin, 'dossiers.receive', { agencyCode: '000.27.10.H12', procedureCode: '1.004873', applicant: { fullName: 'A' } as never, checklist: [] });
    expect(refused.ok).toBe(false);
    expect(() =>
      inTransaction(rig.core.db, () => {
        rig.core.db
          .prepare('INSERT INTO fee_receipts (number, dossier_id, amount, data, collected_at, collected_by) VALUES (?, ?, ?, ?, ?, ?)')
          .run('BL-TEST-1', v.id, 1000, '{}', new Date().toISOString(), 'test');
        expect(rig.items().length).toBe(before + 1); // inside: written with the change
        throw new Error('printer on fire');
      }),
    ).toThrow('printer on fire');
    expect(rig.items().length).toBe(before);
  });
});
