/**
 * Issue #18: the board's announcements play in order (one waits for the other), a blocked autoplay waits for a click
 * with only the newest call kept, and a board that missed calls shows them all but announces only the newest.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoardCall, BoardState } from '../../../core/contract/queue';
import { announcementClips } from '../../../core/domain/queue/announcement';
import { BoardFeed } from '../../../renderer/src/screens/display/board-feed';
import { VoicePlayer, type Announcement, type ClipAudio, type PlayedLog } from '../../../renderer/src/screens/display/voice-player';

/** Fake audio: play() resolves (or rejects as a browser blocking autoplay); the test ends clips one at a time. */
function fakeAudio(opts: { blocked?: () => boolean; broken?: string } = {}) {
  const playing: { url: string; audio: ClipAudio }[] = [];
  const create = (url: string): ClipAudio => {
    const audio = {
      onended: null,
      onerror: null,
      pause: () => undefined,
      play: () => {
        if (opts.blocked?.()) return Promise.reject(Object.assign(new Error('blocked'), { name: 'NotAllowedError' }));
        playing.push({ url, audio: audio as unknown as ClipAudio });
        if (opts.broken && url.includes(opts.broken)) queueMicrotask(() => (audio.onerror as unknown as () => void)());
        return Promise.resolve();
      },
    };
    return audio as unknown as ClipAudio;
  };
  /** Ends whatever clip is playing, then lets the player start the next. */
  const endCurrent = async () => {
    const cur = playing[playing.length - 1]!;
    (cur.audio.onended as unknown as () => void)();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { create, playing, endCurrent };
}

const newLog = (): PlayedLog => ({ played: [], announcements: [], failed: [] });
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('VoicePlayer', () => {
  it('plays announcements in order, the second waiting for the first to end', async () => {
    const audio = fakeAudio();
    const log = newLog();
    const p = new VoicePlayer(log, audio.create);
    p.announce({ seq: 1, clips: ['a', 'mot'] });
    p.announce({ seq: 2, clips: ['b', 'hai'] });
    await flush();
    expect(audio.playing.map((x) => x.url)).toEqual(['/voice/vi/a.wav']);
    for (let i = 0; i < 4; i++) await audio.endCurrent();
    expect(log.played).toEqual(['a', 'mot', 'b', 'hai']);
    expect(log.announcements.map((a) => a.seq)).toEqual([1, 2]);
    expect(p.voiceState).toBe('idle');
  });

  it('skips a clip that fails and ignores names that are not clip names', async () => {
    const audio = fakeAudio({ broken: 'hai' });
    const log = newLog();
    const p = new VoicePlayer(log, audio.create);
    p.announce({ seq: 1, clips: ['mot', '../x', 'hai', 'ba'] });
    await flush();
    await audio.endCurrent(); // mot
    await flush(); // hai fails by itself
    await audio.endCurrent(); // ba
    expect(log.played).toEqual(['mot', 'ba']);
    expect(log.failed).toEqual(['hai']);
    expect(audio.playing.map((x) => x.url)).not.toContain('/voice/vi/../x.wav');
  });

  it('when autoplay is blocked, waits for unlock() and then plays only the newest call', async () => {
    let blocked = true;
    const audio = fakeAudio({ blocked: () => blocked });
    const log = newLog();
    const p = new VoicePlayer(log, audio.create);
    const states: string[] = [];
    p.onStateChange((s) => states.push(s));
    p.announce({ seq: 1, clips: ['a', 'mot'] });
    await flush();
    expect(p.voiceState).toBe('blocked');
    p.announce({ seq: 2, clips: ['b', 'hai'] });
    p.announce({ seq: 3, clips: ['c', 'ba'] });
    blocked = false; // the click
    p.unlock();
    await flush();
    await audio.endCurrent();
    await audio.endCurrent();
    expect(log.played).toEqual(['c', 'ba']);
    expect(log.announcements.map((a) => a.seq)).toEqual([3]);
    expect(states).toEqual(['playing', 'blocked', 'playing', 'idle']);
  });
});

const DAY = '2026-12-07';
function call(seq: number, ticketNumber: string, counter: number): BoardCall {
  return { seq, ticketNumber, counter, counterName: null, service: 'S1', at: `${DAY}T02:00:0${seq % 10}Z`, recall: false, clips: announcementClips(ticketNumber, counter) };
}
function state(calls: BoardCall[], day = DAY): BoardState {
  const newestFirst = [...calls].sort((a, b) => b.seq - a.seq);
  return {
    day,
    lastSeq: newestFirst[0]?.seq ?? 0,
    counters: [1, 2, 3].map((c) => {
      const last = newestFirst.find((x) => x.counter === c);
      return { counter: c, counterName: null, ticketNumber: last?.ticketNumber ?? null, at: last?.at ?? null };
    }),
    lastCalls: newestFirst.slice(0, 8),
    services: [{ code: 'S1', name: 'Hộ tịch', waiting: 4 }],
  };
}

function feedWith(server: { calls: BoardCall[]; fail?: number; day?: string }) {
  const announced: Announcement[] = [];
  const shown: (BoardState | null)[] = [];
  const errors: unknown[] = [];
  const load = vi.fn(async () => {
    if (server.fail && server.fail-- > 0) throw new Error('offline');
    return state(server.calls, server.day);
  });
  const feed = new BoardFeed({ load, announce: (a) => announced.push(a), onChange: (b, e) => (shown.push(b), errors.push(e)) });
  return { feed, announced, shown, errors, load, last: () => shown[shown.length - 1] };
}

describe('BoardFeed', () => {
  afterEach(() => vi.useRealTimers());

  it('shows the board without announcing the past, then shows and announces each call once', async () => {
    const server = { calls: [call(1, 'A001', 1), call(2, 'A002', 2)] };
    const f = feedWith(server);
    await f.feed.reload();
    expect(f.announced).toEqual([]);
    expect(f.last()?.lastCalls.map((c) => c.ticketNumber)).toEqual(['A002', 'A001']);
    const c3 = call(3, '1023', 3);
    f.feed.called(c3);
    f.feed.called(c3); // delivered twice: announced once
    expect(f.announced).toEqual([{ seq: 3, clips: announcementClips('1023', 3) }]);
    expect(f.last()?.counters.find((c) => c.counter === 3)?.ticketNumber).toBe('1023');
    expect(f.last()?.lastCalls[0]?.ticketNumber).toBe('1023');
    f.feed.changed({ day: DAY, services: [{ code: 'S1', waiting: 2, estimatedWaitMinutes: null }] });
    expect(f.last()?.services[0]?.waiting).toBe(2);
    expect(f.load).toHaveBeenCalledTimes(1);
  });

  it('after missing calls (reconnect), shows them all and announces only the newest', async () => {
    const server = { calls: [call(1, 'A001', 1)] };
    const f = feedWith(server);
    await f.feed.reload();
    server.calls.push(call(2, 'A002', 2), call(3, 'A003', 1), call(4, 'B001', 3));
    await f.feed.reload(); // events.lost
    expect(f.announced.map((a) => a.seq)).toEqual([4]);
    expect(f.last()?.lastCalls.map((c) => c.ticketNumber)).toEqual(['B001', 'A003', 'A002', 'A001']);
    await f.feed.reload(); // nothing new: nothing said
    expect(f.announced.map((a) => a.seq)).toEqual([4]);
  });

  it('a gap in seq makes it re-read the board; a new day is shown without replaying it', async () => {
    const server = { calls: [call(1, 'A001', 1)], day: DAY };
    const f = feedWith(server);
    await f.feed.reload();
    server.calls.push(call(2, 'A002', 2), call(3, 'A003', 3));
    f.feed.called(server.calls[2]!); // seq 2 never arrived
    await vi.waitFor(() => expect(f.load).toHaveBeenCalledTimes(2));
    await vi.waitFor(() => expect(f.last()?.lastCalls.map((c) => c.seq)).toEqual([3, 2, 1]));
    expect(f.announced.map((a) => a.seq)).toEqual([3]);
    server.day = '2026-12-08';
    server.calls = [call(1, 'A001', 2)];
    f.feed.changed({ day: '2026-12-08', services: [{ code: 'S1', waiting: 1, estimatedWaitMinutes: null }] });
    await vi.waitFor(() => expect(f.last()?.day).toBe('2026-12-08'));
    expect(f.announced.map((a) => a.seq)).toEqual([3]);
    f.feed.called(call(2, 'A002', 1)); // the new day's numbering starts again
    expect(f.announced.map((a) => a.seq)).toEqual([3, 2]);
  });

  it("announces a new day's first call that arrives before the new day's queue.changed", async () => {
    const server = { calls: [call(1, 'A001', 1), call(2, 'A002', 2), call(3, 'A003', 3)], day: DAY };
    const f = feedWith(server);
    await f.feed.reload();
    const next = { ...call(1, 'B001', 2), at: '2026-12-08T01:00:00Z' };
    server.day = '2026-12-08';
    server.calls = [next];
    f.feed.called(next);
    expect(f.announced.map((a) => a.clips)).toEqual([announcementClips('B001', 2)]);
    await vi.waitFor(() => expect(f.last()?.day).toBe('2026-12-08'));
    f.feed.called(next); // and only once
    expect(f.announced).toHaveLength(1);
  });

  it('retries a failed load and shows the error meanwhile', async () => {
    vi.useFakeTimers();
    const f = feedWith({ calls: [], fail: 2 });
    await f.feed.reload();
    expect(f.last()).toBeNull();
    expect(f.errors[f.errors.length - 1]).toBeInstanceOf(Error);
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(f.load).toHaveBeenCalledTimes(3);
    expect(f.last()?.day).toBe(DAY);
    expect(f.errors[f.errors.length - 1]).toBeNull();
    f.feed.stop();
  });
});
