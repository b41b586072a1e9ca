/**
 * Main-process side of the core's utility process: forwards calls, matches replies, restarts the process when
 * it dies. No Electron import: the process is created by an injected spawn function, so this runs under vitest.
 */
import type { CallResult } from '../../core/contract/bridge';
import type { WireError } from '../../core/contract/errors';
import type { EventMessage } from '../../core/contract/events';
import type { HostCall, HostMessage } from '../../core/rpc/host-protocol';
import { RestartPolicy } from '../../core/platform/restart-policy';
import type { MainToHost } from '../shared/host-control';

export interface HostProcess {
  postMessage(message: MainToHost): void;
  kill(): void;
}
export interface HostProcessEvents {
  message(data: unknown): void;
  exit(code: number): void;
}
/** Starts one utility process and routes its events to the given callbacks. */
export type SpawnHost = (events: HostProcessEvents) => HostProcess;

export type HostLog = (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;

export interface HostClientOptions {
  spawn: SpawnHost;
  log: HostLog;
  /** Builds the error sent back when a call cannot be answered by the core (code INTERNAL). */
  makeError: (code: string) => WireError;
  /**
   * Whether and when a crashed core is started again: the delay grows with the crashes within a window, and past
   * the limit it is not restarted (core/platform/restart-policy.ts, the same policy as web mode's launcher).
   */
  restartPolicy?: RestartPolicy;
  /** How long stop() waits for a clean exit before killing. */
  shutdownTimeoutMs?: number;
  /** A push-channel event from the core for the renderer behind connectionKey. */
  onEvent?: (connectionKey: string, message: EventMessage) => void;
  /** The core is ready again after a crash: its connections, subscriptions included, started afresh. */
  onRestarted?: () => void;
}

function isHostMessage(data: unknown): data is HostMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as { type?: unknown; id?: unknown; result?: unknown };
  if (m.type === 'ready') return true;
  if (m.type === 'event') {
    const e = data as { connectionKey?: unknown; event?: unknown };
    return typeof e.connectionKey === 'string' && typeof e.event === 'string' && 'data' in e;
  }
  return m.type === 'reply' && typeof m.id === 'number' && typeof m.result === 'object' && m.result !== null;
}

export class HostClient {
  private proc: HostProcess | null = null;
  private generation = 0;
  private ready = false;
  private stopping = false;
  private readonly policy: RestartPolicy;
  /** The core crashed past the policy's limit: calls are answered INTERNAL and no restart is tried. */
  private gaveUp = false;
  private nextId = 0;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  /** Sent or queued calls waiting for their reply. */
  private readonly pending = new Map<number, (r: CallResult) => void>();
  /** Messages held until the process says it is ready. */
  private queue: MainToHost[] = [];
  private exitWaiters: Array<() => void> = [];

  constructor(private readonly opts: HostClientOptions) {
    this.policy = opts.restartPolicy ?? new RestartPolicy();
  }

  start(): void {
    if (this.proc !== null || this.stopping) return;
    const gen = ++this.generation;
    this.ready = false;
    try {
      this.proc = this.opts.spawn({
        message: (data) => {
          if (gen === this.generation) this.onMessage(data);
        },
        exit: (code) => {
          if (gen === this.generation) this.onExit(code);
        },
      });
      this.opts.log('info', 'core host started', { generation: gen });
    } catch (err) {
      this.opts.log('error', 'core host could not be started', { err });
      this.proc = null;
      this.onExit(-1);
    }
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** Forwards one renderer call; never rejects. */
  call(connectionKey: string, method: string, input: unknown): Promise<CallResult> {
    if (this.stopping || this.gaveUp) return Promise.resolve(this.internal());
    const id = ++this.nextId;
    const msg: HostCall = { type: 'call', id, connectionKey, method, input };
    return new Promise<CallResult>((resolve) => {
      this.pending.set(id, resolve);
      this.send(msg);
    });
  }

  /** The renderer behind connectionKey is gone: the core drops its connection (and session binding). */
  disconnect(connectionKey: string): void {
    if (this.stopping) return;
    this.send({ type: 'disconnect', connectionKey });
  }

  /** Asks the core to close its database and exit; kills it if it has not exited in time. */
  stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer !== null) {
      clearTimeout(this.restartTimer);
      this.restartTimer = null;
    }
    this.failQueued();
    const proc = this.proc;
    if (proc === null) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.opts.log('warn', 'core host did not exit in time; killing it');
        proc.kill();
        resolve();
      }, this.opts.shutdownTimeoutMs ?? 5_000);
      this.exitWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
      try {
        proc.postMessage({ type: 'shutdown' });
      } catch {
        proc.kill();
      }
    });
  }

  private send(msg: MainToHost): void {
    if (!this.ready || this.proc === null) {
      this.queue.push(msg);
      if (this.proc === null && this.restartTimer === null && !this.stopping && !this.gaveUp) this.start();
      return;
    }
    try {
      this.proc.postMessage(msg);
    } catch (err) {
      this.opts.log('error', 'could not post to core host', { err });
      if (msg.type === 'call') this.settle(msg.id, this.internal());
    }
  }

  private onMessage(data: unknown): void {
    if (!isHostMessage(data)) {
      this.opts.log('warn', 'ignored malformed message from core host');
      return;
    }
    if (data.type === 'event') {
      this.opts.onEvent?.(data.connectionKey, { event: data.event, data: data.data } as EventMessage);
      return;
    }
    if (data.type === 'ready') {
      this.ready = true;
      if (this.generation > 1) this.opts.onRestarted?.();
      const queued = this.queue;
      this.queue = [];
      for (const msg of queued) this.send(msg);
      return;
    }
    this.settle(data.id, data.result);
  }

  private onExit(code: number): void {
    this.proc = null;
    this.ready = false;
    // Whatever the core was doing is lost; callers get INTERNAL rather than waiting forever.
    const inFlight = this.pending.size;
    this.failQueued();
    for (const id of [...this.pending.keys()]) this.settle(id, this.internal());
    const waiters = this.exitWaiters;
    this.exitWaiters = [];
    for (const w of waiters) w();
    if (this.stopping) {
      this.opts.log('info', 'core host exited', { code });
      return;
    }
    const decision = this.policy.onCrash();
    if (!decision.restart) {
      this.gaveUp = true;
      this.opts.log('error', 'core host keeps crashing; not restarting', { code, inFlight, crashes: decision.crashes });
      return;
    }
    this.opts.log('error', 'core host died; restarting', { code, inFlight, attempt: decision.attempt, delayMs: decision.delayMs });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.start();
    }, decision.delayMs);
  }

  private failQueued(): void {
    const queued = this.queue;
    this.queue = [];
    for (const msg of queued) if (msg.type === 'call') this.settle(msg.id, this.internal());
  }

  private settle(id: number, result: CallResult): void {
    const resolve = this.pending.get(id);
    if (resolve === undefined) return;
    this.pending.delete(id);
    resolve(result);
  }

  private internal(): CallResult {
    return { ok: false, error: this.opts.makeError('INTERNAL') };
  }
}
