/**
 * A WebSocket client of web mode's /rpc for the queue's acceptance checks (kill -9, reconnect, benchmark, e2e): unlike
 * ws-client.ts it settles every pending call when the socket goes away (`{ lost: true }`: sent, answer never seen, so
 * the outcome is unknown), stamps each push event with performance.now() on arrival, and sends without waiting (the
 * lost-reply case). No vitest imports: the benchmarks (plain tsx scripts) use it too.
 */
import WebSocket from 'ws';

export interface Reply<T = unknown> {
  ok: boolean;
  value?: T;
  error?: { code: string; message: string; params?: unknown };
  /** The socket closed before the answer came: the request may or may not have been carried out. */
  lost?: true;
}

export interface PushEvent<T = unknown> {
  name: string;
  data: T;
  /** performance.now() when the message arrived. */
  at: number;
}

export class QueueWs {
  private next = 1;
  private readonly pending = new Map<number, (r: Reply) => void>();
  private readonly listeners = new Set<(e: PushEvent) => void>();
  readonly events: PushEvent[] = [];
  closed = false;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (raw) => {
      const at = performance.now();
      const m = JSON.parse(raw.toString()) as { id?: number | null; ok?: boolean; value?: unknown; error?: Reply['error']; event?: string; data?: unknown };
      if (typeof m.event === 'string' && m.id === undefined) {
        const e: PushEvent = { name: m.event, data: m.data, at };
        this.events.push(e);
        for (const l of this.listeners) l(e);
        return;
      }
      const resolve = typeof m.id === 'number' ? this.pending.get(m.id) : undefined;
      if (resolve) {
        this.pending.delete(m.id as number);
        resolve({ ok: m.ok === true, value: m.value, error: m.error });
      }
    });
    ws.on('close', () => {
      this.closed = true;
      for (const [, resolve] of this.pending) resolve({ ok: false, lost: true });
      this.pending.clear();
    });
    ws.on('error', () => undefined);
  }

  static open(baseUrl: string): Promise<QueueWs> {
    const ws = new WebSocket(baseUrl.replace(/^http/, 'ws') + '/rpc', { perMessageDeflate: false });
    return new Promise((resolve, reject) => {
      ws.once('open', () => {
        ws.off('error', reject);
        resolve(new QueueWs(ws));
      });
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
  }

  /** Sends and waits for the answer (or the loss of the socket). */
  call<T = unknown>(method: string, input?: unknown): Promise<Reply<T>> {
    if (this.closed) return Promise.resolve({ ok: false, lost: true });
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (r: Reply) => void);
      this.ws.send(JSON.stringify({ id, method, input }));
    });
  }

  /** Like call, but a failure throws with the error's code (for preparing data). */
  async must<T = unknown>(method: string, input?: unknown): Promise<T> {
    const r = await this.call<T>(method, input);
    if (r.ok) return r.value as T;
    throw Object.assign(new Error(`${method}: ${r.lost ? 'connection lost' : `${r.error?.code}: ${r.error?.message}`}`), { code: r.error?.code });
  }

  /** Sends and returns at once: the answer, if any comes, is dropped. */
  send(method: string, input?: unknown): void {
    this.ws.send(JSON.stringify({ id: this.next++, method, input }));
  }

  onEvent(listener: (e: PushEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The first event (already received or to come) that matches, bounded in time. */
  waitEvent<T = unknown>(match: (e: PushEvent<T>) => boolean, timeoutMs = 10_000): Promise<PushEvent<T>> {
    const had = this.events.find((e) => match(e as PushEvent<T>));
    if (had) return Promise.resolve(had as PushEvent<T>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`no matching event within ${timeoutMs} ms`));
      }, timeoutMs);
      const off = this.onEvent((e) => {
        if (!match(e as PushEvent<T>)) return;
        clearTimeout(timer);
        off();
        resolve(e as PushEvent<T>);
      });
    });
  }

  /** Closes and waits until the socket is gone. */
  async close(): Promise<void> {
    if (this.closed) return;
    const gone = new Promise<void>((resolve) => this.ws.once('close', () => resolve()));
    this.ws.close();
    await Promise.race([gone, new Promise((r) => setTimeout(r, 2_000))]);
    if (!this.closed) this.ws.terminate();
  }
}

export const QUEUE_ADMIN = { username: 'quantri', displayName: 'Nguyễn Thị Quản Trị', password: 'mat-khau-an-toan-1' };

/** A connection logged in with a session token (auth.resume: no password hashed per client). */
export async function openSession(baseUrl: string, token: string): Promise<QueueWs> {
  const c = await QueueWs.open(baseUrl);
  await c.must('auth.resume', { token });
  return c;
}

/** First run: the admin account; returns the admin's connection and session token. */
export async function setupAdmin(baseUrl: string): Promise<{ admin: QueueWs; token: string }> {
  const admin = await QueueWs.open(baseUrl);
  const s = await admin.must<{ token: string }>('auth.setupAdmin', QUEUE_ADMIN);
  return { admin, token: s.token };
}

/**
 * One service group open at any hour (tests must not depend on the time of day) and counters 1..n serving it.
 * Returns the group's code.
 */
export async function configureQueue(admin: QueueWs, o: { code: string; name: string; prefix?: string; counters: number; rules?: { ordinaryAfterPriority: number } }): Promise<string> {
  await admin.must('queue.saveGroup', { code: o.code, name: o.name, prefix: o.prefix ?? '', startNumber: 1, hours: { mode: 'always' } });
  for (let n = 1; n <= o.counters; n++) await admin.must('queue.saveCounter', { number: n, name: `Quầy ${n}`, groups: [o.code] });
  if (o.rules) await admin.must('queue.saveRules', o.rules);
  return o.code;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
