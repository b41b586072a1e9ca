import type { documentsContract } from '../../contract/documents';
import type { Handlers } from '../../rpc/handlers';
import type { DocumentReader } from './document-reader';

export function documentsHandlers(reader: DocumentReader): Handlers<typeof documentsContract> {
  return {
    read: (input, ctx) => reader.read(ctx.actor, input),
  };
}
