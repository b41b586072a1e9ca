/**
 * The sync worker against an in-memory central that follows the protocol: frozen payloads, per-dossier order with a
 * rejected event, stored backoff across a restart, unknown outcomes settled by a lookup, lost events sent again,
 * blobs uploaded once, the audit anchor refused without a crash.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../helpers/core';
import { network, rejected, timeoutAfterCommit } from './outbox-fake-central';
import { openRig, SAMPLE_FILES, type Rig } from './outbox-rig';

let rig: Rig;
beforeEach(async () => {
  rig = await openRig();
});
afterEach(() => rig.close());

const now = () => call(rig.core, rig.admin, 'sync.now', {});
const status = () => call(rig.core, rig.admin, 'sync.status', {});
const puts = (dossierId: string, seq?: number) => rig.central.calls.filter((c) => c.startsWith(`put ${dossierId.slice(0, 8)}${seq === undefined ? ' ' : ` ${seq}`}`)).length;

describe('sync worker', () => {
  it('sends every event of every dossier in order, exactly once, then the outbox is empty and the audit head anchored', async () => {
    const a = await rig.receive({ attachment: SAMPLE_FILES.pdf });
    const b = await rig.receive();
    await call(rig.core, rig.admin, 'dossiers.transition', { id: b.id, to: 'sent_to_agency' });
    const r = await now();
    expect(r).toMatchObject({ sent: 4, remaining: 0, rejected: 0 });
    expect(rig.central.events(a.id).map((e) => [e.kind, e.idempotencyKey])).toEqual([
      ['transition', `${a.id}:1`],
      ['file', `${a.id}:2`],
    ]);
    expect(rig.central.events(b.id).map((e) => e.state)).toEqual(['received', 'sent_to_agency']);
    expect(rig.central.events(b.id)[1]!.data).toMatchObject({ from: 'received', to: 'sent_to_agency' });
    const st = await status();
    expect(st).toMatchObject({ pendingDossiers: 0, pendingEvents: 0, pendingBytes: 0, rejected: 0, errors: [] });
    expect(st.lastSuccessAt).not.toBeNull();
    const last = rig.core.db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
    expect(rig.central.auditHead).toEqual({ lastId: last.id, lastHash: last.hash });
  });

  it('freezes the payload at the first attempt: the retry sends identical bytes though the dossier changed since', async () => {
    const a = await rig.receive();
    rig.central.inject.push({ call: 'put', dossierId: a.id, seq: 1, fault: network() });
    await now();
    await call(rig.core, rig.admin, 'dossiers.transition', { id: a.id, to: 'sent_to_agency' });
    rig.clock.advance(60_000);
    await now();
    const first = rig.central.bodies.filter((b) => b.dossierId === a.id && b.seq === 1);
    expect(first).toHaveLength(2);
    expect(first[1]!.body).toBe(first[0]!.body);
    expect(rig.central.events(a.id).map((e) => e.state)).toEqual(['received', 'sent_to_agency']);
  });

  it('a rejected event holds its dossier’s later events (never sent past it) but not other dossiers; retry sends them in order', async () => {
    const a = await rig.receive();
    await call(rig.core, rig.admin, 'dossiers.transition', { id: a.id, to: 'sent_to_agency' });
    await call(rig.core, rig.admin, 'dossiers.transition', { id: a.id, to: 'result_ready' });
    const b = await rig.receive();
    rig.central.inject.push({ call: 'put', dossierId: a.id, seq: 2, fault: rejected(422, 'DOSSIER_INVALID', 'Thiếu mã thủ tục hành chính.') });
    const r = await now();
    expect(r).toMatchObject({ rejected: 1, remaining: 2 });
    expect(rig.central.events(a.id)).toHaveLength(1);
    expect(puts(a.id, 3)).toBe(0);
    expect(rig.central.events(b.id)).toHaveLength(1);
    const st = await status();
    expect(st).toMatchObject({ rejected: 1, pendingEvents: 1, pendingDossiers: 1 });
    expect(st.errors[0]).toMatchObject({ kind: 'rejected', code: 'DOSSIER_INVALID', message: 'Thiếu mã thủ tục hành chính.', dossierId: a.id });
    const held = rig.items(a.id);
    expect(held.map((i) => i.state)).toEqual(['sent', 'rejected', 'pending']);
    // A supervisor's retry: the rejected item goes back to pending; both are sent, in order.
    expect((await call(rig.core, rig.admin, 'sync.retry', { itemId: held[1]!.id })).due).toBe(1);
    expect(await now()).toMatchObject({ sent: 2, remaining: 0 });
    expect(rig.central.events(a.id).map((e) => e.state)).toEqual(['received', 'sent_to_agency', 'result_ready']);
  });

  it('stores the backoff: after a network failure and a restart nothing is sent before the stored time, then it is', async () => {
    const a = await rig.receive();
    rig.central.inject.push({ call: 'put', dossierId: a.id, seq: 1, fault: network() });
    await rig.core.services.sync.runDue();
    const item = rig.items(a.id)[0]!;
    // First failure: the base wait (2 s; jitter 0.5 of a range that is still 0 wide).
    expect(item).toMatchObject({ state: 'pending', attempts: 1, next_attempt_at: '2026-11-24T02:30:02.000Z' });
    const st = await status();
    expect(st).toMatchObject({ activity: 'offline', nextAttemptAt: '2026-11-24T02:30:02.000Z' });
    expect(st.errors.some((e) => e.code === 'SYNC_NETWORK' && e.kind === 'retrying' && /Không kết nối/.test(e.message))).toBe(true);
    await rig.restart();
    const calls = rig.central.calls.length;
    expect(await rig.core.services.sync.runDue()).toBeNull();
    expect(rig.central.calls.length).toBe(calls);
    rig.clock.advance(2_000);
    await rig.core.services.sync.runDue();
    expect(rig.items(a.id)[0]).toMatchObject({ state: 'sent', attempts: 2 });
    expect((await status()).activity).toBe('idle');
  });

  it('an unknown outcome (applied, reply lost) is settled by a lookup: marked sent, no second PUT', async () => {
    const a = await rig.receive();
    rig.central.inject.push({ call: 'put', dossierId: a.id, seq: 1, fault: timeoutAfterCommit() });
    expect(await now()).toMatchObject({ sent: 1, remaining: 0 });
    expect(puts(a.id, 1)).toBe(1);
    expect(rig.central.calls).toContain(`lookup ${a.id.slice(0, 8)}`);
    expect(rig.central.events(a.id)).toHaveLength(1);
  });

  it('an unknown outcome the lookup cannot settle is kept: the next round looks up first and does not send again', async () => {
    const a = await rig.receive();
    rig.central.inject.push({ call: 'put', dossierId: a.id, seq: 1, fault: timeoutAfterCommit() });
    rig.central.inject.push({ call: 'lookup', dossierId: a.id, fault: network() });
    expect(await now()).toMatchObject({ sent: 0, remaining: 1 });
    expect(rig.items(a.id)[0]!.state).toBe('pending');
    expect(await now()).toMatchObject({ sent: 1, remaining: 0 });
    expect(puts(a.id, 1)).toBe(1);
  });

  it('the server lacks earlier events (EVENT_OUT_OF_ORDER behind): they are sent again first, then the new one', async () => {
    const a = await rig.receive();
    await call(rig.core, rig.admin, 'dossiers.transition', { id: a.id, to: 'sent_to_agency' });
    await now();
    rig.central.dossiers.delete(a.id); // the central restored an old backup
    await call(rig.core, rig.admin, 'dossiers.transition', { id: a.id, to: 'result_ready' });
    expect(await now()).toMatchObject({ remaining: 0 });
    expect(rig.central.events(a.id).map((e) => e.idempotencyKey)).toEqual([1, 2, 3].map((s) => `${a.id}:${s}`));
  });

  it('a file is uploaded before its event, a complete blob is not sent again, and BLOB_MISSING uploads it again', async () => {
    const a = await rig.receive({ attachment: SAMPLE_FILES.pdf });
    await now();
    expect(rig.central.calls.filter((c) => c.startsWith('upload'))).toHaveLength(1);
    expect(rig.central.calls.findIndex((c) => c.startsWith('upload'))).toBeLessThan(rig.central.calls.indexOf(`put ${a.id.slice(0, 8)} 2`));
    const b = await rig.receive({ attachment: SAMPLE_FILES.pdf });
    await now();
    expect(rig.central.calls.filter((c) => c.startsWith('upload'))).toHaveLength(1);
    expect(rig.central.events(b.id)[1]!.file?.sha256).toBe(rig.central.events(a.id)[1]!.file?.sha256);
    rig.central.blobs.clear();
    const c = await rig.receive({ attachment: SAMPLE_FILES.pdf });
    expect(await now()).toMatchObject({ remaining: 0 });
    expect(rig.central.calls.filter((x) => x.startsWith('upload'))).toHaveLength(2);
    expect(rig.central.events(c.id)).toHaveLength(2);
  });

  it('the audit head goes with since = the kept head; a kept head the log lacks is never papered over; a disputed head stays an error', async () => {
    const head = () => rig.core.db.prepare('SELECT id AS lastId, hash AS lastHash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { lastId: number; lastHash: string };
    const auditErrors = async () => (await status()).errors.filter((e) => e.itemId === null).map((e) => e.code);
    await rig.receive();
    await now();
    const first = head();
    expect(rig.central.auditHead).toEqual(first);
    expect(rig.central.auditSince).toEqual([undefined]);
    await rig.receive();
    await now();
    expect(rig.central.auditSince.at(-1)).toEqual(first);
    const kept = head();

    // The tail is cut (the kept row and after), then the counter works on: its head is longer than the kept one.
    rig.core.db.prepare('DELETE FROM audit_log WHERE id >= ?').run(first.lastId);
    await rig.receive();
    await rig.receive();
    expect(head().lastId).toBeGreaterThan(kept.lastId);
    const puts = rig.central.auditSince.length;
    for (let i = 0; i < 2; i++) {
      expect(await now()).toMatchObject({ remaining: 0 });
      expect(rig.central.auditHead).toEqual(kept);
      expect(rig.central.auditSince).toHaveLength(puts);
      const codes = await auditErrors();
      expect(codes).toHaveLength(1);
      expect(codes[0]).toMatch(/^AUDIT_CENTRAL_(TRUNCATED|MISMATCH)$/);
    }
    expect((await status()).errors.find((e) => e.itemId === null)!.message).toMatch(/Nhật ký kiểm tra của quầy/);

    // A central admin drops the kept head: the log matches again (nothing kept to contradict), the error goes.
    rig.central.auditHead = null;
    await now();
    expect(rig.central.auditHead).toEqual(head());
    expect(await auditErrors()).toEqual([]);

    // A disputed head: nothing pushed, the error stays round after round.
    rig.central.auditDisputed = true;
    await rig.receive();
    for (let i = 0; i < 2; i++) {
      await now();
      expect(await auditErrors()).toEqual(['AUDIT_HEAD_DISPUTED']);
    }
    expect((await status()).errors[0]!.message).toMatch(/tranh chấp/);
  });

  it('sync now pushes in the same run what the pulled changes made here (result ready): the outbox is left empty', async () => {
    const a = await rig.receive();
    expect(await now()).toMatchObject({ remaining: 0, centralReached: true });
    rig.central.changeList.push({ cursor: 'c1', at: '2026-11-24T03:00:00Z', kind: 'result_ready', dossierId: a.id, dossierCode: a.code!, data: {} });
    const r = await now();
    expect(r).toMatchObject({ pulled: 1, sent: 1, remaining: 0, centralReached: true });
    expect(rig.central.events(a.id).map((e) => e.state)).toEqual(['received', 'result_ready']);
    // The central unreachable for the pull: the outbox is still empty, but the run says it did not reach the central.
    rig.central.inject.push({ call: 'changes', fault: network() });
    expect(await now()).toMatchObject({ remaining: 0, centralReached: false });
  });
});
