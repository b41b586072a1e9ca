import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../core/platform/clock';
import type { Connection } from '../../../core/rpc/connection';
import { call, conn, startCore, withAdmin, type TestCore } from '../../helpers/core';
import { PDF_TOOLS, pdfText } from '../../helpers/pdf-tools';
import { NGUYEN_THI_HUYNH, TRAN_VAN_DUC, personInput, qrOf } from '../../helpers/people';
import { SAMPLE_FILES, uploadId } from '../../helpers/uploads';

const WARD = '000.27.10.H12';
const MARITAL = '1.004873';
let t: TestCore;
let clock: ManualClock;
let admin: Connection;
beforeEach(async () => {
  clock = new ManualClock(new Date('2026-11-24T02:30:00Z')); // Tue 09:30 in Vietnam
  t = await startCore({ clock });
  admin = await withAdmin(t.core);
});
afterEach(() => t.close());

const base = () => ({ agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(NGUYEN_THI_HUYNH) });
const codeOf = async (input: Record<string, unknown>) => {
  const r = await t.core.dispatch(admin, 'dossiers.receive', input);
  return r.ok ? 'ok' : `${r.error.code}@${r.error.field ?? ''}`;
};
const dossierCount = () => (t.core.db.prepare('SELECT COUNT(*) AS n FROM dossiers').get() as { n: number }).n;

describe('what a counter refuses to store', () => {
  it('refuses typed names and addresses that a broken input method or scanner produced', async () => {
    const p = personInput(NGUYEN_THI_HUYNH);
    expect(await codeOf({ ...base(), applicant: { ...p, fullName: 'Hu?nh Th? Ng?c ?nh' } })).toBe('DOSSIER_TEXT_MANGLED@applicant.fullName');
    expect(await codeOf({ ...base(), applicant: { ...p, fullName: 'Nguyeenx Vawn An', address: 'Soos 12 phoos Hueef, Haf Nooij' } })).toMatch(/^DOSSIER_TEXT_MANGLED@applicant\./);
    expect(await codeOf({ ...base(), applicant: { ...p, idNumber: '099099012345' } })).toBe('DOSSIER_BAD_ID_PROVINCE@applicant.idNumber');
    expect(await codeOf({ ...base(), applicant: { ...p, dateOfBirth: '2099-01-01' } })).toBe('DOSSIER_BAD_PERSON_DATE@applicant.dateOfBirth');
    expect(await codeOf({ ...base(), applicant: { ...p, dateOfBirth: '2001-02-31' } })).toBe('DOSSIER_BAD_PERSON_DATE@applicant.dateOfBirth');
    expect(await codeOf({ ...base(), submitter: { ...personInput(TRAN_VAN_DUC), fullName: 'Tr?n V?n ??c' } })).toBe('DOSSIER_TEXT_MANGLED@submitter.fullName');
    expect(dossierCount()).toBe(0);
  });

  it('accepts a completed card only when number, name and birth date are the card\'s', async () => {
    const p = personInput(NGUYEN_THI_HUYNH);
    expect(await codeOf({ ...base(), applicantQr: qrOf(NGUYEN_THI_HUYNH), applicant: { ...p, fullName: 'Somebody Else' } })).toBe('DOSSIER_QR_MISMATCH@applicant.idNumber');
    expect(await codeOf({ ...base(), applicantQr: qrOf(NGUYEN_THI_HUYNH), applicant: { ...p, dateOfBirth: '1985-03-16' } })).toBe('DOSSIER_QR_MISMATCH@applicant.idNumber');
    expect(await codeOf({ ...base(), applicantQr: qrOf(NGUYEN_THI_HUYNH), applicant: { ...p, address: 'Số 5 phố Huế, Phường Hai Bà Trưng, Thành phố Hà Nội' } })).toBe('ok');
  });

  it('checks attachments against the checklist item\'s file types and refuses damaged content', async () => {
    const procedure = await call(t.core, admin, 'catalogue.get', { agencyCode: WARD, code: '1.001193' });
    const typed = procedure.checklist.find((i) => i.fileTypes?.length)!;
    const input = { agencyCode: WARD, procedureCode: '1.001193', applicant: personInput(NGUYEN_THI_HUYNH) };
    const file = async (fileName: string, data: Buffer = SAMPLE_FILES.pdf) => ({ itemCode: typed.code, uploadId: await uploadId(t.core, admin, fileName, data) });
    expect(await codeOf({ ...input, attachments: [await file('ghi-chu.txt', Buffer.from('ghi chu'))] })).toBe('DOSSIER_FILE_TYPE_NOT_ALLOWED@attachments.0');
    expect(await codeOf({ ...input, attachments: [await file('giay-chung-sinh.PDF')] })).toBe('ok');
  });

  it('needs an address to return by post, only where the procedure offers it, and never collects more than is due', async () => {
    expect(await codeOf({ ...base(), resultReturn: 'post' })).toBe('DOSSIER_RETURN_ADDRESS_REQUIRED@returnAddress');
    const marriage = await call(t.core, admin, 'catalogue.get', { agencyCode: WARD, code: '1.000894' });
    expect(marriage.resultReturn).toEqual(['counter']);
    expect(await codeOf({ agencyCode: WARD, procedureCode: '1.000894', applicant: personInput(TRAN_VAN_DUC), resultReturn: 'post', returnAddress: 'Số 1 phố Huế, Hà Nội' })).toBe('DOSSIER_RETURN_NOT_OFFERED@resultReturn');
    expect(await codeOf({ ...base(), fees: { collected: 50_000, confirmed: true } })).toBe('DOSSIER_FEE_TOO_MUCH@fees.collected');
    const v = await call(t.core, admin, 'dossiers.receive', { agencyCode: '000.00.12.H12', procedureCode: '2.000488', applicant: personInput(TRAN_VAN_DUC) });
    const over = await t.core.dispatch(admin, 'dossiers.collectFee', { id: v.id, amount: v.fees.due + 1, confirmed: true });
    expect(over.ok ? 'ok' : over.error.code).toBe('DOSSIER_FEE_TOO_MUCH');
  });
});

