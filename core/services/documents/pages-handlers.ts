import type { pagesContract } from '../../contract/scans';
import type { Handlers } from '../../rpc/handlers';
import type { PageEdits } from './page-edits';

export function pagesHandlers(edits: PageEdits): Handlers<typeof pagesContract> {
  return {
    list: (input, ctx) => edits.listFor(ctx.actor, input),
    image: (input, ctx) => edits.image(ctx.actor, input),
    move: (input, ctx) => edits.move(ctx.actor, input),
    rotate: (input, ctx) => edits.rotate(ctx.actor, input),
    remove: (input, ctx) => edits.remove(ctx.actor, input),
    keepBlank: (input, ctx) => edits.keepBlank(ctx.actor, input),
  };
}
