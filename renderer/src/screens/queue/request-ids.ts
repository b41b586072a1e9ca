/**
 * Request ids for the queue's calls. A call whose answer was lost to the network (the connection dropped, or no
 * reply in time) may have been done by the host: the same call again carries the same requestId, so the host
 * answers with the first outcome instead of calling another ticket. Any answer (a ticket, or a refusal) settles
 * the id; the next call gets a fresh one.
 */
import { isNetworkError, newRequestId } from '../../bridge/request-id';

export interface RequestIds {
  /** The id for this intent (e.g. "call next at counter 3"): the unanswered one's again, else a new one. */
  idFor(intent: string): string;
  /** The call for this intent got an answer (or failed in a way that proves it was not done). */
  settle(intent: string): void;
  /** The intent whose answer was lost, if any: a retry of it is safe. */
  unanswered(): string | null;
}

/**
 * Runs `call` with the intent's request id; after a network error the id is kept for the next try of the same
 * intent. Another intent in between drops it (the clerk chose to do something else).
 */
export function createRequestIds(): RequestIds {
  let pending: { intent: string; id: string } | null = null;
  return {
    idFor(intent) {
      if (pending?.intent !== intent) pending = { intent, id: newRequestId() };
      return pending.id;
    },
    settle(intent) {
      if (pending?.intent === intent) pending = null;
    },
    unanswered: () => pending?.intent ?? null,
  };
}

export async function withRequestId<T>(ids: RequestIds, intent: string, call: (requestId: string) => Promise<T>): Promise<T> {
  const id = ids.idFor(intent);
  try {
    const out = await call(id);
    ids.settle(intent);
    return out;
  } catch (e) {
    if (!isNetworkError(e)) ids.settle(intent);
    throw e;
  }
}
