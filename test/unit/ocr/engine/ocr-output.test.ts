import { describe, expect, it } from 'vitest';
import { meanConfidence, pageText, parseWords } from '../../../../core/services/ocr/engine/ocr-output';

// What Tesseract's TSV looks like (level page block par line word left top width height conf text), two blocks.
const TSV = [
  '1\t1\t0\t0\t0\t0\t0\t0\t1400\t400\t-1\t',
  '2\t1\t1\t0\t0\t0\t40\t31\t655\t100\t-1\t',
  '3\t1\t1\t1\t0\t0\t40\t31\t655\t100\t-1\t',
  '4\t1\t1\t1\t1\t0\t42\t31\t653\t37\t-1\t',
  '5\t1\t1\t1\t1\t1\t42\t31\t88\t37\t96.828476\tCo\u0302\u0323ng', // decomposed: must come out NFC
  '5\t1\t1\t1\t1\t2\t147\t31\t61\t30\t90.5\thòa',
  '4\t1\t1\t1\t2\t0\t42\t91\t300\t36\t-1\t',
  '5\t1\t1\t1\t2\t1\t42\t91\t300\t36\t80\tĐộc',
  '5\t1\t1\t1\t2\t2\t350\t91\t10\t36\t-1\t ',
  '2\t1\t2\t0\t0\t0\t40\t300\t200\t40\t-1\t',
  '3\t1\t2\t1\t0\t0\t40\t300\t200\t40\t-1\t',
  '4\t1\t2\t1\t1\t0\t40\t300\t200\t40\t-1\t',
  '5\t1\t2\t1\t1\t1\t40\t300\t200\t40\t70\tlập',
].join('\n');
// Only the first line has a (sloped) baseline in the blocks; the others fall back to the box's bottom.
const BLOCKS = [{ paragraphs: [{ lines: [{ bbox: { x0: 42, y0: 31, x1: 695, y1: 68 }, baseline: { x0: 42, y0: 61, x1: 695, y1: 55 } }] }] }];

describe('OCR output parsing', () => {
  it('keeps words with box, confidence, numbers and the line baseline at the word; skips empty words', () => {
    const words = parseWords(TSV, BLOCKS, { top: 0, scale: 1, blockOffset: 0 });
    expect(words.map((w) => w.text)).toEqual(['Cộng', 'hòa', 'Độc', 'lập']);
    expect(words[0]).toEqual({ text: 'Cộng', confidence: 96.83, x0: 42, y0: 31, x1: 130, y1: 68, baseline: 61, block: 1, par: 1, line: 1 });
    // Baseline interpolated at the word's middle (177.5): 61 - 6 × (177.5 - 42) / 653 ≈ 59.75.
    expect(words[1]!.baseline).toBe(60);
    expect(words[2]!.baseline).toBe(127); // no baseline given: the box's bottom
    expect(words[3]!.block).toBe(2);
  });

  it('places a band: rows offset by its top, boxes scaled back, blocks numbered after the previous band', () => {
    const words = parseWords(TSV, BLOCKS, { top: 5000, scale: 0.5, blockOffset: 3 });
    expect(words[0]).toMatchObject({ x0: 84, y0: 5062, x1: 260, y1: 5136, baseline: 5121, block: 4 });
  });

  it('joins words with spaces, lines with \\n and blocks/paragraphs with a blank line; mean confidence or null', () => {
    const words = parseWords(TSV, BLOCKS, { top: 0, scale: 1, blockOffset: 0 });
    expect(pageText(words)).toBe('Cộng hòa\nĐộc\n\nlập');
    expect(meanConfidence(words)).toBe(Math.round(((96.83 + 90.5 + 80 + 70) / 4) * 100) / 100);
    expect(meanConfidence([])).toBeNull();
    expect(pageText([])).toBe('');
  });
});
