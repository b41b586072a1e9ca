import { describe, expect, it } from 'vitest';
import { evaluateText, plainText } from '../../../core/domain/forms/evaluate';
import { wrapSpans, type Line, type Measure } from '../../../core/domain/forms/wrap';

/** Every character 1 unit wide at size 1. */
const measure: Measure = (text, _font, size) => [...text].length * size;
const texts = (lines: Line[]): string[] => lines.map((l) => l.runs.map((r) => r.text).join(''));
const ctx = { dossier: { dueAt: '2026-11-25T12:00' } };
const DUE = '25/11/2026 12:00';

describe('formatted date-times are never broken by wrapping', () => {
  it('reads with a plain space', () => {
    expect(plainText(evaluateText('{{dossier.dueAt | date}}', [ctx]))).toBe(DUE);
    expect(plainText(evaluateText("{{dossier.dueAt | date:'HH:mm ngày dd/MM/yyyy'}}", [ctx]))).toBe('12:00 ngày 25/11/2026');
  });

  it('moves the whole date-time to the next line at every width where it fits', () => {
    const spans = evaluateText('4. Thời gian trả kết quả giải quyết hồ sơ: **{{dossier.dueAt | date}}** xin cảm ơn', [ctx]);
    for (let width = DUE.length; width <= 60; width++) {
      const lines = texts(wrapSpans(spans, width, 1, measure));
      expect(lines.filter((l) => l.includes(DUE)), `width ${width}: ${JSON.stringify(lines)}`).toHaveLength(1);
      for (const l of lines) expect(l.length, `width ${width}`).toBeLessThanOrEqual(width);
      // Ordinary spaces still break.
      if (width < 30) expect(lines.length).toBeGreaterThan(2);
    }
  });

  it('keeps a custom pattern together and leaves a prefix breakable', () => {
    const spans = evaluateText("Hẹn {{dossier.dueAt | date:'HH:mm ngày dd/MM/yyyy' | prefix:'trả lúc '}}", [ctx]);
    expect(texts(wrapSpans(spans, 22, 1, measure))).toEqual(['Hẹn trả lúc', '12:00 ngày 25/11/2026']);
  });

  it('draws plain spaces: no no-break space reaches a line', () => {
    const lines = wrapSpans(evaluateText('Hạn: {{dossier.dueAt | date}}', [ctx]), 18, 1, measure);
    expect(texts(lines)).toEqual(['Hạn:', DUE]);
    for (const l of lines) for (const r of l.runs) expect(r.text).not.toContain('\u00A0');
    expect(lines[1]!.width).toBe(DUE.length);
  });
});
