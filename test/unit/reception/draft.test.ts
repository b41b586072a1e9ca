import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dossiersContract } from '../../../core/contract/dossiers';
import { ProcedureSchema } from '../../../core/domain/catalogue/schema';
import {
  applyQr,
  buildIntake,
  checkAll,
  checkStep,
  emptyDraft,
  extraRow,
  localField,
  missingRequired,
  prepareForProcedure,
  receiveInput,
  stepOfField,
  type Draft,
  type ParsedQr,
  type Procedure,
} from '../../../renderer/src/screens/reception/draft';

const sample = JSON.parse(readFileSync(new URL('../../../resources/catalogue/sample.json', import.meta.url), 'utf8')) as {
  procedures: { code: string; agencyCode: string }[];
};
function procedure(code: string): Procedure {
  const raw = sample.procedures.find((p) => p.code === code);
  if (!raw) throw new Error(`no sample procedure ${code}`);
  return ProcedureSchema.parse(raw);
}
const BUILDING = procedure('1.009994'); // 75 000 đ, TP1–TP3 required, TP4 optional
const MARRIAGE = procedure('1.000894'); // free, counter only

const QR: ParsedQr = {
  idNumber: '001185012345',
  oldIdNumber: '012345678',
  fullName: 'Huỳnh Thị Ngọc Ánh',
  dateOfBirth: '1985-03-15',
  gender: 'female',
  address: 'Số 12 ngõ 34 phố Đặng Tiến Đông, Phường Đống Đa, Thành phố Hà Nội',
  issueDate: '2021-08-10',
  warnings: [],
  known: null,
};

const QR_TEXT = '001185012345|012345678|Huỳnh Thị Ngọc Ánh|15031985|Nữ|Số 12 ngõ 34 phố Đặng Tiến Đông, Phường Đống Đa, Thành phố Hà Nội|10082021';

function filled(p: Procedure = BUILDING): Draft {
  const d = prepareForProcedure(applyQr(emptyDraft(), QR, QR_TEXT), p);
  return { ...d, checklist: d.checklist.map((r) => (r.required ? { ...r, received: true } : r)) };
}

describe('the applicant from a scan', () => {
  it('fills every card field, dates shown as dd/mm/yyyy', () => {
    const d = applyQr(emptyDraft(), QR, QR_TEXT);
    expect(d.applicant).toEqual({
      kind: 'citizen',
      idNumber: '001185012345',
      oldIdNumber: '012345678',
      fullName: 'Huỳnh Thị Ngọc Ánh',
      dateOfBirth: '15/03/1985',
      gender: 'female',
      address: QR.address,
      issueDate: '10/08/2021',
      phone: '',
      email: '',
    });
    expect(d.scan).toEqual({ idNumber: '001185012345', warnings: [], returning: false, text: QR_TEXT });
  });

  it('sends the card text beside the confirmed applicant only while it is still that card', () => {
    const d = filled();
    expect(buildIntake(d).input.applicantQr).toBe(QR_TEXT);
    const edited = { ...d, applicant: { ...d.applicant, idNumber: '079090001122' } };
    expect(buildIntake(edited).input.applicantQr).toBeUndefined();
  });

  it('takes phone and email of a returning applicant, keeps what was typed for the same person, drops another person\'s', () => {
    const known = { ...QR, known: { id: 'a1', kind: 'citizen' as const, idNumber: QR.idNumber, oldIdNumber: null, fullName: QR.fullName, dateOfBirth: null, gender: null, address: null, issueDate: null, phone: '0912345678', email: 'anh@vidu.vn' } };
    expect(applyQr(emptyDraft(), known, QR_TEXT).applicant).toMatchObject({ phone: '0912345678', email: 'anh@vidu.vn' });
    expect(applyQr(emptyDraft(), known, QR_TEXT).scan?.returning).toBe(true);

    const typed = applyQr(emptyDraft(), QR, QR_TEXT);
    typed.applicant.phone = '0988000111';
    expect(applyQr(typed, known, QR_TEXT).applicant.phone).toBe('0988000111');
    expect(applyQr(typed, known, QR_TEXT).applicant.email).toBe('anh@vidu.vn');

    const other = { ...QR, idNumber: '001090000001' };
    expect(applyQr(typed, other, QR_TEXT).applicant.phone).toBe('');
  });
});

