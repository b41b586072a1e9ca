/**
 * What "Print the slips" does for a dossier just decided at reception: which forms (the decision's slip, and the
 * fee receipt when one was issued) and, per form, whether to print it, reprint it (it printed before: the paper
 * says so) or leave it (a job for it is still waiting in the queue, which will print it or ask).
 */
import type { DossierView } from '../../../../core/contract/dossiers';
import type { FORM_NAMES } from '../../../../core/contract/forms';
import type { PrintJob } from '../../../../core/contract/printing';

export type FormName = (typeof FORM_NAMES)[number];

const FORM_OF_STATE: Partial<Record<DossierView['state'], FormName>> = {
  received: 'receipt',
  supplement_requested: 'supplement',
  refused: 'refusal',
};

export function slipForms(d: Pick<DossierView, 'state' | 'fees'>): FormName[] {
  const form = FORM_OF_STATE[d.state];
  return [...(form ? [form] : []), ...(d.fees.receipts.length > 0 ? ['bien-lai' as const] : [])];
}

/** A job that is still the queue's business: waiting, being sent, or waiting for the clerk's answer. */
export function isWaiting(job: Pick<PrintJob, 'state'>): boolean {
  return job.state === 'queued' || job.state === 'sending' || job.state === 'uncertain';
}

export type SlipStep = { form: FormName; action: 'print' } | { form: FormName; action: 'reprint'; jobId: string } | { form: FormName; action: 'wait'; jobId: string };

/** `jobs` newest first, as printing.jobs answers. */
export function planSlips(forms: readonly FormName[], jobs: readonly PrintJob[]): SlipStep[] {
  return forms.map((form) => {
    const mine = jobs.filter((j) => j.form === form && j.kind === 'form');
    const waiting = mine.find(isWaiting);
    if (waiting) return { form, action: 'wait', jobId: waiting.id };
    const printed = mine.find((j) => j.state === 'printed');
    if (printed) return { form, action: 'reprint', jobId: printed.id };
    return { form, action: 'print' };
  });
}
