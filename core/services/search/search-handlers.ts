import type { searchContract } from '../../contract/ocr';
import type { Handlers } from '../../rpc/handlers';
import type { SearchService } from './search-service';

export function searchHandlers(search: SearchService): Handlers<typeof searchContract> {
  return {
    pages: (input) => search.pages(input),
  };
}
