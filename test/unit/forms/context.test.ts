import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/contract/errors';
import { computedValues, lookupTarget, parseFormContext } from '../../../core/domain/forms/context';
import { APPLICANT_NAME, DOSSIER_CODE, sampleContext } from '../../integration/forms/fixtures';

function contextError(input: unknown): AppError {
  try {
    parseFormContext(input);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('accepted');
}

describe('form context', () => {
  it('accepts the sample and normalises strings to NFC', () => {
    const ctx = sampleContext({ applicant: { ...sampleContext().applicant, fullName: APPLICANT_NAME.normalize('NFD') } });
    const parsed = parseFormContext(ctx);
    expect(parsed.applicant.fullName).toBe(APPLICANT_NAME.normalize('NFC'));
    expect(parsed.applicant.fullName).not.toBe(ctx.applicant.fullName);
  });

  it('rejects bad data with the field path', () => {
    const ctx = sampleContext();
    const due = contextError({ ...ctx, dossier: { ...ctx.dossier, dueAt: '2026-03-10 16:30' } });
    expect(due.code).toBe('FORMS_CONTEXT_INVALID');
    expect(due.field).toBe('dossier.dueAt');
    expect(contextError({ ...ctx, fees: { ...ctx.fees, fee: 10.5 } }).field).toBe('fees.fee');
    expect(contextError({ ...ctx, checklist: [{ ...ctx.checklist[0], mark: 7 }] }).field).toBe('checklist.0.mark');
    expect(contextError({ ...ctx, lookupUrl: 'javascript:alert(1)' }).field).toBe('lookupUrl');
    expect(contextError({ ...ctx, dossier: { ...ctx.dossier, id: 'not-a-uuid' } }).field).toBe('dossier.id');
  });

  it('accepts a dossier without due date', () => {
    const ctx = sampleContext();
    expect(parseFormContext({ ...ctx, dossier: { ...ctx.dossier, dueAt: null } }).dossier.dueAt).toBeNull();
  });

  it('builds the QR target from the lookup page, keeping its own query', () => {
    expect(lookupTarget(sampleContext({ lookupUrl: 'https://dvc.example.vn/tra-cuu' }))).toBe(
      `https://dvc.example.vn/tra-cuu?code=${DOSSIER_CODE}`,
    );
    expect(lookupTarget(sampleContext({ lookupUrl: 'https://dvc.example.vn/?lang=vi' }))).toBe(
      `https://dvc.example.vn/?lang=vi&code=${DOSSIER_CODE}`,
    );
    const { lookupUrl: _u, ...noUrl } = sampleContext();
    expect(lookupTarget(noUrl)).toBe(DOSSIER_CODE);
  });

  it('computes the submitter name and fee total', () => {
    const ctx = sampleContext();
    expect(computedValues(ctx)).toMatchObject({ submitterName: ctx.submitter!.fullName, feeTotal: 125_000 });
    const { submitter: _s, ...alone } = ctx;
    expect(computedValues(alone).submitterName).toBe(APPLICANT_NAME);
  });
});
