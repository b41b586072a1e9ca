/**
 * Issuing a ticket from the kiosk. The request id makes the call safe to send twice: a connection that drops after
 * the core issued the ticket gets that same ticket back when the kiosk sends the call again, never a second number.
 */
import type { MethodInput, MethodOutput } from '../../../../core/contract/index';
import { api } from '../../bridge';
import { isNetworkError, newRequestId } from '../../bridge/request-id';

export type IssuedTicket = MethodOutput<'queue.issue'>;
export type IssueInput = Omit<MethodInput<'queue.issue'>, 'requestId' | 'print'>;

/** A lost answer is sent again at most this often, with the same request id. */
const RESENDS = 2;

export async function issueTicket(input: IssueInput): Promise<IssuedTicket> {
  const requestId = newRequestId();
  for (let attempt = 0; ; attempt++) {
    try {
      return await api.call('queue.issue', { ...input, print: true, requestId });
    } catch (e) {
      if (!isNetworkError(e) || attempt >= RESENDS) throw e;
    }
  }
}
