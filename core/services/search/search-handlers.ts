import type { searchContract } from '../../contract/ocr';
import { AppError } from '../../contract/errors';
import type { Handlers } from '../../rpc/handlers';

// SKELETON (issue #15): replaced by the search service's handlers before the issue closes.
export function searchHandlers(): Handlers<typeof searchContract> {
  return {
    pages: () => {
      throw new AppError('SEARCH_NOT_READY');
    },
  };
}
