import type { applicantsContract, dossiersContract } from '../../contract/dossiers';
import type { Handlers } from '../../rpc/handlers';
import type { ApplicantRepo } from './applicant-repo';
import type { DossierService, ParsedQr } from './dossier-service';
import type { ReturnCorrection } from './return-correction';

export function dossiersHandlers(dossiers: DossierService, returnCorrection: ReturnCorrection): Handlers<typeof dossiersContract> {
  return {
    receive: (input, ctx) => dossiers.receive(ctx.actor, input),
    requestSupplement: (input, ctx) => dossiers.requestSupplement(ctx.actor, input),
    refuse: (input, ctx) => dossiers.refuse(ctx.actor, input),
    completeSupplement: (input, ctx) => dossiers.completeSupplement(ctx.actor, input),
    get: (input) => dossiers.get(input),
    lookup: (input) => dossiers.lookup(input.text),
    list: (input) => dossiers.list(input),
    transition: (input, ctx) => dossiers.transition(ctx.actor, input),
    apologise: (input, ctx) => dossiers.apologise(ctx.actor, input),
    collectFee: (input, ctx) => dossiers.collectFee(ctx.actor, input),
    returnResult: (input, ctx) => dossiers.returnResult(ctx.actor, input),
    correctReturn: (input, ctx) => returnCorrection.correct(ctx.actor, input),
  };
}

export function applicantsHandlers(applicants: ApplicantRepo, parseQr: (text: string) => ParsedQr): Handlers<typeof applicantsContract> {
  return {
    parseQr: (input) => {
      const parsed = parseQr(input.text);
      return { ...parsed, known: applicants.byIdNumber('citizen', parsed.idNumber) };
    },
    findByIdNumber: (input) => applicants.byIdNumber(input.kind, input.idNumber),
  };
}
