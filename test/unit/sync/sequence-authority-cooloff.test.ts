/**
 * EnrolledSequenceAuthority after the central could not be reached: later calls fail at once
 * (SEQUENCE_AUTHORITY_UNREACHABLE) for the cooling-off window, so a receipt never waits on a blackholed central at
 * every top-up; the window's end tries again with the stored request id; a success or a 4xx ends it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../core/store/database';
import type { CallOutcome, CentralClient } from '../../../core/services/sync/central-client';
import type { CentralLink } from '../../../core/services/sync/central-link';
import { blockRequestKey, EnrolledSequenceAuthority } from '../../../core/services/sync/central-sequence-authority';
import { tempDir } from '../../helpers/temp';

const DAY = '2026-12-07';
let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

function setup() {
  const t = tempDir('motcua-seq-cool-');
  const { db } = openDatabase(`${t.dir}/motcua.db`);
  cleanup = () => {
    db.close();
    t.cleanup();
  };
  const link = {
    credentials: () => ({ central: 'http://127.0.0.1:9', counterId: 'Q01', deviceId: 'd', deviceToken: 'tok', serverId: 's', enrolledAt: '' }),
    url: () => 'http://127.0.0.1:9',
  } as unknown as CentralLink;
  let answer: () => CallOutcome<{ start: number; end: number }> = () => ({ ok: false, kind: 'retry', code: 'SYNC_TIMEOUT', detail: 'timed out', maybeApplied: true });
  const ids: string[] = [];
  const client = {
    reserveBlock: (req: { requestId: string }) => {
      ids.push(req.requestId);
      return Promise.resolve(answer());
    },
  } as unknown as CentralClient;
  let now = Date.parse('2026-12-07T01:00:00Z');
  const authority = new EnrolledSequenceAuthority({ db, link, createClient: () => client, coolOffMs: 30_000, now: () => now });
  return {
    db,
    ids,
    authority,
    advance: (ms: number) => (now += ms),
    answer: (fn: typeof answer) => (answer = fn),
  };
}

const stored = (db: Db, key: string) => db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?').get(key)?.value;

describe('EnrolledSequenceAuthority cooling off', () => {
  it('fails fast after a network-kind failure, retries with the same request id once the window ends, a success ends it', async () => {
    const s = setup();
    await expect(s.authority.reserveBlock('H01', DAY, 20)).rejects.toMatchObject({ code: 'SEQUENCE_AUTHORITY_UNREACHABLE' });
    expect(s.ids).toHaveLength(1);
    // Inside the window: no call at all (a receipt does not wait on the timeout again).
    s.advance(29_000);
    await expect(s.authority.reserveBlock('H01', DAY, 20)).rejects.toMatchObject({ code: 'SEQUENCE_AUTHORITY_UNREACHABLE' });
    await expect(s.authority.reserveBlock('H02', DAY, 20)).rejects.toMatchObject({ code: 'SEQUENCE_AUTHORITY_UNREACHABLE' });
    expect(s.ids).toHaveLength(1);
    expect(stored(s.db, blockRequestKey('H01', DAY, 20))).toBe(s.ids[0]);

    // Window over: tried again with the stored id (a lost reply gets the same block).
    s.advance(2_000);
    s.answer(() => ({ ok: true, value: { start: 1, end: 21 } }));
    expect(await s.authority.reserveBlock('H01', DAY, 20)).toEqual({ start: 1, end: 21 });
    expect(s.ids).toEqual([s.ids[0], s.ids[0]]);

    // The success ended the window: the next call goes out even right after.
    expect(await s.authority.reserveBlock('H01', DAY, 20)).toEqual({ start: 1, end: 21 });
    expect(s.ids).toHaveLength(3);

    // A 5xx starts a window too; a 4xx after it does not.
    s.answer(() => ({ ok: false, kind: 'retry', code: 'SYNC_SERVER_ERROR', detail: 'HTTP 503', maybeApplied: true }));
    await expect(s.authority.reserveBlock('H03', DAY, 20)).rejects.toMatchObject({ code: 'SEQUENCE_AUTHORITY_UNREACHABLE' });
    await expect(s.authority.reserveBlock('H03', DAY, 20)).rejects.toMatchObject({ code: 'SEQUENCE_AUTHORITY_UNREACHABLE' });
    expect(s.ids).toHaveLength(4);
    s.advance(30_000);
    s.answer(() => ({ ok: false, kind: 'rejected', status: 403, error: { code: 'AUTH_REVOKED', message: 'thu hồi' } }));
    await expect(s.authority.reserveBlock('H03', DAY, 20)).rejects.toMatchObject({ code: 'AUTH_REVOKED' });
    await expect(s.authority.reserveBlock('H03', DAY, 20)).rejects.toMatchObject({ code: 'AUTH_REVOKED' });
    expect(s.ids).toHaveLength(6);
  });

  it('ends the window early once the sync worker has had an item accepted (the central is back)', async () => {
    const s = setup();
    await expect(s.authority.reserveBlock('H01', DAY, 20)).rejects.toMatchObject({ code: 'SEQUENCE_AUTHORITY_UNREACHABLE' });
    await expect(s.authority.reserveBlock('H01', DAY, 20)).rejects.toMatchObject({ code: 'SEQUENCE_AUTHORITY_UNREACHABLE' });
    expect(s.ids).toHaveLength(1);
    s.db.prepare("INSERT INTO sync_state (key, value) VALUES ('lastSuccessAt', '2026-12-07T01:00:01.000Z')").run();
    s.answer(() => ({ ok: true, value: { start: 1, end: 21 } }));
    expect(await s.authority.reserveBlock('H01', DAY, 20)).toEqual({ start: 1, end: 21 });
    expect(s.ids).toHaveLength(2);
  });
});
