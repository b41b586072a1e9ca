/** Page size from pixels and dpi, kept inside PDF 1.4's 3–14,400 unit limits. */
import { describe, expect, it } from 'vitest';
import { MAX_PAGE_PT, MIN_PAGE_PT, pageSizePt } from '../../../core/services/pdf/searchable-pdf';

describe('pageSizePt', () => {
  it('is px·72/dpi for ordinary pages (A4 at 300 dpi)', () => {
    const [w, h] = pageSizePt(2480, 3508, 300);
    expect(w).toBeCloseTo(595.2, 6);
    expect(h).toBeCloseTo(841.92, 6);
  });

  it('scales a strip too long for a PDF page down as a whole, keeping its shape', () => {
    const [w, h] = pageSizePt(1000, 30_000, 100);
    expect(h).toBe(MAX_PAGE_PT);
    expect(w / h).toBeCloseTo(1000 / 30_000, 9);
  });

  it('scales a tiny image up to the smallest page, and clamps a side that would still be out of range', () => {
    expect(pageSizePt(1, 1, 300)).toEqual([MIN_PAGE_PT, MIN_PAGE_PT]);
    const [w, h] = pageSizePt(1, 20_000, 72);
    expect(h).toBe(MAX_PAGE_PT);
    expect(w).toBe(MIN_PAGE_PT);
  });
});