describe('checking each step', () => {
  it('asks for a 12-digit CCCD and a name', () => {
    expect(checkStep('applicant', emptyDraft())).toEqual({
      'applicant.idNumber': { message: 'requiredCccd' },
      'applicant.fullName': { message: 'requiredName' },
    });
    const d = applyQr(emptyDraft(), QR, QR_TEXT);
    expect(checkStep('applicant', d)).toEqual({});
    d.applicant.idNumber = '00118501234';
    d.applicant.dateOfBirth = '31/02/1985';
    d.applicant.oldIdNumber = '1234';
    d.applicant.phone = 'abc';
    d.applicant.email = 'not-an-email';
    expect(Object.entries(checkStep('applicant', d)).map(([k, v]) => `${k}:${v.message}`)).toEqual([
      'applicant.idNumber:cccd',
      'applicant.oldIdNumber:oldId',
      'applicant.dateOfBirth:date',
      'applicant.phone:phone',
      'applicant.email:email',
    ]);
  });

  it('accepts an organisation by tax code, and checks the submitter only when one is given', () => {
    const d = emptyDraft();
    d.applicant = { ...d.applicant, kind: 'organisation', idNumber: '0101234567', fullName: 'Công ty TNHH Ánh Dương' };
    expect(checkStep('applicant', d)).toEqual({});
    d.submitterDiffers = true;
    expect(Object.keys(checkStep('applicant', d))).toEqual(['submitter.idNumber', 'submitter.fullName']);
  });

  it('needs a procedure, named extra documents and sane copies', () => {
    expect(checkStep('procedure', emptyDraft())).toEqual({ procedure: { message: 'procedure' } });
    const d = filled();
    d.checklist = [...d.checklist, extraRow('x1')];
    d.checklist[0] = { ...d.checklist[0]!, copies: '0' };
    expect(checkStep('checklist', d)).toEqual({
      [`checklist.${d.checklist[0]!.key}.copies`]: { message: 'copies' },
      'checklist.x1.name': { message: 'extraName' },
    });
  });

  it('asks the clerk to confirm money collected, but not while documents are still missing', () => {
    const d = filled();
    expect(d.feeCollected).toBe('75000');
    expect(checkStep('review', d)).toEqual({ 'fees.confirmed': { message: 'confirm' } });
    expect(checkStep('review', { ...d, feeConfirmed: true })).toEqual({});
    expect(checkStep('review', { ...d, feeCollected: '0' })).toEqual({});
    expect(checkStep('review', { ...d, feeCollected: 'abc' })).toEqual({ 'fees.collected': { message: 'collected' } });
    // Refusing or requesting a supplement collects nothing.
    expect(checkStep('review', d, 'refuse')).toEqual({});
    const incomplete = { ...d, checklist: d.checklist.map((r) => ({ ...r, received: false })) };
    expect(checkStep('review', incomplete)).toEqual({});
    expect(checkStep('review', { ...d, feeConfirmed: true, resultReturn: 'post', returnAddress: ' ' })).toEqual({
      returnAddress: { message: 'returnAddress' },
    });
  });

  it('gathers every step for a decision and knows where each field lives', () => {
    const found = checkAll(emptyDraft(), 'receive');
    expect(Object.keys(found)).toEqual(['applicant.idNumber', 'applicant.fullName', 'procedure']);
    expect(stepOfField('submitter.phone')).toBe('applicant');
    expect(stepOfField('checklist.item:TP1.mark')).toBe('checklist');
    expect(stepOfField('attachments.file-1')).toBe('documents');
    expect(stepOfField('fees.confirmed')).toBe('review');
  });
});

describe('the checklist', () => {
  it('lists required documents missing or failed', () => {
    const d = prepareForProcedure(emptyDraft(), BUILDING);
    expect(missingRequired(d.checklist).map((m) => `${m.row.itemCode}:${m.reason}`)).toEqual(['TP1:absent', 'TP2:absent', 'TP3:absent']);
    const rows = d.checklist.map((r) => (r.required ? { ...r, received: true, check: r.itemCode === 'TP2' ? (2 as const) : (1 as const) } : r));
    expect(missingRequired(rows).map((m) => `${m.row.itemCode}:${m.reason}`)).toEqual(['TP2:failed']);
  });

  it('keeps the checklist when the same procedure is chosen again, replaces it for another', () => {
    const d = filled();
    expect(prepareForProcedure(d, BUILDING).checklist).toBe(d.checklist);
    const other = prepareForProcedure({ ...d, resultReturn: 'post' }, MARRIAGE);
    expect(other.checklist.map((r) => [r.itemCode, r.received])).toEqual([
      ['TP1', false],
      ['TP2', false],
      ['TP3', false],
    ]);
    expect(other.resultReturn).toBe('counter'); // marriage results are returned at the counter only
    expect(other.feeCollected).toBe('');
  });
});

