/**
 * From Tesseract's output to OcrWord[] and the page text. Words come from the TSV (block/par/line/word numbers, box,
 * confidence to two decimals: the JSON blocks round confidences down to whole numbers); each line's baseline comes
 * from the JSON blocks, matched to the TSV line by its box (both walk the same result iterator).
 */
import type { OcrWord } from './types';

/** The part of tesseract.js's `blocks` output used here. */
export interface TessBlock {
  paragraphs?: Array<{ lines?: Array<{ bbox?: Box; baseline?: Box }> }>;
}
interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Where a band's words go in the whole image: its first row, and decoded pixels per input pixel. */
export interface Placement {
  top: number;
  scale: number;
  /** Added to block numbers so bands after the first continue the reading order. */
  blockOffset: number;
}

const key = (b: Box): string => `${b.x0},${b.y0},${b.x1},${b.y1}`;

function baselines(blocks: readonly TessBlock[] | null | undefined): Map<string, Box> {
  const out = new Map<string, Box>();
  for (const b of blocks ?? []) for (const p of b.paragraphs ?? []) for (const l of p.lines ?? []) if (l.bbox && l.baseline) out.set(key(l.bbox), l.baseline);
  return out;
}

export function parseWords(tsv: string, blocks: readonly TessBlock[] | null | undefined, at: Placement): OcrWord[] {
  const lineBaselines = baselines(blocks);
  const words: OcrWord[] = [];
  let baseline: Box | null = null;
  const y = (v: number): number => Math.round(v / at.scale + at.top);
  const x = (v: number): number => Math.round(v / at.scale);
  for (const row of tsv.split('\n')) {
    const f = row.split('\t');
    if (f.length < 12) continue;
    const level = Number(f[0]);
    const [left, top, width, height] = [Number(f[6]), Number(f[7]), Number(f[8]), Number(f[9])];
    if (level === 4) {
      baseline = lineBaselines.get(key({ x0: left, y0: top, x1: left + width, y1: top + height })) ?? null;
      continue;
    }
    if (level !== 5) continue;
    const text = f.slice(11).join('\t').trim().normalize('NFC');
    const conf = Number(f[10]);
    if (!text || !(conf >= 0)) continue;
    let base = top + height;
    if (baseline) {
      const mid = left + width / 2;
      const span = baseline.x1 - baseline.x0;
      base = span === 0 ? baseline.y0 : baseline.y0 + ((baseline.y1 - baseline.y0) * (mid - baseline.x0)) / span;
    }
    words.push({
      text,
      confidence: Math.round(Math.min(100, conf) * 100) / 100,
      x0: x(left),
      y0: y(top),
      x1: x(left + width),
      y1: y(top + height),
      baseline: y(base),
      block: Number(f[2]) + at.blockOffset,
      par: Number(f[3]),
      line: Number(f[4]),
    });
  }
  return words;
}

/** Reading order: words of a line joined by a space, lines by \n, paragraphs and blocks by a blank line. NFC. */
export function pageText(words: readonly OcrWord[]): string {
  let out = '';
  let prev: OcrWord | null = null;
  for (const w of words) {
    if (prev) {
      if (w.block !== prev.block || w.par !== prev.par) out += '\n\n';
      else if (w.line !== prev.line) out += '\n';
      else out += ' ';
    }
    out += w.text;
    prev = w;
  }
  return out.normalize('NFC');
}

/** Mean word confidence, two decimals; null when there is no word. */
export function meanConfidence(words: readonly OcrWord[]): number | null {
  if (words.length === 0) return null;
  return Math.round((words.reduce((a, w) => a + w.confidence, 0) / words.length) * 100) / 100;
}
