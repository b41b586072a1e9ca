import { describe, expect, it } from 'vitest';
import { columnWidths, layoutForm, MM, type FontMetrics, type LaidOutDocument, type Op } from '../../../core/domain/forms/layout';
import { validateTemplate } from '../../../core/domain/forms/template';
import type { FormContext, FormLayout } from '../../../core/domain/forms/types';
import { checklistLine, sampleContext } from '../../integration/forms/fixtures';

/** Every character half an em wide (bold a little wider): predictable, close enough to a real font. */
const metrics: FontMetrics = {
  measure: (text, font, size) => [...text].length * size * (font === 'bold' ? 0.55 : 0.5),
  ascent: 0.9,
  descent: 0.25,
};

function layout(blocks: unknown[], layoutName: FormLayout, context: FormContext = sampleContext(), footer?: string): LaidOutDocument {
  const template = validateTemplate({ version: 1, title: 't', blocks, ...(footer ? { footer } : {}) }, 'test.json');
  return layoutForm({ template, context, computed: { lookupTarget: context.dossier.code }, layout: layoutName, metrics });
}

const texts = (ops: Op[]): Extract<Op, { kind: 'text' }>[] => ops.filter((o): o is Extract<Op, { kind: 'text' }> => o.kind === 'text');
const joined = (ops: Op[]): string => texts(ops).map((o) => o.text).join(' ');

const TABLE = {
  type: 'table',
  source: 'checklist',
  columns: [
    { header: 'TT', value: '{{#}}', width: 1, align: 'center' },
    { header: 'Tên giấy tờ', value: '{{name}}', width: 6 },
  ],
};
const many = (n: number, name = 'Giấy tờ'): FormContext =>
  sampleContext({ checklist: Array.from({ length: n }, (_, i) => checklistLine(`${name} ${i + 1}`, 1)) });

function expectInside(doc: LaidOutDocument): void {
  for (const page of doc.pages) {
    for (const op of page.ops) {
      if (op.kind === 'text') {
        expect(op.x).toBeGreaterThanOrEqual(0);
        expect(op.x + metrics.measure(op.text, op.font, op.size)).toBeLessThanOrEqual(doc.width + 0.01);
        expect(op.y).toBeLessThanOrEqual(page.height);
      }
    }
  }
}

