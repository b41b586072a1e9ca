/** The report files' notation (Vietnamese numbers, days, rates), write-up and chart text outlines. */
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../../core/domain/forms/resources';
import { chartSvg } from '../../../core/services/reports/export/report-charts';
import { formatCount, formatDay, formatDecimal, formatInstantVn, formatRate, reportFileName } from '../../../core/services/reports/export/report-labels';
import { writeUp } from '../../../core/services/reports/export/report-tables';
import { textOutline, textToPaths } from '../../../core/services/reports/export/svg-text-paths';
import { fixtureReport } from './export-fixture';

describe('Vietnamese notation', () => {
  it('dots thousands, commas decimals, dd/mm/yyyy', () => {
    expect([formatCount(0), formatCount(765), formatCount(32_371), formatCount(1_234_567), formatCount(-2_343)]).toEqual(['0', '765', '32.371', '1.234.567', '-2.343']);
    expect([formatDecimal(91.25, 1), formatDecimal(12_345.67, 2), formatDecimal(0.04, 1)]).toEqual(['91,3', '12.345,67', '0,0']);
    expect(formatDay('2026-06-30')).toBe('30/06/2026');
    expect(formatInstantVn('2026-06-30T17:05:00.000Z')).toBe('01/07/2026 00:05');
  });

  it('a rate never rounds up to a whole 100% it did not reach', () => {
    expect(formatRate(0.152)).toBe('15,2%');
    expect(formatRate(1)).toBe('100,0%');
    expect(formatRate(31_601 / 31_606)).toBe('99,98%');
    expect(formatRate(null)).toBe('-');
  });

  it('file names: period, then the agency code kept file-name safe', () => {
    expect(reportFileName('2026-01-01', '2026-06-30', null, 'xlsx')).toBe('bao-cao-2026-01-01_2026-06-30.xlsx');
    expect(reportFileName('2026-01-01', '2026-06-30', 'SXD', 'pdf')).toBe('bao-cao-2026-01-01_2026-06-30-SXD.pdf');
    expect(reportFileName('2026-01-01', '2026-06-30', '../x y', 'pdf')).toBe('bao-cao-2026-01-01_2026-06-30-.._x_y.pdf');
  });
});

describe('write-up', () => {
  it("reads like the agencies' reports, with the report's own figures", () => {
    const text = writeUp(fixtureReport).join(' ');
    expect(text).toContain('Trong kỳ, đã tiếp nhận 32.371 hồ sơ thủ tục hành chính, trong đó số mới tiếp nhận trong kỳ là 31.071 hồ sơ, số hồ sơ từ kỳ trước chuyển qua là 1.300 hồ sơ.');
    expect(text).toContain('Số hồ sơ đã giải quyết là 31.606, trong đó trước hạn 2.343 hồ sơ, đúng hạn 29.258 hồ sơ, quá hạn 5 hồ sơ (tỷ lệ giải quyết đúng hạn 99,98%).');
    expect(text).toContain('Số hồ sơ đang giải quyết là 760, trong đó trong hạn 760 hồ sơ, không có hồ sơ quá hạn.');
    expect(text).toContain('Có 5 hồ sơ rút trong kỳ.');
  });

  it('says "không có hồ sơ quá hạn" only when there is none, and leaves out withdrawals when none', () => {
    const text = writeUp({ ...fixtureReport, resolvedLate: 0, pendingOverdue: 3, withdrawn: 0 }).join(' ');
    expect(text).toContain('đúng hạn 29.258 hồ sơ, không có hồ sơ quá hạn');
    expect(text).toContain('trong hạn 760 hồ sơ, quá hạn 3 hồ sơ.');
    expect(text).not.toContain('rút');
  });
});

describe('chart text', () => {
  it('is drawn as outlines of the app font, so no system font decides how Vietnamese looks', async () => {
    const svg = await chartSvg(fixtureReport, 'resolved');
    expect(svg).not.toMatch(/<text\b/);
    expect(svg).toMatch(/<path d="M[^"]+"[^>]*fill="#/);
    const fonts = await loadFonts();
    const plain = textOutline(fonts.regular.font, 'Dung han', 12, 0, 0, 'start', 'alphabetic');
    const marked = textOutline(fonts.regular.font, 'Đúng hạn', 12, 0, 0, 'start', 'alphabetic');
    // The marks are drawn: more outline than the same letters without them.
    expect(marked.length).toBeGreaterThan(plain.length);
    // Anchors: the end-anchored line ends where the start-anchored one begins.
    const end = textToPaths('<text text-anchor="end" style="font-size:12px" x="100" y="10">A</text>', { regular: fonts.regular, bold: fonts.bold });
    const xs = [...end.matchAll(/[ML]([\d.]+) /g)].map((m) => Number(m[1]));
    expect(Math.max(...xs)).toBeLessThan(100.5); // a glyph may overhang its advance a little
    expect(Math.max(...xs)).toBeGreaterThan(95);
  });
});
