import { describe, expect, it } from 'vitest';
import { evaluateCondition, evaluateText, lookup, plainText } from '../../../core/domain/forms/evaluate';

const ctx = {
  applicant: { fullName: 'Nguyễn Thị Hồng Nhung', phone: '' },
  dossier: { code: 'X-1', dueAt: '2026-03-10T16:30', resultReturn: 'post' },
  fees: { fee: 100000, postage: 0 },
  checklist: [{ name: 'Tờ khai', mark: 2 }],
  agency: { place: 'Gia Lâm' },
  note: 'a **not bold** value',
};

describe('evaluating template text', () => {
  it('looks paths up innermost scope first', () => {
    const scopes = [{ name: 'row name', '#': 3 }, ctx];
    expect(lookup(scopes, 'name')).toBe('row name');
    expect(lookup(scopes, '#')).toBe(3);
    expect(lookup(scopes, 'applicant.fullName')).toBe('Nguyễn Thị Hồng Nhung');
    expect(lookup(scopes, 'applicant.missing.deeper')).toBeUndefined();
  });

  it('applies formatter chains', () => {
    const text = (src: string): string => plainText(evaluateText(src, [ctx]));
    expect(text('{{dossier.dueAt | date}}')).toBe('10/03/2026 16:30');
    expect(text('{{fees.fee | money}}')).toBe('100.000 đồng');
    expect(text("{{fees.postage | nonzero | money | prefix:'cước: '}}")).toBe('');
    expect(text('{{checklist | count}} mục')).toBe('1 mục');
    expect(text('{{dossier.resultReturn | label:returnMethod}}')).toBe('Qua dịch vụ bưu chính công ích');
    expect(text("{{applicant.phone | default:'(không có)'}}")).toBe('(không có)');
    expect(text("{{agency.place | suffix:', '}}ngày")).toBe('Gia Lâm, ngày');
    expect(text('{{agency.place | upper}}')).toBe('GIA LÂM');
    expect(plainText(evaluateText('{{mark | mark}}', [{ mark: 2 }]))).toBe('Bản sao chứng thực');
  });

  it('styles spans from the template, never from the values', () => {
    expect(evaluateText('Tên: **{{applicant.fullName}}** {{note}}', [ctx])).toEqual([
      { text: 'Tên: ', font: 'regular' },
      { text: 'Nguyễn Thị Hồng Nhung', font: 'bold' },
      { text: ' a **not bold** value', font: 'regular' },
    ]);
    // A block style is the base the toggles flip.
    expect(evaluateText('**A** B', [ctx], { bold: true, italic: false })).toEqual([
      { text: 'A', font: 'regular' },
      { text: ' B', font: 'bold' },
    ]);
  });

  it('normalises to NFC', () => {
    const [span] = evaluateText('{{n}}', [{ n: 'Nguyễn'.normalize('NFD') }]);
    expect(span?.text).toBe('Nguyễn'.normalize('NFC'));
  });

  it('evaluates conditions', () => {
    expect(evaluateCondition(undefined, [ctx])).toBe(true);
    expect(evaluateCondition('applicant.phone', [ctx])).toBe(false);
    expect(evaluateCondition('!applicant.phone', [ctx])).toBe(true);
    expect(evaluateCondition('fees.postage', [ctx])).toBe(false);
    expect(evaluateCondition('fees.fee', [ctx])).toBe(true);
    expect(evaluateCondition('checklist', [ctx])).toBe(true);
    expect(evaluateCondition('dossier.resultReturn == post', [ctx])).toBe(true);
    expect(evaluateCondition('dossier.resultReturn != post', [ctx])).toBe(false);
    expect(evaluateCondition('submitter', [ctx])).toBe(false);
  });
});
