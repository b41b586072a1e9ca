import { describe, expect, it } from 'vitest';
import { parseCondition, parseText, TemplateTextError } from '../../../core/domain/forms/text';

describe('template text', () => {
  it('splits literal text, styles and placeholders', () => {
    expect(parseText('Mã: **{{dossier.code}}** __ghi chú__')).toEqual([
      { bold: false, italic: false, text: 'Mã: ' },
      { bold: true, italic: false, placeholder: { path: 'dossier.code', formatters: [] } },
      { bold: false, italic: false, text: ' ' },
      { bold: false, italic: true, text: 'ghi chú' },
    ]);
  });

  it('reads formatter chains; quoted arguments keep spaces and pipes', () => {
    const [seg] = parseText("{{ agency.place | suffix:', ' | upper }}");
    expect(seg).toMatchObject({ placeholder: { path: 'agency.place', formatters: [{ name: 'suffix', arg: ', ' }, { name: 'upper', arg: undefined }] } });
    const [seg2] = parseText("{{x | default:'a | b'}}");
    expect(seg2).toMatchObject({ placeholder: { formatters: [{ name: 'default', arg: 'a | b' }] } });
    const [seg3] = parseText('{{dossier.dueAt | date:dd/MM/yyyy}}');
    expect(seg3).toMatchObject({ placeholder: { formatters: [{ name: 'date', arg: 'dd/MM/yyyy' }] } });
  });

  it('rejects broken placeholders', () => {
    expect(() => parseText('{{dossier.code')).toThrow(TemplateTextError);
    expect(() => parseText('{{dossier..code}}')).toThrow(TemplateTextError);
    expect(() => parseText("{{x | default:'open}}")).toThrow(TemplateTextError);
    expect(() => parseText('{{x | 9bad}}')).toThrow(TemplateTextError);
  });

  it('parses conditions', () => {
    expect(parseCondition('submitter')).toEqual({ path: 'submitter', negate: false, equals: undefined });
    expect(parseCondition('!dossier.dueAt')).toEqual({ path: 'dossier.dueAt', negate: true, equals: undefined });
    expect(parseCondition('applicant.kind == organisation')).toEqual({ path: 'applicant.kind', negate: false, equals: 'organisation' });
    expect(parseCondition("dossier.resultReturn != 'post'")).toEqual({ path: 'dossier.resultReturn', negate: true, equals: 'post' });
    expect(() => parseCondition('a b c')).toThrow(TemplateTextError);
  });
});
