import { describe, expect, it } from 'vitest';
import type { Span } from '../../../core/domain/forms/evaluate';
import { wrapBalanced, wrapSpans, type Line, type Measure } from '../../../core/domain/forms/wrap';

/** Every character 1 unit wide at size 1; bold 1.5 (so fonts visibly matter). */
const measure: Measure = (text, font, size) => [...text].length * size * (font === 'bold' ? 1.5 : 1);
const plain = (s: string): Span[] => [{ text: s, font: 'regular' }];
const texts = (lines: Line[]): string[] => lines.map((l) => l.runs.map((r) => r.text).join(''));

describe('wrapSpans', () => {
  it('breaks at spaces and never exceeds the width', () => {
    const lines = wrapSpans(plain('Đăng ký thành lập hộ kinh doanh cá thể'), 12, 1, measure);
    expect(texts(lines)).toEqual(['Đăng ký', 'thành lập hộ', 'kinh doanh', 'cá thể']);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(12);
  });

  it('keeps fonts per run and measures them', () => {
    const lines = wrapSpans([{ text: 'Tên: ', font: 'regular' }, { text: 'Nguyễn Văn', font: 'bold' }], 100, 1, measure);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.runs).toEqual([
      { text: 'Tên: ', font: 'regular' },
      { text: 'Nguyễn Văn', font: 'bold' },
    ]);
    expect(lines[0]!.width).toBe(5 + 10 * 1.5);
  });

  it('breaks over-long codes after separators, then between characters', () => {
    expect(texts(wrapSpans(plain('000.00.01.H12-261122-0007'), 15, 1, measure))).toEqual(['000.00.01.H12-', '261122-0007']);
    expect(texts(wrapSpans(plain('ABCDEFGHIJ'), 4, 1, measure))).toEqual(['ABCD', 'EFGH', 'IJ']);
  });

  it('honours explicit newlines and per-line widths', () => {
    expect(texts(wrapSpans(plain('một\nhai ba'), 50, 1, measure))).toEqual(['một', 'hai ba']);
    const lines = wrapSpans(plain('aa bb cc dd'), (i) => (i === 0 ? 2 : 8), 1, measure);
    expect(texts(lines)).toEqual(['aa', 'bb cc dd']);
  });

  it('balanced wrapping keeps the line count but evens the lines', () => {
    const spans = plain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    const greedy = wrapSpans(spans, 35, 1, measure);
    const balanced = wrapBalanced(spans, 35, 1, measure);
    expect(texts(greedy)).toEqual(['GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT', 'QUẢ']);
    expect(balanced).toHaveLength(2);
    expect(texts(balanced).join(' ')).toBe('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(Math.abs(balanced[0]!.width - balanced[1]!.width)).toBeLessThan(8);
  });
});
