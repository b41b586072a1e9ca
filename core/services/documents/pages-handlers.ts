import type { pagesContract } from '../../contract/scans';
import type { Handlers } from '../../rpc/handlers';
import type { PageStore } from './page-store';

export function pagesHandlers(store: PageStore): Handlers<typeof pagesContract> {
  return {
    list: (input, ctx) => store.listFor(ctx.actor, input),
    image: (input, ctx) => store.image(ctx.actor, input),
    move: (input, ctx) => store.move(ctx.actor, input),
    rotate: (input, ctx) => store.rotate(ctx.actor, input),
    remove: (input, ctx) => store.remove(ctx.actor, input),
    keepBlank: (input, ctx) => store.keepBlank(ctx.actor, input),
  };
}