describe('layout', () => {
  it('A4: a long table flows onto new pages, repeating its header, rows in order', () => {
    const doc = layout([TABLE], 'a4', many(80));
    expect(doc.pages.length).toBeGreaterThan(1);
    for (const page of doc.pages) {
      const first = texts(page.ops)[0];
      expect(first?.text).toBe('TT');
      expect(page.height).toBeCloseTo(297 * MM, 3);
    }
    const names = doc.pages.flatMap((p) => texts(p.ops)).filter((o) => /^Giấy tờ \d+$/.test(o.text)).map((o) => o.text);
    expect(names).toEqual(Array.from({ length: 80 }, (_, i) => `Giấy tờ ${i + 1}`));
    expectInside(doc);
  });

  it('80 mm: one page whose height grows with the content', () => {
    const short = layout([TABLE], '80mm', many(2));
    const long = layout([TABLE], '80mm', many(60));
    expect(short.pages).toHaveLength(1);
    expect(long.pages).toHaveLength(1);
    expect(short.width).toBeCloseTo(80 * MM, 3);
    expect(long.pages[0]!.height).toBeGreaterThan(short.pages[0]!.height * 5);
    expectInside(long);
  });

  it('splits a row taller than a page instead of losing its lines', () => {
    const huge = Array.from({ length: 1500 }, (_, i) => `từ${i}`).join(' ');
    const doc = layout([TABLE], 'a4', sampleContext({ checklist: [checklistLine(huge, 1)] }));
    expect(doc.pages.length).toBeGreaterThan(1);
    const words = doc.pages.flatMap((p) => texts(p.ops)).filter((o) => o.text.startsWith('từ')).flatMap((o) => o.text.split(' '));
    expect(words).toEqual(huge.split(' '));
  });

  it('keeps a signature block together on the next page', () => {
    const doc = layout(
      [
        { type: 'spacer', height: 80 },
        { type: 'spacer', height: 80 },
        { type: 'spacer', height: 75 },
        { type: 'signatures', columns: [{ title: 'NGƯỜI NỘP HỒ SƠ', name: '{{applicant.fullName}}' }] },
      ],
      'a4',
    );
    expect(doc.pages).toHaveLength(2);
    expect(joined(doc.pages[1]!.ops)).toContain('NGƯỜI NỘP HỒ SƠ');
    expect(joined(doc.pages[1]!.ops)).toContain('Nguyễn Thị Hồng Nhung');
  });

  it('prints the footer only when the form runs over one page', () => {
    const footer = 'Trang {{page}}/{{pages}}';
    expect(joined(layout([TABLE], 'a4', many(3), footer).pages[0]!.ops)).not.toContain('Trang');
    const doc = layout([TABLE], 'a4', many(80), footer);
    doc.pages.forEach((p, i) => expect(joined(p.ops)).toContain(`Trang ${i + 1}/${doc.pages.length}`));
  });

  it('wraps paragraphs beside a floated QR code, then uses the full width', () => {
    const long = Array.from({ length: 120 }, () => 'chữ').join(' ');
    const doc = layout([{ type: 'qr', float: true }, { type: 'paragraph', text: long }], 'a4');
    const ops = doc.pages[0]!.ops;
    const qr = ops.find((o) => o.kind === 'qr')!;
    expect(qr.kind === 'qr' && qr.x + qr.side).toBeCloseTo(doc.width - 15 * MM, 1);
    const lines = texts(ops);
    const right = (o: (typeof lines)[number]): number => o.x + metrics.measure(o.text, o.font, o.size);
    const beside = lines.filter((o) => qr.kind === 'qr' && o.y < qr.y + qr.side);
    const below = lines.filter((o) => qr.kind === 'qr' && o.y > qr.y + qr.side + 20);
    expect(beside.length).toBeGreaterThan(0);
    expect(below.length).toBeGreaterThan(0);
    for (const o of beside) expect(right(o)).toBeLessThanOrEqual(qr.x);
    expect(Math.max(...below.map(right))).toBeGreaterThan(qr.x);
  });

  it('stacks the header columns on 80 mm and puts them side by side on A4', () => {
    const header = { type: 'header', left: ['TRÁI'], right: ['PHẢI'] };
    const find = (doc: LaidOutDocument, t: string): { y: number } => texts(doc.pages[0]!.ops).find((o) => o.text === t)!;
    const a4 = layout([header], 'a4');
    expect(find(a4, 'TRÁI').y).toBeCloseTo(find(a4, 'PHẢI').y, 5);
    const roll = layout([header], '80mm');
    expect(find(roll, 'TRÁI').y).toBeLessThan(find(roll, 'PHẢI').y);
  });

  it('skips blocks by condition and by layout', () => {
    const blocks = [
      { type: 'paragraph', text: 'CHỈ A4', layouts: ['a4'] },
      { type: 'paragraph', text: 'CÓ NGƯỜI NỘP THAY', when: 'submitter' },
      { type: 'paragraph', text: 'KHÔNG HẸN', when: '!dossier.dueAt' },
    ];
    expect(joined(layout(blocks, 'a4').pages[0]!.ops)).toBe('CHỈ A4 CÓ NGƯỜI NỘP THAY');
    const { submitter: _s, ...alone } = sampleContext();
    expect(joined(layout(blocks, '80mm', alone).pages[0]!.ops)).toBe('');
  });
});

describe('columnWidths', () => {
  it('shares by weight but honours minimums', () => {
    expect(columnWidths([1, 1], [0, 0], 100)).toEqual([50, 50]);
    const w = columnWidths([0.5, 9.5], [12, 0], 100);
    expect(w[0]).toBe(12);
    expect(w[0]! + w[1]!).toBeCloseTo(100, 6);
  });
});
