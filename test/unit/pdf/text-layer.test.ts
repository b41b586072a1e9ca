/** Placing OCR words on the page: scaling, reading order, NFC, and a Tz that makes each word as wide as its box. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { defaultResourcesDir, FONT_FILES } from '../../../core/domain/forms/resources';
import { streamingFontkit } from '../../../core/services/pdf/fontkit-adapter';
import { placeWords, textLayerOperators } from '../../../core/services/pdf/text-layer';
import type { OcrWord } from '../../../core/services/ocr/engine/types';

function word(text: string, x0: number, y0: number, x1: number, y1: number, line: number, extra: Partial<OcrWord> = {}): OcrWord {
  return { text, confidence: 90, x0, y0, x1, y1, baseline: y1 - 5, block: 1, par: 1, line, ...extra };
}

describe('placeWords', () => {
  // Boxes from a 2000×1000 px OCR image on a 720×360 pt page (a stored image of another size).
  const placement = { sourceWidth: 2000, sourceHeight: 1000, pageWidth: 720, pageHeight: 360 };

  it('scales boxes to points with a bottom-left origin, baseline included', () => {
    const [line] = placeWords([word('Hà', 100, 200, 300, 250, 1, { baseline: 240 })], placement);
    expect(line!.fontSize).toBeCloseTo(50 * 0.36, 6);
    expect(line!.words[0]).toEqual({ text: 'Hà', x: 36, y: 360 - 240 * 0.36, width: 200 * 0.36, space: false });
  });

  it('keeps lines in the order read and words left to right, a space after all but the last, NFC text', () => {
    const lines = placeWords(
      [
        word('hai', 500, 300, 700, 350, 2),
        word('một', 100, 100, 300, 150, 1),
        word('Vi\u0065\u0323\u0302t', 100, 300, 400, 350, 2),
        word('   ', 800, 300, 900, 350, 2),
        word('rỗng', 900, 300, 900, 350, 2),
      ],
      placement,
    );
    expect(lines.map((l) => l.words.map((w) => [w.text, w.space]))).toEqual([
      [
        ['Việt', true],
        ['hai', false],
      ],
      [['một', false]],
    ]);
  });

  it('uses the tallest box of a line as its font size', () => {
    const [line] = placeWords([word('a', 0, 120, 10, 150, 1), word('Độ', 20, 90, 40, 160, 1)], placement);
    expect(line!.fontSize).toBeCloseTo(70 * 0.36, 6);
  });
});

describe('textLayerOperators', () => {
  it('draws invisibly (3 Tr) and stretches each word to its box width', async () => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(streamingFontkit);
    const font = await doc.embedFont(readFileSync(path.join(defaultResourcesDir(), FONT_FILES.regular)), { subset: true });
    const lines = placeWords([word('Nguyễn', 100, 100, 400, 150, 1), word('Thị', 450, 100, 520, 150, 1)], { sourceWidth: 1000, sourceHeight: 1000, pageWidth: 500, pageHeight: 500 });
    const ops = textLayerOperators(lines, font, 'F1').map((o) => o.toString());
    expect(ops[0]).toBe('BT');
    expect(ops[1]).toBe('3 Tr');
    expect(ops.at(-1)).toBe('ET');
    const tz = ops.filter((o) => o.endsWith(' Tz')).map((o) => Number(o.split(' ')[0]));
    const size = lines[0]!.fontSize;
    expect((font.widthOfTextAtSize('Nguyễn', size) * tz[0]!) / 100).toBeCloseTo(150, 1);
    expect((font.widthOfTextAtSize('Thị', size) * tz[1]!) / 100).toBeCloseTo(35, 1);
    // Baseline 145 px of 1000 on a 500 pt page: 500 - 72.5.
    expect(ops).toContain('1 0 0 1 50 427.5 Tm');
    expect(textLayerOperators([], font, 'F1')).toEqual([]);
  });
});
