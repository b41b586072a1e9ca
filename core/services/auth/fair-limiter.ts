/**
 * Runs at most `slots` jobs at once (password hashing: a core and, at the default cost, 128 MiB each). When jobs
 * wait, a freed slot goes to the waiting key (peer) with the fewest jobs running, then round-robin, never first
 * come first served: 200 queued logins from one peer delay a login from another peer by about one job, not 200.
 */
export class FairLimiter {
  private running = 0;
  private readonly runningByKey = new Map<string, number>();
  /** Waiting jobs per key; the Map's insertion order is the round-robin order. */
  private readonly queues = new Map<string, (() => void)[]>();

  constructor(private readonly slots: number) {
    if (!(slots >= 1)) throw new Error('FairLimiter needs at least one slot');
  }

  /** Jobs waiting (not yet started), for logs and tests. */
  get waiting(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  async run<T>(key: string, job: () => Promise<T>): Promise<T> {
    if (this.running >= this.slots || this.queues.size > 0) {
      await new Promise<void>((resolve) => {
        const q = this.queues.get(key);
        if (q) q.push(resolve);
        else this.queues.set(key, [resolve]);
      });
    } else {
      this.start(key);
    }
    try {
      return await job();
    } finally {
      this.finish(key);
    }
  }

  private start(key: string): void {
    this.running += 1;
    this.runningByKey.set(key, (this.runningByKey.get(key) ?? 0) + 1);
  }

  private finish(key: string): void {
    this.running -= 1;
    const n = (this.runningByKey.get(key) ?? 1) - 1;
    if (n === 0) this.runningByKey.delete(key);
    else this.runningByKey.set(key, n);
    // The key that just had its turn goes behind the others waiting.
    const own = this.queues.get(key);
    if (own) {
      this.queues.delete(key);
      this.queues.set(key, own);
    }
    if (this.running < this.slots) this.next();
  }

  /** A slot is free: the waiting key with the fewest running jobs (earliest in turn on a tie) goes next, then to the back. */
  private next(): void {
    let pick: string | null = null;
    let fewest = Infinity;
    for (const key of this.queues.keys()) {
      const n = this.runningByKey.get(key) ?? 0;
      if (n < fewest) {
        pick = key;
        fewest = n;
        if (n === 0) break;
      }
    }
    if (pick === null) return;
    const q = this.queues.get(pick)!;
    const resume = q.shift()!;
    this.queues.delete(pick);
    if (q.length > 0) this.queues.set(pick, q);
    this.start(pick);
    resume();
  }
}
