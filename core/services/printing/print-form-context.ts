/**
 * A dossier's form context for printing, with the same checks as forms.render (the form fits the dossier's state;
 * the fee receipt shows the latest collection). TODO(forms prepare step): once FormsService has its prepare step,
 * this calls it instead of repeating these rules.
 */
import type { DossierView } from '../../contract/dossiers';
import { AppError } from '../../contract/errors';
import type { FormContext } from '../../domain/forms/types';
import type { Db } from '../../store/database';
import type { Actor } from '../actor';
import type { DossierService } from '../dossiers/dossier-service';
import { printedReceipt } from '../forms/fee-receipt-series';
import type { FormsService } from '../forms/forms-service';

type FormName = 'receipt' | 'supplement' | 'refusal' | 'apology' | 'bien-lai';

const NEEDS: Partial<Record<FormName, DossierView['state'][]>> = {
  receipt: ['received', 'sent_to_agency', 'result_ready', 'result_returned'],
  supplement: ['supplement_requested'],
  refusal: ['refused'],
};

export function formContext(d: { db: Db; forms: FormsService; dossiers: DossierService }, actor: Actor, v: DossierView, form: FormName): FormContext {
  const allowed = NEEDS[form];
  if (allowed && !allowed.includes(v.state)) throw new AppError('FORMS_NOT_FOR_STATE', { form, state: v.state });
  const ctx = d.forms.context(v, actor, form);
  if (form === 'apology' && !ctx.apology) throw new AppError('FORMS_NOT_FOR_STATE', { form, state: v.state });
  if (form === 'bien-lai') {
    const last = v.fees.receipts.at(-1);
    if (!last) throw new AppError('FORMS_NO_FEE_RECEIPT', { code: v.code ?? v.id });
    const printed = printedReceipt(d.db, last.number);
    ctx.fees = {
      ...ctx.fees,
      paid: v.fees.paid - last.amount,
      due: last.amount,
      receiptNumber: printed.number,
      ...(printed.formNumber ? { receiptFormNumber: printed.formNumber } : {}),
      ...(printed.series ? { receiptSeries: printed.series } : {}),
    };
  }
  return ctx;
}
