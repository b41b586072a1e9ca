/**
 * A dossier's form on the roll: FormsService.prepare gives the checked form context without making a PDF (what the
 * print queue needs), render() still makes the same PDF from it, and the thermal raster reads back to the dossier.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { printerProfileSchema } from '../../../core/contract/printing';
import type { AppError } from '../../../core/contract/errors';
import { MM } from '../../../core/domain/forms/layout';
import { prepareForm } from '../../../core/domain/forms/prepare';
import { ManualClock } from '../../../core/platform/clock';
import type { Actor } from '../../../core/services/actor';
import { renderFormPdf, renderFormThermal } from '../../../core/services/printing/render/index';
import { call, startCore, withAdmin, type TestCore } from '../../helpers/core';
import { NGUYEN_THI_HUYNH, personInput } from '../../helpers/people';
import { requireTools } from '../../helpers/tools';
import { ocrRows } from './render-tools';

const tools = requireTools('tesseract');
const WARD = '000.27.10.H12';
const MARITAL = '1.004873';
const resourcesDir = path.resolve(import.meta.dirname, '../../../resources');
const system: Actor = { kind: 'system', name: 'test', role: 'admin' };

let t: TestCore;
let dir = '';
beforeEach(async () => {
  t = await startCore({ clock: new ManualClock(new Date('2026-11-24T02:30:00Z')) });
  dir = await mkdtemp(path.join(os.tmpdir(), 'motcua-render-dossier-'));
});
afterEach(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a dossier form for the printer', () => {
  it('prepare gives the checked context, ids and file name; render makes the same PDF from it', async () => {
    const admin = await withAdmin(t.core);
    const v = await call(t.core, admin, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(NGUYEN_THI_HUYNH) });
    const forms = t.core.services.forms;
    const prepared = forms.prepare(system, { code: v.code! }, 'receipt');
    expect(prepared).toMatchObject({ dossierId: v.id, dossierCode: v.code, fileName: `receipt-${v.code}.pdf` });
    expect(prepared.ctx.dossier.code).toBe(v.code);
    expect(prepared.ctx.applicant.fullName).toBe('Huỳnh Thị Ngọc Ánh');
    const rendered = await forms.render(system, { id: v.id }, 'receipt', '80mm');
    expect(rendered.fileName).toBe(prepared.fileName);
    const again = await renderFormPdf('receipt', prepared.ctx, '80mm', { resourcesDir });
    expect(Buffer.from(again).equals(Buffer.from(rendered.contentBase64, 'base64'))).toBe(true);
  });

  it('prepare refuses what render refuses: a form the state does not allow, an unknown dossier', async () => {
    const admin = await withAdmin(t.core);
    const v = await call(t.core, admin, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(NGUYEN_THI_HUYNH) });
    const forms = t.core.services.forms;
    expect(() => forms.prepare(system, { id: v.id }, 'refusal')).toThrow(expect.objectContaining({ code: 'FORMS_NOT_FOR_STATE' }) as AppError);
    expect(() => forms.prepare(system, { code: 'KHONG-CO-HO-SO' }, 'receipt')).toThrow(expect.objectContaining({ code: 'DOSSIER_NOT_FOUND' }) as AppError);
  });

  it.skipIf(tools.skip)('the receipt of a received dossier on the 58 mm roll reads back to its code and applicant', async () => {
    const admin = await withAdmin(t.core);
    const v = await call(t.core, admin, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(NGUYEN_THI_HUYNH) });
    const { ctx } = t.core.services.forms.prepare(system, { id: v.id }, 'receipt');
    const r = await renderFormThermal('receipt', ctx, printerProfileSchema.parse({ paperWidthMm: 58 }), { resourcesDir });
    expect(r.preview.width).toBe(384);
    // Only the rows from the code's line to the applicant's (where the layout put them, at 384 dots per 48 mm).
    const { laidOut } = await prepareForm('receipt', ctx, { layout: '58mm', resourcesDir });
    const row = (needle: string): number => {
      const op = laidOut.pages[0]!.ops.find((o) => o.kind === 'text' && o.text.includes(needle));
      return Math.round((op?.kind === 'text' ? op.y : Number.NaN) * (384 / (48 * MM)));
    };
    // Bold runs are their own ops and may wrap: the label of the code line, the first word of the name (+ a line).
    const [from, to] = [row('Mã hồ sơ') - 30, row('Huỳnh') + 40];
    expect(to - from).toBeGreaterThan(0);
    expect(to - from).toBeLessThan(450);
    const text = await ocrRows(dir, 'dossier-58', r.preview, from, to);
    expect(text.replace(/\s/g, '')).toContain(v.code!);
    expect(text).toContain('Huỳnh Thị Ngọc Ánh');
  });
});
