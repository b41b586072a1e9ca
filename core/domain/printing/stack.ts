/**
 * A column of centred lines for the roll (tickets, test pages), built from the forms engine's own primitives
 * (wrapSpans, lineOps, Op): the same drawing operations a form lays out, so the raster and PDF renderers draw both.
 */
import type { FontKey } from '../forms/evaluate';
import { lineOps, MM, pageFrame, type FontMetrics, type LaidOutDocument, type Op } from '../forms/layout';
import { wrapSpans } from '../forms/wrap';
import { DOTS_PER_LINE } from './types';

export type RollPaper = 58 | 80;

export class RollStack {
  readonly ops: Op[] = [];
  readonly left: number;
  readonly width: number;
  readonly pageWidth: number;
  /** Printer dots per point: the printable width is exactly the dots per line. */
  readonly dotsPerPoint: number;
  readonly dots: number;
  readonly lineFactor: number;
  private readonly bottomMargin: number;
  y: number;

  constructor(
    paper: RollPaper,
    readonly metrics: FontMetrics,
  ) {
    const frame = pageFrame(paper === 58 ? '58mm' : '80mm');
    this.left = frame.margin.left;
    this.width = frame.width - frame.margin.left - frame.margin.right;
    this.pageWidth = frame.width;
    this.dots = DOTS_PER_LINE[paper];
    this.dotsPerPoint = this.dots / this.width;
    this.lineFactor = frame.lineFactor;
    this.bottomMargin = frame.margin.bottom;
    this.y = frame.margin.top;
  }

  /** Wrapped text, one line under another; returns the number of lines. */
  text(text: string, font: FontKey, size: number, align: 'left' | 'center' = 'center'): number {
    const lines = wrapSpans([{ text, font }], this.width, size, this.metrics.measure);
    for (const line of lines) {
      this.ops.push(...lineOps(line, this.left, this.width, align, size, this.y, this.metrics, this.lineFactor));
      this.y += size * this.lineFactor;
    }
    return lines.length;
  }

  gap(mm: number): void {
    this.y += mm * MM;
  }

  rule(dashed = false): void {
    this.gap(1);
    this.ops.push({ kind: 'line', x1: this.left, y1: this.y, x2: this.left + this.width, y2: this.y, width: 0.8, dashed });
    this.gap(1.5);
  }

  /** Reserve `height` points; returns its top. */
  band(height: number): number {
    const top = this.y;
    this.y += height;
    return top;
  }

  add(...ops: Op[]): void {
    this.ops.push(...ops);
  }

  document(): LaidOutDocument {
    return { width: this.pageWidth, pages: [{ height: this.y + this.bottomMargin, ops: this.ops }] };
  }
}
