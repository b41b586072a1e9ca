/**
 * When a crashed core process is started again: after a growing delay (0.5 s, 1 s, 2 s … capped), and not
 * at all once it has crashed too often within a window, so a core that dies at start-up does not spin the CPU
 * or fill the log forever. Shared by web mode's launcher and Electron's main process; plain Node, no I/O.
 */
export interface RestartPolicyOptions {
  /** Restarts allowed within `windowMs`; one more crash in the window gives up. */
  maxRestarts: number;
  windowMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicyOptions = { maxRestarts: 5, windowMs: 5 * 60_000, baseDelayMs: 500, maxDelayMs: 30_000 };

export type RestartDecision = { restart: true; delayMs: number; attempt: number } | { restart: false; crashes: number };

export class RestartPolicy {
  private crashes: number[] = [];

  constructor(private readonly opts: RestartPolicyOptions = DEFAULT_RESTART_POLICY, private readonly now: () => number = Date.now) {}

  /** Records a crash and says whether (and when) to start again. */
  onCrash(): RestartDecision {
    const t = this.now();
    this.crashes = this.crashes.filter((c) => t - c < this.opts.windowMs);
    this.crashes.push(t);
    const n = this.crashes.length;
    if (n > this.opts.maxRestarts) return { restart: false, crashes: n };
    return { restart: true, attempt: n, delayMs: Math.min(this.opts.maxDelayMs, this.opts.baseDelayMs * 2 ** (n - 1)) };
  }
}
