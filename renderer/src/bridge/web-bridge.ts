/**
 * The bridge in web mode: the contract over one WebSocket to /rpc on the page's own host.
 * Calls made while (re)connecting wait in a queue; a dropped connection is reopened with backoff, and after a
 * reconnect the session is bound to the new connection (auth.resume) before the queue is sent.
 * Calls already sent when the connection drops fail with UI_CONNECTION_LOST: the core may or may not have
 * run them, so they are never resent blindly.
 * Push-channel events arrive on the same socket as `{ event, data }` (no id); after a reconnect the subscriptions
 * are made again on the new connection and 'events.lost' is raised, since events may have been missed meanwhile.
 */
import type { CallResult, MotcuaBridge } from '../../../core/contract/bridge';
import type { WireError } from '../../../core/contract/errors';
import { EventSubscriptions, isPushMessage } from '../../../core/contract/event-client';
import type { PushData, PushName } from '../../../core/contract/events';
import { errorMessage } from '../../../core/i18n/translate';
import { SESSION_LOST_CODES } from './session-events';

export type ConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting';

export interface WebBridgeOptions {
  url: string;
  /** The token to re-bind after a reconnect (null: not logged in). */
  getToken: () => string | null;
  /** The core refused the token on reconnect. */
  onSessionLost?: (code: string) => void;
  /** A paired kiosk's or board's device token, bound (pairing.resume) on every connection when no user is resumed. */
  getDeviceToken?: () => string | null;
  /** The core refused the device token on a connection (revoked, unknown). */
  onDeviceRefused?: (code: string) => void;
  /** First reconnect delay; doubles per failure up to maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** A call that could not be sent for this long fails with UI_CONNECTION_TIMEOUT. */
  queueTimeoutMs?: number;
  createSocket?: (url: string) => WebSocket;
}

interface Outgoing {
  id: number;
  method: string;
  input: unknown;
  resolve: (r: CallResult) => void;
  timer?: ReturnType<typeof setTimeout>;
}

