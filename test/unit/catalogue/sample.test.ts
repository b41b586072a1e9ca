import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCatalogue } from '../../../core/domain/catalogue/validate';
import { foldVietnamese } from '../../../core/domain/text/fold';

const raw: unknown = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../resources/catalogue/sample.json', import.meta.url)), 'utf8'),
);

describe('resources/catalogue/sample.json', () => {
  const r = parseCatalogue(raw);
  const c = r.catalogue!;

  it('validates', () => {
    expect(r.errors).toEqual([]);
    expect(c).not.toBeNull();
  });

  it('has at least 30 procedures across at least 3 agencies, each with 2–6 documents', () => {
    expect(c.procedures.length).toBeGreaterThanOrEqual(30);
    const used = new Set(c.procedures.map((p) => p.agencyCode));
    expect(used.size).toBeGreaterThanOrEqual(3);
    for (const p of c.procedures) {
      expect(p.checklist.length, p.name).toBeGreaterThanOrEqual(2);
      expect(p.checklist.length, p.name).toBeLessThanOrEqual(6);
    }
  });

  it('looks like real data: national-style codes, hours and days, fees, đ and "Cấp giấy phép"', () => {
    for (const p of c.procedures) expect(p.code).toMatch(/^[12]\.\d{6}$/);
    const units = new Set(c.procedures.map((p) => p.processing.unit));
    expect(units).toEqual(new Set(['days', 'hours']));
    expect(c.procedures.some((p) => p.fees.fee > 0)).toBe(true);
    expect(c.procedures.some((p) => p.fees.charge > 0)).toBe(true);
    expect(c.procedures.some((p) => /[đĐ]/.test(p.name))).toBe(true);
    expect(c.procedures.some((p) => foldVietnamese(p.name).includes('cap giay phep'))).toBe(true);
    const marks = new Set(c.procedures.flatMap((p) => p.checklist.flatMap((i) => i.acceptedMarks)));
    expect(marks).toEqual(new Set([1, 2, 3, 4]));
    expect(c.procedures.some((p) => p.checklist.some((i) => !i.required))).toBe(true);
  });

  it('follows the two-tier administration (from 1 July 2025): no district body, each agency with its own upper line', () => {
    for (const a of c.agencies) {
      const text = foldVietnamese([a.name, a.parentName, a.shortName, a.address].join(' '));
      expect(text, a.code).not.toMatch(/\b(quan|huyen|thi xa)\b/);
      expect(a.parentName, a.code).toMatch(/^(UBND|CÔNG AN|VĂN PHÒNG) /);
    }
    // The ward police sits under the city police, not under a people's committee.
    expect(c.agencies.find((a) => a.code === 'G01.27.10.H12')?.parentName).toBe('CÔNG AN THÀNH PHỐ HÀ NỘI');
  });
});
