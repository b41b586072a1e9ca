import WebSocket from 'ws';

export interface WsReply {
  id: string | number | null;
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string; field?: string };
}

/** A minimal client of web mode's /rpc endpoint, for tests. */
export class RpcClient {
  private next = 1;
  private readonly pending = new Map<string | number, (r: WsReply) => void>();
  readonly unmatched: WsReply[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const r = JSON.parse(data.toString()) as WsReply;
      const resolve = r.id === null ? undefined : this.pending.get(r.id);
      if (resolve && r.id !== null) {
        this.pending.delete(r.id);
        resolve(r);
      } else this.unmatched.push(r);
    });
  }

  static open(url: string, headers: Record<string, string> = {}): Promise<RpcClient> {
    const ws = new WebSocket(url.replace(/^http/, 'ws') + '/rpc', { headers });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new RpcClient(ws)));
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
  }

  call(method: string, input?: unknown): Promise<WsReply> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.ws.send(JSON.stringify({ id, method, input }));
    });
  }

  sendRaw(text: string): void {
    this.ws.send(text);
  }

  async waitUnmatched(count: number, timeoutMs = 5000): Promise<WsReply[]> {
    const until = Date.now() + timeoutMs;
    while (this.unmatched.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    return this.unmatched.slice(0, count);
  }

  close(): void {
    this.ws.close();
  }
}