describe('what a dossier keeps', () => {
  it('keeps the applicant and agency as they were: a later visit or catalogue import does not rewrite old forms', async ({ skip }) => {
    const first = await call(t.core, admin, 'dossiers.receive', base());
    const moved = { ...personInput(NGUYEN_THI_HUYNH), address: 'Số 5 phố Huế, Phường Hai Bà Trưng, Thành phố Hà Nội' };
    await call(t.core, admin, 'dossiers.receive', { ...base(), applicant: moved });
    expect((await call(t.core, admin, 'dossiers.get', { id: first.id })).applicant.address).toBe(NGUYEN_THI_HUYNH.address);
    expect((await call(t.core, admin, 'applicants.findByIdNumber', { idNumber: NGUYEN_THI_HUYNH.idNumber }))?.address).toBe(moved.address);

    const exported = await call(t.core, admin, 'catalogue.export', { format: 'json' });
    const cat = JSON.parse(Buffer.from(exported.contentBase64, 'base64').toString('utf8')) as { agencies: { code: string }[]; procedures: { agencyCode: string }[] };
    const other = { ...cat, agencies: cat.agencies.filter((a) => a.code !== WARD), procedures: cat.procedures.filter((p) => p.agencyCode !== WARD) };
    await call(t.core, admin, 'catalogue.import', { uploadId: await uploadId(t.core, admin, 'danh-muc.json', Buffer.from(JSON.stringify(other)), 'catalogue'), mode: 'replace' });
    const pdf = await call(t.core, admin, 'forms.render', { id: first.id, form: 'receipt', layout: 'a4' });
    const file = path.join(t.dir, 'old-receipt.pdf');
    writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'));
    skip(PDF_TOOLS.skip, PDF_TOOLS.reason); // the rest reads the PDF back
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('Số 12 ngõ 34 phố Đặng Tiến Đông');
    expect(text).toContain(first.code!);
  });

  it('names the clerk who received the dossier on its receipt, whoever prints it', async ({ skip }) => {
    await call(t.core, admin, 'users.create', { username: 'mai', displayName: 'Lê Thị Mai', role: 'clerk', password: 'dung-mat-khau' });
    const clerk = conn(t.core);
    await call(t.core, clerk, 'auth.login', { username: 'mai', password: 'dung-mat-khau' });
    const v = await call(t.core, clerk, 'dossiers.receive', base());
    const pdf = await call(t.core, admin, 'forms.render', { id: v.id, form: 'receipt', layout: 'a4' });
    const file = path.join(t.dir, 'receipt.pdf');
    writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'));
    skip(PDF_TOOLS.skip, PDF_TOOLS.reason); // the rest reads the PDF back
    const text = pdfText(file);
    expect(text).toContain('Lê Thị Mai');
    expect(text).not.toContain('Quản trị viên');
  });

  it('moves an appointment only to a later working time, and the apology slip shows the old one', async ({ skip }) => {
    const v = await call(t.core, admin, 'dossiers.receive', base());
    expect(v.due).toBe('2026-11-27T09:30');
    const sunday = await t.core.dispatch(admin, 'dossiers.apologise', { id: v.id, reason: 'Cần xác minh thêm', newDue: '2026-11-29T22:00' });
    expect(sunday.ok ? 'ok' : sunday.error.code).toBe('DOSSIER_NEW_DUE_NOT_WORKING_TIME');
    await call(t.core, admin, 'dossiers.apologise', { id: v.id, reason: 'Cần xác minh thêm với cơ quan khác', newDue: '2026-12-02T15:00' });
    const pdf = await call(t.core, admin, 'forms.render', { id: v.id, form: 'apology', layout: 'a4' });
    const file = path.join(t.dir, 'apology.pdf');
    writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'));
    skip(PDF_TOOLS.skip, PDF_TOOLS.reason); // the rest reads the PDF back
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('27/11/2026 09:30');
    expect(text).toContain('02/12/2026 15:00');
  });
});