export function webSocketUrl(loc: Pick<Location, 'protocol' | 'host'> = location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/rpc`;
}

function localError(code: string): WireError {
  return { code, message: errorMessage(code), params: {} };
}

export class WebBridge implements MotcuaBridge {
  readonly transport = 'web' as const;
  private socket: WebSocket | null = null;
  /** Open and re-bound: calls go straight out. */
  private ready = false;
  private state: ConnectionState = 'idle';
  private everOpened = false;
  private failures = 0;
  private nextId = 1;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly queue: Outgoing[] = [];
  private readonly inflight = new Map<number, Outgoing>();
  private readonly stateListeners = new Set<(s: ConnectionState) => void>();
  private readonly initialDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly queueTimeoutMs: number;
  private readonly createSocket: (url: string) => WebSocket;
  private readonly events = new EventSubscriptions((method, input) => this.call(method, input));

  constructor(private readonly opts: WebBridgeOptions) {
    this.initialDelayMs = opts.initialDelayMs ?? 250;
    this.maxDelayMs = opts.maxDelayMs ?? 3_000;
    this.queueTimeoutMs = opts.queueTimeoutMs ?? 20_000;
    this.createSocket = opts.createSocket ?? ((url) => new WebSocket(url));
  }

  get connectionState(): ConnectionState {
    return this.state;
  }

  onStateChange(fn: (s: ConnectionState) => void): () => void {
    this.stateListeners.add(fn);
    return () => this.stateListeners.delete(fn);
  }

  subscribe<N extends PushName>(name: N, handler: (data: PushData<N>) => void): () => void {
    return this.events.subscribe(name, handler);
  }

  call(method: string, input?: unknown): Promise<CallResult> {
    return this.callRaw(method, input).then((r) => {
      this.events.afterCall(method, r);
      return r;
    });
  }

  private callRaw(method: string, input?: unknown): Promise<CallResult> {
    return new Promise<CallResult>((resolve) => {
      const msg: Outgoing = { id: this.nextId++, method, input, resolve };
      if (this.ready) {
        this.send(msg);
        return;
      }
      msg.timer = setTimeout(() => this.expire(msg), this.queueTimeoutMs);
      this.queue.push(msg);
      this.connect();
    });
  }

  private setState(s: ConnectionState): void {
    if (s === this.state) return;
    this.state = s;
    for (const fn of [...this.stateListeners]) fn(s);
  }

  private connect(): void {
    if (this.socket || this.reconnectTimer) return;
    this.setState(this.everOpened ? 'reconnecting' : 'connecting');
    let ws: WebSocket;
    try {
      ws = this.createSocket(this.opts.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = ws;
    ws.onopen = () => void this.onOpen(ws);
    ws.onmessage = (ev: MessageEvent) => this.onMessage(ev.data);
    ws.onclose = () => this.onClose(ws);
  }

  private async onOpen(ws: WebSocket): Promise<void> {
    this.failures = 0;
    const reconnect = this.everOpened;
    this.everOpened = true;
    const token = this.opts.getToken();
    let resumed = false;
    if (reconnect && token) {
      const r = await new Promise<CallResult>((resolve) => this.send({ id: this.nextId++, method: 'auth.resume', input: { token }, resolve }));
      if (ws !== this.socket) return; // dropped again while resuming; the next open retries
      if (!r.ok && SESSION_LOST_CODES.has(r.error.code)) this.opts.onSessionLost?.(r.error.code);
      resumed = r.ok;
    }
    // A device has no login screen to bind its token: it is bound on the first connection too, before queued calls.
    // A user's session comes first (the core ignores a device token beside it).
    const deviceToken = token ? null : (this.opts.getDeviceToken?.() ?? null);
    if (deviceToken) {
      const r = await new Promise<CallResult>((resolve) => this.send({ id: this.nextId++, method: 'pairing.resume', input: { token: deviceToken }, resolve }));
      if (ws !== this.socket) return;
      if (!r.ok) this.opts.onDeviceRefused?.(r.error.code);
      resumed = r.ok && reconnect;
    }
    this.ready = true;
    this.setState('open');
    for (const msg of this.queue.splice(0)) {
      clearTimeout(msg.timer);
      this.send(msg);
    }
    // The new connection has no subscriptions; once they are back, screens re-read what they may have missed.
    if (resumed) void this.events.resubscribe().then(() => this.events.lost('reconnect'));
  }

  private send(msg: Outgoing): void {
    const ws = this.socket;
    if (!ws || ws.readyState !== WebSocket.OPEN) {
      msg.resolve({ ok: false, error: localError('UI_CONNECTION_LOST') });
      return;
    }
    this.inflight.set(msg.id, msg);
    ws.send(JSON.stringify({ id: msg.id, method: msg.method, input: msg.input }));
  }

  private onMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let reply: { id?: unknown; ok?: unknown; value?: unknown; error?: WireError };
    try {
      reply = JSON.parse(data) as typeof reply;
    } catch {
      return;
    }
    if (isPushMessage(reply)) {
      this.events.deliver(reply);
      return;
    }
    if (typeof reply.id !== 'number') return;
    const msg = this.inflight.get(reply.id);
    if (!msg) return;
    this.inflight.delete(reply.id);
    if (reply.ok === true) msg.resolve({ ok: true, value: reply.value });
    else msg.resolve({ ok: false, error: reply.error ?? localError('INTERNAL') });
  }

  private onClose(ws: WebSocket): void {
    if (ws !== this.socket) return;
    this.socket = null;
    this.ready = false;
    for (const msg of this.inflight.values()) msg.resolve({ ok: false, error: localError('UI_CONNECTION_LOST') });
    this.inflight.clear();
    if (this.everOpened || this.queue.length > 0) this.scheduleReconnect();
    else this.setState('idle');
  }

  private scheduleReconnect(): void {
    if (this.reconnectTimer) return;
    this.setState(this.everOpened ? 'reconnecting' : 'connecting');
    const base = Math.min(this.maxDelayMs, this.initialDelayMs * 2 ** this.failures);
    this.failures += 1;
    const delay = Math.round(base * (0.75 + Math.random() * 0.5)); // jitter: many tabs must not reconnect in step
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
  }

  private expire(msg: Outgoing): void {
    const i = this.queue.indexOf(msg);
    if (i < 0) return;
    this.queue.splice(i, 1);
    msg.resolve({ ok: false, error: localError('UI_CONNECTION_TIMEOUT') });
  }
}
