/**
 * What the display board shows and says (issue #18), apart from React: queue.board once, then 'queue.called' and
 * 'queue.changed' from the push channel. Calls are announced in order. When events may have been missed (the
 * connection dropped, the core restarted, the client fell behind, a gap in `seq`) the board re-reads queue.board:
 * missed calls are shown and only the newest of them is announced. A load that fails is retried with backoff.
 */
import type { EventData } from '../../../../core/contract/events';
import type { BoardCall, BoardState } from '../../../../core/contract/queue';
import type { Announcement } from './voice-player';

/** How many recent calls the board lists. */
export const LAST_CALLS = 8;
/** Retry delays of a failed load, ms (the last one repeats). */
const RETRY_MS = [1_000, 2_000, 5_000, 10_000];

/** A call applied to what the board shows: newest first in the list, and as its counter's current number. */
export function applyCall(board: BoardState, call: BoardCall): BoardState {
  const lastCalls = [call, ...board.lastCalls.filter((c) => c.seq !== call.seq)].slice(0, LAST_CALLS);
  const entry = { counter: call.counter, counterName: call.counterName, ticketNumber: call.ticketNumber, at: call.at };
  const known = board.counters.some((c) => c.counter === call.counter);
  const counters = known ? board.counters.map((c) => (c.counter === call.counter ? entry : c)) : [...board.counters, entry].sort((a, b) => a.counter - b.counter);
  return { ...board, lastSeq: Math.max(board.lastSeq, call.seq), lastCalls, counters };
}

export interface BoardFeedDeps {
  load: () => Promise<BoardState>;
  announce: (a: Announcement) => void;
  /** What to show changed: the board (null until loaded) and the error of the last failed load. */
  onChange: (board: BoardState | null, loadError: unknown) => void;
}

export class BoardFeed {
  private board: BoardState | null = null;
  /** The newest call shown; -1 until the first load. */
  private lastSeq = -1;
  private loading = false;
  private loadAgain = false;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(private readonly deps: BoardFeedDeps) {}

  /** Reads queue.board (again): on start, and whenever events may have been missed. Concurrent asks coalesce. */
  async reload(): Promise<void> {
    if (this.stopped) return;
    if (this.loading) {
      this.loadAgain = true; // something changed while loading: read once more after this one
      return;
    }
    this.loading = true;
    clearTimeout(this.retryTimer);
    try {
      const fresh = await this.deps.load();
      if (this.stopped) return;
      this.failures = 0;
      const sameDay = this.board?.day === fresh.day;
      const newest = fresh.lastCalls[0];
      // Catching up: only the newest missed call is announced; none on the first load or on a new day (a board
      // switched on does not replay the morning).
      if (sameDay && newest && newest.seq > this.lastSeq) this.deps.announce({ seq: newest.seq, clips: newest.clips });
      this.lastSeq = Math.max(sameDay ? this.lastSeq : -1, fresh.lastSeq);
      this.show(fresh, null);
    } catch (e) {
      if (this.stopped) return;
      this.show(this.board, e);
      const delay = RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)]!;
      this.failures += 1;
      this.retryTimer = setTimeout(() => void this.reload(), delay);
    } finally {
      this.loading = false;
      if (this.loadAgain && !this.stopped) {
        this.loadAgain = false;
        void this.reload();
      }
    }
  }

  called(call: BoardCall): void {
    if (this.stopped) return;
    let gap = this.board !== null && call.seq > this.lastSeq + 1;
    if (call.seq <= this.lastSeq) {
      // Seen already (a reload showed it first), unless it is newer than anything shown: a new day's numbering began
      // before its 'queue.changed' (coalesced) told the board so.
      const newestAt = this.board?.lastCalls[0]?.at;
      if (newestAt === undefined || call.at <= newestAt) return;
      gap = true;
    }
    this.lastSeq = call.seq;
    if (this.board) this.show(applyCall(this.board, call), null);
    this.deps.announce({ seq: call.seq, clips: call.clips });
    if (gap || this.board === null) void this.reload(); // calls were missed between: show them too
  }

  changed(change: EventData<'queue.changed'>): void {
    const b = this.board;
    if (this.stopped || !b) return; // the load under way brings the counts
    // A service or a day the board does not know yet: names (and the new day's calls) come with queue.board.
    if (change.day !== b.day || change.services.some((s) => !b.services.some((x) => x.code === s.code))) {
      void this.reload();
      return;
    }
    const waiting = new Map(change.services.map((s) => [s.code, s.waiting]));
    this.show({ ...b, services: b.services.map((s) => ({ ...s, waiting: waiting.get(s.code) ?? s.waiting })) }, null);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
  }

  private show(board: BoardState | null, error: unknown): void {
    this.board = board;
    this.deps.onChange(board, error);
  }
}