describe('the call for a decision', () => {
  it('sends received documents only, with the first accepted mark and the catalogue copies, and files of received documents only', () => {
    const d = filled();
    const extra = { ...extraRow('x1'), name: ' Giấy uỷ quyền ' };
    d.checklist = [...d.checklist, extra];
    d.attachments = [
      { key: 'f1', rowKey: d.checklist[0]!.key, itemCode: 'TP1', fileName: 'don.pdf', mediaType: 'application/pdf', bytes: 3, uploadId: 'u-don' },
      { key: 'f2', rowKey: d.checklist[3]!.key, itemCode: 'TP4', fileName: 'anh.jpg', mediaType: '', bytes: 3, uploadId: 'u-anh' },
      { key: 'f3', rowKey: 'x1', itemCode: 'KHAC', fileName: 'uq.pdf', mediaType: 'application/pdf', bytes: 3, uploadId: 'u-uq' },
    ];
    const { input, sent } = buildIntake(d);
    expect(input.checklist).toEqual([
      { itemCode: 'TP1', mark: 3, copies: 1, check: 1 },
      { itemCode: 'TP2', mark: 1, copies: 1, check: 1 },
      { itemCode: 'TP3', mark: 3, copies: 2, check: 1 }, // the catalogue asks for two copies
      { itemCode: 'KHAC', mark: 1, copies: 1, check: 1, name: 'Giấy uỷ quyền' },
    ]);
    expect(input.attachments).toEqual([{ itemCode: 'TP1', uploadId: 'u-don' }, { itemCode: 'KHAC', uploadId: 'u-uq' }]);
    expect(sent).toEqual({ rows: ['item:TP1', 'item:TP2', 'item:TP3', 'x1'], attachments: ['f1', 'f3'] });
    expect(input.applicant).toEqual({
      kind: 'citizen',
      idNumber: '001185012345',
      oldIdNumber: '012345678',
      fullName: 'Huỳnh Thị Ngọc Ánh',
      dateOfBirth: '1985-03-15',
      gender: 'female',
      address: QR.address,
      issueDate: '2021-08-10',
    });
    expect(input.submitter).toBeUndefined();
    expect(input.returnAddress).toBeUndefined();
  });

  it('builds input the contract accepts, with the fee only when money was collected', () => {
    const d = { ...filled(), feeConfirmed: true, resultReturn: 'post' as const, returnAddress: 'Số 1 phố Huế', summary: ' Xây nhà 3 tầng ' };
    const { input } = receiveInput(d);
    expect(input.fees).toEqual({ collected: 75000, confirmed: true });
    expect(input.returnAddress).toBe('Số 1 phố Huế');
    expect(input.summary).toBe('Xây nhà 3 tầng');
    expect(dossiersContract.receive.input.safeParse(input).success).toBe(true);
    expect(receiveInput({ ...d, feeCollected: '0' }).input.fees).toBeUndefined();
    expect(receiveInput(filled(MARRIAGE)).input.fees).toBeUndefined();
    const refusal = dossiersContract.refuse.input.safeParse({ ...buildIntake(d).input, reason: 'Không thuộc thẩm quyền' });
    expect(refusal.success).toBe(true);
  });

  it('maps a core error field back to the field on screen', () => {
    const sent = { rows: ['item:TP1', 'x1'], attachments: ['f1', 'f3'] };
    expect(localField('applicant.idNumber', sent)).toBe('applicant.idNumber');
    expect(localField('submitter.fullName', sent)).toBe('submitter.fullName');
    expect(localField('checklist.1.name', sent)).toBe('checklist.x1.name');
    expect(localField('checklist.0.mark', sent)).toBe('checklist.item:TP1.mark');
    expect(localField('checklist.0.itemCode', sent)).toBe('checklist.item:TP1.mark');
    expect(localField('checklist.5.mark', sent)).toBeNull();
    expect(localField('attachments.1', sent)).toBe('attachments.f3');
    expect(localField('attachments.1.itemCode', sent)).toBe('attachments.f3');
    expect(localField('procedureCode', sent)).toBe('procedure');
    expect(localField('fees.confirmed', sent)).toBe('fees.confirmed');
    expect(localField('fees', sent)).toBe('fees.collected');
    expect(localField('checklist', sent)).toBeNull();
    expect(localField(undefined, sent)).toBeNull();
  });
});
