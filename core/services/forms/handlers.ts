import type { formsContract } from '../../contract/forms';
import type { Handlers } from '../../rpc/handlers';
import type { FormsService } from './forms-service';

export function formsHandlers(forms: FormsService): Handlers<typeof formsContract> {
  return {
    render: (input, ctx) => forms.render(ctx.actor, input, input.form, input.layout),
    handover: (input, ctx) => forms.handover(ctx.actor, input.ids, input.from, input.to, input.layout),
  };
}
