/**
 * Item 15 of hardening #13: the line above the issuing body on a form is the agency's own (catalogue
 * `parentName`), not one setting per counter; the old setting moves to the agencies (migration 007); and the fee
 * receipt carries the form number, series and number the agency registered (Settings), read back with pdftotext.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../core/platform/clock';
import { migrate } from '../../../core/store/migrate';
import type { Connection } from '../../../core/rpc/connection';
import { call, startCore, withAdmin, type TestCore } from '../../helpers/core';
import { NGUYEN_THI_HUYNH, TRAN_VAN_DUC, personInput } from '../../helpers/people';
import { tempDir } from '../../helpers/temp';
import { missingTools, pdfText } from './tools';

const WARD = '000.27.10.H12';
const WARD_POLICE = 'G01.27.10.H12';
const missing = missingTools();

let t: TestCore;
let admin: Connection;
let dir: ReturnType<typeof tempDir>;
beforeAll(async () => {
  t = await startCore({ clock: new ManualClock(new Date('2026-11-24T02:30:00Z')) });
  admin = await withAdmin(t.core);
  dir = tempDir();
});
afterAll(async () => {
  await t.close();
  dir.cleanup();
});

async function printed(id: string, form: 'receipt' | 'bien-lai'): Promise<string> {
  const pdf = await call(t.core, admin, 'forms.render', { id, form, layout: 'a4' });
  const file = path.join(dir.dir, `${form}-${id}.pdf`);
  writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'));
  return pdfText(file);
}

describe.skipIf(missing.length > 0)('the upper line of a form header is the agency’s own', () => {
  it('prints the city police above a ward police, and the city above the ward people’s committee', async () => {
    const police = await call(t.core, admin, 'dossiers.receive', { agencyCode: WARD_POLICE, procedureCode: '1.004222', applicant: personInput(NGUYEN_THI_HUYNH) });
    const text = await printed(police.id, 'receipt');
    expect(text).toContain('CÔNG AN THÀNH PHỐ HÀ NỘI CÔNG AN PHƯỜNG Ô CHỢ DỪA');
    expect(text).not.toContain('UBND');
    const ward = await call(t.core, admin, 'dossiers.receive', { agencyCode: WARD, procedureCode: '1.004873', applicant: personInput(TRAN_VAN_DUC) });
    expect(await printed(ward.id, 'receipt')).toContain('UBND THÀNH PHỐ HÀ NỘI ỦY BAN NHÂN DÂN PHƯỜNG Ô CHỢ DỪA');
  });

  it('no longer takes the per-counter setting', async () => {
    const r = await t.core.dispatch(admin, 'settings.set', { key: 'forms.parentAgencyName', value: 'UBND QUẬN ĐỐNG ĐA' });
    expect(r).toMatchObject({ ok: false, error: { code: 'SETTINGS_UNKNOWN_KEY' } });
  });
});

describe.skipIf(missing.length > 0)('fee receipt series registered by the agency', () => {
  it('prints form number, series and a seven-digit number counted per series, as issued', async () => {
    await call(t.core, admin, 'settings.set', {
      key: 'forms.feeReceiptSeries',
      value: { [WARD_POLICE]: { formNumber: '01BLP0-001', series: 'AA-25P' } },
    });
    const d = await call(t.core, admin, 'dossiers.receive', { agencyCode: WARD_POLICE, procedureCode: '1.004222', applicant: personInput(TRAN_VAN_DUC) });
    await call(t.core, admin, 'dossiers.collectFee', { id: d.id, amount: 5000, confirmed: true });
    const after = await call(t.core, admin, 'dossiers.collectFee', { id: d.id, amount: 10000, confirmed: true });
    expect(after.fees.receipts.map((r) => r.number)).toEqual(['AA-25P-0000001', 'AA-25P-0000002']);
    const text = await printed(d.id, 'bien-lai');
    expect(text).toContain('Mẫu số: 01BLP0-001 — Ký hiệu: AA-25P');
    expect(text).toContain('Số: 0000002');

    // A later change of series does not change a receipt already issued.
    await call(t.core, admin, 'settings.set', { key: 'forms.feeReceiptSeries', value: { [WARD_POLICE]: { formNumber: '01BLP0-001', series: 'AB-26P' } } });
    expect(await printed(d.id, 'bien-lai')).toContain('Ký hiệu: AA-25P');

    // An agency without a registered series keeps the counter's own numbering, with no series line.
    const ward = await call(t.core, admin, 'dossiers.receive', { agencyCode: WARD, procedureCode: '1.001695', applicant: personInput(NGUYEN_THI_HUYNH) });
    const paid = await call(t.core, admin, 'dossiers.collectFee', { id: ward.id, amount: 15000, confirmed: true });
    expect(paid.fees.receipts[0]!.number).toMatch(/^BL-[A-Z0-9]+-\d{4}-\d{6}$/);
    const plain = await printed(ward.id, 'bien-lai');
    expect(plain).not.toContain('Mẫu số');
    expect(plain).toContain(`Số: ${paid.fees.receipts[0]!.number}`);
  });

  it.each([
    [{ [WARD]: { formNumber: '01BLP0 001', series: 'AA-25P' } }, 'formNumber'],
    [{ [WARD]: { formNumber: '01BLP0-001', series: '' } }, 'series'],
    [{ [WARD]: { formNumber: '01BLP0-001', series: 'aa-25p', extra: 1 } }, 'value'],
    [{ 'bad agency': { formNumber: '01BLP0-001', series: 'AA-25P' } }, 'agency'],
    [['AA-25P'], 'value'],
  ])('refuses %j with a clear message', async (value, field) => {
    const r = await t.core.dispatch(admin, 'settings.set', { key: 'forms.feeReceiptSeries', value });
    expect(r).toMatchObject({ ok: false, error: { code: 'SETTINGS_BAD_FEE_RECEIPT_SERIES', field: 'value', params: { field } } });
    expect(r.ok ? '' : r.error.message).toMatch(/mẫu số và ký hiệu/);
  });
});

describe('migration 007', () => {
  it('moves the per-counter upper line to agencies and dossier snapshots lacking one, then drops the setting', () => {
    const file = path.join(dir.dir, 'm007.sqlite');
    const db = new Database(file);
    migrate(db, 6);
    const now = '2026-01-01T00:00:00Z';
    db.prepare("INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('forms.parentAgencyName', ?, ?, 'test')").run(JSON.stringify('UBND QUẬN ĐỐNG ĐA'), now);
    const agency = (code: string, extra: object) =>
      db.prepare('INSERT INTO agencies (code, name, data, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)').run(code, code, JSON.stringify({ code, name: code, ...extra }), now, 'test');
    agency('A1', {});
    agency('A2', { parentName: 'CÔNG AN THÀNH PHỐ HÀ NỘI' });
    migrate(db, 7);
    const parents = db.prepare("SELECT code, json_extract(data, '$.parentName') AS p FROM agencies ORDER BY code").all();
    expect(parents).toEqual([{ code: 'A1', p: 'UBND QUẬN ĐỐNG ĐA' }, { code: 'A2', p: 'CÔNG AN THÀNH PHỐ HÀ NỘI' }]);
    expect(db.prepare("SELECT COUNT(*) AS n FROM settings WHERE key = 'forms.parentAgencyName'").get()).toEqual({ n: 0 });
    db.close();
  });
});
