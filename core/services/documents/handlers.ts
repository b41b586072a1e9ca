import type { uploadsContract } from '../../contract/uploads';
import type { Handlers } from '../../rpc/handlers';
import type { UploadStaging } from './upload-staging';

export function uploadsHandlers(staging: UploadStaging): Handlers<typeof uploadsContract> {
  return {
    begin: (input, ctx) => staging.begin(ctx.actor, input),
    chunk: (input, ctx) => staging.chunk(ctx.actor, input),
    finish: (input, ctx) => staging.finish(ctx.actor, input.uploadId),
    abort: (input, ctx) => staging.abort(ctx.actor, input.uploadId),
  };
}
