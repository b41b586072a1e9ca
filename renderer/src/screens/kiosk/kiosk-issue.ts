/**
 * Issuing a ticket from the kiosk. The request id makes the call safe to send twice: a connection that drops after
 * the core issued the ticket gets that same ticket back when the kiosk sends the call again, never a second number.
 */
import type { MethodInput, MethodOutput } from '../../../../core/contract/index';
import { api, ApiError } from '../../bridge';

export type IssuedTicket = MethodOutput<'queue.issue'>;
export type IssueInput = Omit<MethodInput<'queue.issue'>, 'requestId' | 'print'>;

/** Codes meaning the call may not have reached the core: resent with the same request id. */
const RESEND_CODES: ReadonlySet<string> = new Set(['UI_CONNECTION_LOST', 'UI_CONNECTION_TIMEOUT']);
const RESENDS = 2;

/** A version-4 UUID. crypto.randomUUID exists only in secure contexts, and a LAN kiosk is often plain http. */
export function newRequestId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export async function issueTicket(input: IssueInput): Promise<IssuedTicket> {
  const requestId = newRequestId();
  for (let attempt = 0; ; attempt++) {
    try {
      return await api.call('queue.issue', { ...input, print: true, requestId });
    } catch (e) {
      if (!(e instanceof ApiError) || !RESEND_CODES.has(e.code) || attempt >= RESENDS) throw e;
    }
  }
}
