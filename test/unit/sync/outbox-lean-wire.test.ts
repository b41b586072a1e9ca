/**
 * Bytes on the wire for a backlog (issue #17: ≤ 1.05 × payload): a file event after a dossier's first leaves the
 * DVCQG snapshot out (the central keeps the one it has), and a file the counter never began to send is uploaded
 * without asking the central about it first; an upload cut short is asked about before it resumes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DossierEvent } from '../../../core/contract/central-api';
import { call } from '../../helpers/core';
import { network } from './outbox-fake-central';
import { openRig, SAMPLE_FILES, type Rig } from './outbox-rig';

let rig: Rig;
beforeEach(async () => {
  rig = await openRig();
});
afterEach(() => rig.close());

const now = () => call(rig.core, rig.admin, 'sync.now', {});
const sent = (dossierId: string) => rig.central.bodies.filter((b) => b.dossierId === dossierId).map((b) => ({ seq: b.seq, event: JSON.parse(b.body) as DossierEvent }));

describe('sync wire: lean file events', () => {
  it('sends the dossier snapshot with its first event and transitions, not with later file events; no blob status asked', async () => {
    const a = await rig.receive({ attachment: SAMPLE_FILES.pdf });
    await call(rig.core, rig.admin, 'dossiers.transition', { id: a.id, to: 'sent_to_agency' });
    expect(await now()).toMatchObject({ remaining: 0 });
    const events = sent(a.id);
    expect(events.map((e) => [e.seq, e.event.kind, e.event.dossier !== undefined])).toEqual([
      [1, 'transition', true],
      [2, 'file', false],
      [3, 'transition', true],
    ]);
    expect(events[2]!.event.dossier!.MaHoSo).toBe(a.code);
    expect(rig.central.calls.filter((c) => c.startsWith('blobStatus'))).toEqual([]);
    expect(rig.central.calls.filter((c) => c.startsWith('upload'))).toEqual([expect.stringMatching(/ 0$/)]);
  });

  it('asks what the central holds before resuming an upload it began', async () => {
    const a = await rig.receive({ attachment: SAMPLE_FILES.pdf });
    rig.central.inject.push({ call: 'upload', fault: network() });
    await now();
    expect(rig.central.calls.filter((c) => c.startsWith('blobStatus'))).toEqual([]);
    rig.clock.advance(60 * 60_000);
    expect(await now()).toMatchObject({ remaining: 0 });
    expect(rig.central.calls.filter((c) => c.startsWith('blobStatus'))).toHaveLength(1);
    expect(sent(a.id).map((e) => e.seq)).toEqual([1, 2]);
  });
});
