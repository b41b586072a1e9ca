/**
 * A stand-in for the browser's WebSocket under the renderer's WebBridge (unit tests): records what the bridge sends;
 * the test opens it, answers requests, pushes events and drops the connection.
 */
export const SOCKET_OPEN = 1;

export type WireReply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

export class FakeSocket {
  readyState = 0;
  sent: Array<{ id: number; method: string; input: unknown }> = [];
  onopen: (() => void) | null = null;
  onmessage: ((ev: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  send(text: string): void {
    this.sent.push(JSON.parse(text) as { id: number; method: string; input: unknown });
  }
  open(): void {
    this.readyState = SOCKET_OPEN;
    this.onopen?.();
  }
  /** Any message from the core (a reply with its id, or an event). */
  push(msg: unknown): void {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
  /** Answers the first request of this method. */
  reply(method: string, r: WireReply): void {
    const m = this.sent.find((x) => x.method === method)!;
    this.push({ id: m.id, ...r });
  }
  /** Answers every request not yet answered with ok. */
  answerAll(value: unknown = { subscribed: [] }): void {
    for (const m of this.sent.splice(0)) this.push({ id: m.id, ok: true, value });
  }
  drop(): void {
    this.readyState = 3;
    this.onclose?.();
  }
}
