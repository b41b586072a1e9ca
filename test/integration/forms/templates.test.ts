/** Template files on disk: the built-in set, agency overrides, and the errors a clerk would see. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/contract/errors';
import { renderForm } from '../../../core/domain/forms/render';
import { defaultResourcesDir, loadTemplate } from '../../../core/domain/forms/resources';
import { BUILT_IN_FORMS } from '../../../core/domain/forms/types';
import { sampleContext } from './fixtures';
import { missingTools, pdfText, writePdf } from './tools';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'motcua-templates-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function appError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('form templates on disk', () => {
  it('every built-in form has a valid template', async () => {
    for (const form of BUILT_IN_FORMS) {
      const t = await loadTemplate(form);
      expect(t.blocks.length).toBeGreaterThan(0);
      // Each form prints a QR code so the paper leads back to the dossier.
      expect(t.blocks.some((b) => b.type === 'qr')).toBe(true);
    }
  });

  it('an agency override wins over the built-in template of the same name', async () => {
    const overrides = path.join(dir, 'agency');
    await mkdir(overrides, { recursive: true });
    const builtIn = JSON.parse(await readFile(path.join(defaultResourcesDir(), 'templates', 'refusal.json'), 'utf8'));
    builtIn.blocks.find((b: { type: string }) => b.type === 'title').text = 'THÔNG BÁO TỪ CHỐI (MẪU RIÊNG CỦA XÃ)';
    await writeFile(path.join(overrides, 'refusal.json'), JSON.stringify(builtIn));

    const t = await loadTemplate('refusal', { templatesDir: overrides });
    expect(t.blocks.find((b) => b.type === 'title')).toMatchObject({ text: 'THÔNG BÁO TỪ CHỐI (MẪU RIÊNG CỦA XÃ)' });
    // Forms the agency did not override still come from the built-in set.
    expect((await loadTemplate('receipt', { templatesDir: overrides })).title).toContain('Giấy tiếp nhận');

    if (missingTools().length === 0) {
      const bytes = await renderForm('refusal', sampleContext(), { layout: 'a4', templatesDir: overrides });
      expect(await pdfText(await writePdf(dir, 'override.pdf', bytes))).toContain('THÔNG BÁO TỪ CHỐI (MẪU RIÊNG CỦA XÃ)');
    }
  });

  it('a broken override is refused with FORMS_TEMPLATE_INVALID naming the file and the place', async () => {
    const overrides = path.join(dir, 'broken');
    await mkdir(overrides, { recursive: true });
    const builtIn = JSON.parse(await readFile(path.join(defaultResourcesDir(), 'templates', 'receipt.json'), 'utf8'));
    const index = builtIn.blocks.findIndex((b: { type: string }) => b.type === 'paragraph');
    builtIn.blocks[index].text = 'Chủ hồ sơ: {{applicant.fulName}}';
    await writeFile(path.join(overrides, 'receipt.json'), JSON.stringify(builtIn));
    const err = await appError(renderForm('receipt', sampleContext(), { layout: 'a4', templatesDir: overrides }));
    expect(err.code).toBe('FORMS_TEMPLATE_INVALID');
    expect(err.params['path']).toBe(`blocks[${index}].text`);
    expect(String(err.params['template'])).toContain(path.join('broken', 'receipt.json'));
    expect(String(err.params['problem'])).toContain('applicant.fulName');

    await writeFile(path.join(overrides, 'apology.json'), '{ "version": 1, ');
    const json = await appError(loadTemplate('apology', { templatesDir: overrides }));
    expect(json.code).toBe('FORMS_TEMPLATE_INVALID');
    expect(json.params['path']).toBe('(file)');
  });

  it('a form name with no template, or a name that is a path, is FORMS_UNKNOWN_FORM', async () => {
    expect((await appError(renderForm('giay-khong-co', sampleContext(), { layout: 'a4' }))).code).toBe('FORMS_UNKNOWN_FORM');
    expect((await appError(loadTemplate('../package'))).code).toBe('FORMS_UNKNOWN_FORM');
  });

  it('a resources folder without the fonts is FORMS_RESOURCES_MISSING', async () => {
    const empty = path.join(dir, 'no-resources');
    await mkdir(path.join(empty, 'templates'), { recursive: true });
    const err = await appError(renderForm('receipt', sampleContext(), { layout: 'a4', resourcesDir: empty }));
    expect(err.code).toBe('FORMS_RESOURCES_MISSING');
    expect(String(err.params['path'])).toContain('DejaVuSerifCondensed');
  });

  it('a form that needs a section the dossier lacks is FORMS_CONTEXT_INCOMPLETE', async () => {
    const { refusal: _r, ...withoutRefusal } = sampleContext();
    const err = await appError(renderForm('refusal', withoutRefusal, { layout: 'a4' }));
    expect(err.code).toBe('FORMS_CONTEXT_INCOMPLETE');
    expect(err.params['field']).toBe('refusal.reason');
  });

  it('bad form data is FORMS_CONTEXT_INVALID with the field', async () => {
    const ctx = sampleContext();
    const err = await appError(
      renderForm('receipt', { ...ctx, dossier: { ...ctx.dossier, dueAt: '10/03/2026 16:30' } }, { layout: 'a4' }),
    );
    expect(err.code).toBe('FORMS_CONTEXT_INVALID');
    expect(err.field).toBe('dossier.dueAt');
  });
});
