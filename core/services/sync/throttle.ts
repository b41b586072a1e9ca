/**
 * Upload pacing for counters on weak links (postal counters): a token bucket that every blob upload of the process
 * shares, so two uploads together still stay under the cap and the clerk's other traffic is not starved.
 * The bucket may go into debt: a writer takes its bytes at once and waits for the debt to be paid back, so writers
 * are served in the order they asked and the long-run rate is exactly the cap. Time is injected (now/sleep), so the
 * schedule is tested without timed assertions.
 */
export interface PaceTimer {
  /** Milliseconds, monotonic. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realPaceTimer: PaceTimer = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private rate: number,
    private readonly timer: PaceTimer = realPaceTimer,
    /** Bytes that may go at once after a quiet spell: a tenth of a second's worth (never below one slice). */
    private burst: number = Math.max(1, Math.floor(rate / 10)),
  ) {
    if (!(rate > 0)) throw new RangeError('TokenBucket: rate must be > 0');
    this.tokens = burst;
    this.last = timer.now();
  }

  get bytesPerSecond(): number {
    return this.rate;
  }

  /** A new cap (the setting changed): bytes already owed are kept, the debt is paid back at the new rate. */
  setRate(rate: number): void {
    if (!(rate > 0)) throw new RangeError('TokenBucket: rate must be > 0');
    this.refill();
    this.rate = rate;
    this.burst = Math.max(1, Math.floor(rate / 10));
    this.tokens = Math.min(this.tokens, this.burst);
  }

  /** Takes `bytes` now and returns how long the writer must wait before sending them (ms, 0: at once). */
  reserve(bytes: number): number {
    this.refill();
    this.tokens -= bytes;
    return this.tokens >= 0 ? 0 : (-this.tokens / this.rate) * 1000;
  }

  /** Waits until `bytes` may be sent; `onWait` hears the wait before it starts (a caller's limits can allow for it). */
  async take(bytes: number, onWait?: (ms: number) => void): Promise<void> {
    const wait = this.reserve(bytes);
    if (wait > 0) {
      onWait?.(wait);
      await this.timer.sleep(wait);
    }
  }

  /** The slice a writer should send at a time: small enough that the link sees a steady flow, not bursts. */
  sliceBytes(max: number): number {
    return Math.max(1024, Math.min(max, Math.floor(this.rate / 20)));
  }

  private refill(): void {
    const now = this.timer.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
  }
}

let shared: TokenBucket | null = null;

/** The process's one upload bucket at this cap (null: no cap). A new cap re-rates the same bucket. */
export function sharedUploadBucket(bytesPerSecond: number | null | undefined): TokenBucket | null {
  if (bytesPerSecond === null || bytesPerSecond === undefined || !(bytesPerSecond > 0)) return null;
  if (!shared) shared = new TokenBucket(bytesPerSecond);
  else if (shared.bytesPerSecond !== bytesPerSecond) shared.setRate(bytesPerSecond);
  return shared;
}
