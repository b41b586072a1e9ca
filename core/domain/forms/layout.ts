/**
 * Lays a template out into pages of drawing operations (no PDF here: pure, measured with the real font
 * metrics passed in). A4 flows onto new pages, repeating a table's header row; 80 mm thermal paper is one
 * page whose height is whatever the content needs.
 */
import type { FormContext, FormLayout } from './types';
import type { Block, FieldsBlock, FormTemplate, HeaderBlock, QrBlock, SignaturesBlock, TableBlock } from './template';
import { DEFAULT_QR_CONTENT } from './template';
import { evaluateCondition, evaluateText, lookup, plainText, type FontKey, type Scopes, type Span } from './evaluate';
import { wrapBalanced, wrapSpans, type Line, type Measure } from './wrap';
import { qrMatrix, qrSvgPath, QUIET_ZONE } from './qr';
import { reprintLabels } from '../printing/reprint-mark';

export const MM = 72 / 25.4;

export type Op =
  | { kind: 'text'; x: number; y: number; text: string; font: FontKey; size: number }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; dashed: boolean }
  /** `path` is in module units; `side` (points) includes the quiet zone of `modules` modules per side. */
  | { kind: 'qr'; x: number; y: number; side: number; modules: number; path: string };

export interface LaidOutPage {
  height: number;
  ops: Op[];
}

export interface LaidOutDocument {
  width: number;
  pages: LaidOutPage[];
}

export interface FontMetrics {
  measure: Measure;
  /** Ascender and descender (positive) as fractions of the font size. */
  ascent: number;
  descent: number;
}

interface Geometry {
  width: number;
  /** Null: the page grows with the content (thermal roll). */
  height: number | null;
  margin: { top: number; right: number; bottom: number; left: number };
  /** Template sizes are A4 points; compact layouts multiply them by this. */
  fontScale: number;
  /** Template lengths are A4 millimetres; compact layouts multiply spacing by this. */
  lengthScale: number;
  lineFactor: number;
  compact: boolean;
}

const GEOMETRY: Record<FormLayout, Geometry> = {
  a4: {
    width: 210 * MM,
    height: 297 * MM,
    margin: { top: 20 * MM, right: 15 * MM, bottom: 18 * MM, left: 25 * MM },
    fontScale: 1,
    lengthScale: 1,
    lineFactor: 1.18,
    compact: false,
  },
  '80mm': {
    width: 80 * MM,
    height: null,
    // 72 mm printable on 80 mm paper.
    margin: { top: 4 * MM, right: 4 * MM, bottom: 6 * MM, left: 4 * MM },
    fontScale: 8 / 12,
    lengthScale: 0.55,
    lineFactor: 1.25,
    compact: true,
  },
  '58mm': {
    width: 58 * MM,
    height: null,
    // 48 mm printable on 58 mm paper (384 dots at 203 dpi); same type sizes as 80 mm, the lines wrap sooner.
    margin: { top: 4 * MM, right: 5 * MM, bottom: 6 * MM, left: 5 * MM },
    fontScale: 8 / 12,
    lengthScale: 0.55,
    lineFactor: 1.25,
    compact: true,
  },
};

/** The layout name templates know: both rolls are '80mm' to them (the contract and templates stay 'a4' | '80mm'). */
function templateLayout(layout: FormLayout): 'a4' | '80mm' {
  return layout === 'a4' ? 'a4' : '80mm';
}

/** Page width and margins (points) of a layout: the thermal renderer draws the printable width at the printer's dots. */
export function pageFrame(layout: FormLayout): { width: number; margin: Geometry['margin']; fontScale: number; lengthScale: number; lineFactor: number } {
  const g = GEOMETRY[layout];
  return { width: g.width, margin: { ...g.margin }, fontScale: g.fontScale, lengthScale: g.lengthScale, lineFactor: g.lineFactor };
}

/**
 * Default size (A4 points) and space before (A4 mm) per block type. Official forms set 13 pt Times New Roman;
 * DejaVu Serif has a much larger x-height (0.52 em against 0.45), so 12 pt here reads as large as 13 pt Times
 * and keeps an ordinary receipt on one page.
 */
const DEFAULTS: Record<Block['type'], { size: number; space: number }> = {
  header: { size: 11.5, space: 0 },
  title: { size: 13.5, space: 6 },
  paragraph: { size: 12, space: 0.8 },
  fields: { size: 12, space: 0.8 },
  table: { size: 11, space: 2 },
  qr: { size: 10, space: 3 },
  signatures: { size: 12, space: 3 },
  spacer: { size: 12, space: 0 },
  rule: { size: 12, space: 2 },
};
const FOOTER_SIZE = 9;
const QR_SIZE_MM = { a4: 26, compact: 30 };
const SIGNATURE_SPACE_MM = 20;
const LINE_WIDTH = 0.6;

type Align = 'left' | 'center' | 'right';

/** Text operations for one line whose top is at `top`. */
export function lineOps(line: Line, x: number, width: number, align: Align, size: number, top: number, m: FontMetrics, lineFactor: number): Op[] {
  const lh = size * lineFactor;
  const baseline = top + (lh - (m.ascent + m.descent) * size) / 2 + m.ascent * size;
  let cx = align === 'left' ? x : align === 'center' ? x + (width - line.width) / 2 : x + width - line.width;
  const ops: Op[] = [];
  for (const run of line.runs) {
    ops.push({ kind: 'text', x: cx, y: baseline, text: run.text, font: run.font, size });
    cx += m.measure(run.text, run.font, size);
  }
  return ops;
}

/** A vertical stack of lines and rules inside one column. */
type ColumnItem = { kind: 'text'; line: Line; size: number } | { kind: 'rule'; width: number };

class Flow {
  readonly pages: LaidOutPage[] = [{ height: 0, ops: [] }];
  y: number;
  /** A box floated at the right (a QR code) that text beside it must leave room for. */
  float: { bottom: number; width: number } | null = null;

  constructor(
    readonly g: Geometry,
    readonly metrics: FontMetrics,
  ) {
    this.y = g.margin.top;
  }

  get left(): number {
    return this.g.margin.left;
  }
  get contentWidth(): number {
    return this.g.width - this.g.margin.left - this.g.margin.right;
  }
  get bottom(): number {
    return this.g.height === null ? Number.POSITIVE_INFINITY : this.g.height - this.g.margin.bottom;
  }
  get atTop(): boolean {
    return this.y <= this.g.margin.top + 0.01;
  }
  room(): number {
    return this.bottom - this.y;
  }
  lineHeight(size: number): number {
    return size * this.g.lineFactor;
  }
  mm(value: number): number {
    return value * MM * this.g.lengthScale;
  }

  newPage(): void {
    this.pages.push({ height: 0, ops: [] });
    this.y = this.g.margin.top;
    this.float = null;
  }
  /** Width for line `i` of text whose first line starts at `top`: narrower beside a float. */
  widthAt(top: number, lh: number): (i: number) => number {
    const float = this.float;
    return (i) => (float && top + i * lh < float.bottom ? this.contentWidth - float.width : this.contentWidth);
  }
  /** Move below a float: blocks that need the full width (tables, titles …) start under it. */
  clearFloat(): void {
    if (this.float) this.y = Math.max(this.y, this.float.bottom);
    this.float = null;
  }
  /** Start a new page unless `height` fits here (or we are already at the top of a page). */
  need(height: number): void {
    if (height > this.room() && !this.atTop) this.newPage();
  }
  /** Vertical space that does not carry over to the top of a new page. */
  space(height: number): void {
    if (this.atTop) return;
    this.y = Math.min(this.y + height, this.bottom);
  }
  add(op: Op): void {
    this.pages[this.pages.length - 1]!.ops.push(op);
  }

  /** Draw one line of text with its top at `top`; returns the line height. */
  drawLine(line: Line, x: number, width: number, align: Align, size: number, top: number): number {
    for (const op of lineOps(line, x, width, align, size, top, this.metrics, this.g.lineFactor)) this.add(op);
    return this.lineHeight(size);
  }

  hLine(x1: number, x2: number, y: number, dashed = false, width = LINE_WIDTH): void {
    this.add({ kind: 'line', x1, y1: y, x2, y2: y, width, dashed });
  }
  vLine(x: number, y1: number, y2: number): void {
    this.add({ kind: 'line', x1: x, y1, x2: x, y2, width: LINE_WIDTH, dashed: false });
  }
}

export interface LayoutInput {
  template: FormTemplate;
  context: FormContext;
  /** Computed values beside the context (lookupTarget). */
  computed: Record<string, unknown>;
  layout: FormLayout;
  metrics: FontMetrics;
  /** A reprint: the mark across the top (roll: above the content; A4: in the top margin of every page). */
  reprint?: { at: string } | undefined;
}

/** Reprint mark sizes in A4 points (scaled like the rest of the layout). */
const REPRINT_SIZE = { title: 13, note: 8 };
const REPRINT_FRAME = 1.2;

/**
 * The reprint mark: a framed box as wide as `width` with "BẢN IN LẠI — <time>" (bold, wrapped if it must be) and a
 * small "REPRINT" under it. Returns its operations and height.
 */
export function reprintMarkOps(
  at: string,
  x: number,
  width: number,
  top: number,
  scale: { fontScale: number; lengthScale: number; lineFactor: number },
  metrics: FontMetrics,
): { ops: Op[]; height: number } {
  const labels = reprintLabels(at);
  const pad = 2 * MM * scale.lengthScale;
  const titleSize = REPRINT_SIZE.title * scale.fontScale;
  const noteSize = REPRINT_SIZE.note * scale.fontScale;
  const inner = width - 2 * pad;
  const ops: Op[] = [];
  let y = top + pad;
  // A narrow roll wraps the title, never inside the time.
  const cut = labels.title.indexOf(labels.time);
  const title: Span[] =
    cut < 0 || labels.time === ''
      ? [{ text: labels.title, font: 'bold' }]
      : [
          { text: labels.title.slice(0, cut), font: 'bold' },
          { text: labels.time, font: 'bold', keep: true },
          { text: labels.title.slice(cut + labels.time.length), font: 'bold' },
        ];
  for (const line of wrapSpans(title, inner, titleSize, metrics.measure)) {
    ops.push(...lineOps(line, x + pad, inner, 'center', titleSize, y, metrics, scale.lineFactor));
    y += titleSize * scale.lineFactor;
  }
  for (const line of wrapSpans([{ text: labels.note, font: 'regular' }], inner, noteSize, metrics.measure)) {
    ops.push(...lineOps(line, x + pad, inner, 'center', noteSize, y, metrics, scale.lineFactor));
    y += noteSize * scale.lineFactor;
  }
  const bottom = y + pad * 0.6;
  const half = REPRINT_FRAME / 2;
  const frame = (x1: number, y1: number, x2: number, y2: number): Op => ({ kind: 'line', x1, y1, x2, y2, width: REPRINT_FRAME, dashed: false });
  ops.push(
    frame(x, top + half, x + width, top + half),
    frame(x, bottom - half, x + width, bottom - half),
    frame(x + half, top, x + half, bottom),
    frame(x + width - half, top, x + width - half, bottom),
  );
  return { ops, height: bottom - top };
}

export function layoutForm(input: LayoutInput): LaidOutDocument {
  const g = GEOMETRY[input.layout];
  const flow = new Flow(g, input.metrics);
  const named = templateLayout(input.layout);
  if (input.reprint && g.height === null) {
    // On the roll the mark is the first thing out of the printer, above the letterhead.
    const mark = reprintMarkOps(input.reprint.at, flow.left, flow.contentWidth, flow.y, g, input.metrics);
    for (const op of mark.ops) flow.add(op);
    flow.y += mark.height + flow.mm(3);
  }
  const scopes: Scopes = [input.computed, input.context as unknown as Record<string, unknown>];
  const wrap: Wrap = (spans, width, size) => wrapSpans(spans, width, size, input.metrics.measure);
  const balanced: Wrap = (spans, width, size) =>
    typeof width === 'number' ? wrapBalanced(spans, width, size, input.metrics.measure) : wrap(spans, width, size);

  for (const block of input.template.blocks) {
    if (block.layouts && !block.layouts.includes(named)) continue;
    if (!evaluateCondition(block.when, scopes)) continue;
    const size = (block.size ?? DEFAULTS[block.type].size) * g.fontScale;
    if (block.type !== 'paragraph' && block.type !== 'fields' && block.type !== 'spacer') flow.clearFloat();
    flow.space(flow.mm(block.spaceBefore ?? DEFAULTS[block.type].space));
    switch (block.type) {
      case 'header':
        layoutHeader(flow, block, scopes, size, balanced);
        break;
      case 'title': {
        const items: ColumnItem[] = [];
        for (const line of balanced(evaluateText(block.text, scopes, { bold: true, italic: false }), flow.contentWidth, size))
          items.push({ kind: 'text', line, size });
        const subSize = size * (DEFAULTS.paragraph.size / DEFAULTS.title.size);
        for (const s of block.subtitle ?? []) {
          for (const line of wrap(evaluateText(s, scopes), flow.contentWidth, subSize)) items.push({ kind: 'text', line, size: subSize });
        }
        // Keep the title with the first lines that follow it.
        flow.need(columnHeight(flow, items) + 3 * flow.lineHeight(DEFAULTS.paragraph.size * g.fontScale));
        flow.y += drawColumn(flow, items, flow.left, flow.contentWidth, 'center', flow.y);
        break;
      }
      case 'paragraph': {
        const base = { bold: block.style === 'bold', italic: block.style === 'italic' };
        const indent = (block.indent ?? 0) * MM * g.lengthScale;
        const available = flow.widthAt(flow.y, flow.lineHeight(size));
        const width = (i: number): number => available(i) - (i === 0 ? indent : 0);
        const lines = wrap(evaluateText(block.text, scopes, base), width, size);
        const align = block.align ?? 'left';
        lines.forEach((line, i) => {
          flow.need(flow.lineHeight(size));
          const x = flow.left + (i === 0 ? indent : 0);
          flow.y += flow.drawLine(line, x, width(i), align, size, flow.y);
        });
        break;
      }
      case 'fields':
        layoutFields(flow, block, scopes, size, wrap);
        break;
      case 'table':
        layoutTable(flow, block, scopes, size, wrap, named);
        break;
      case 'qr':
        layoutQr(flow, block, scopes, size, wrap);
        break;
      case 'signatures':
        layoutSignatures(flow, block, scopes, size, balanced);
        break;
      case 'spacer':
        // Unlike spaceBefore, an explicit spacer counts at the top of a page too (room for a letterhead).
        flow.y = Math.min(flow.y + flow.mm(block.height), flow.bottom);
        break;
      case 'rule': {
        const h = flow.mm(2);
        flow.need(h);
        flow.hLine(flow.left, flow.left + flow.contentWidth, flow.y + h / 2, block.dashed ?? false);
        flow.y += h;
        break;
      }
    }
  }

  flow.clearFloat();
  if (g.height === null) {
    flow.pages[0]!.height = Math.max(flow.y + g.margin.bottom, 40 * MM);
  } else {
    for (const p of flow.pages) p.height = g.height;
    addFooters(flow, input, scopes, wrap);
    if (input.reprint) {
      // Each sheet may leave the stack alone: every page carries the mark, in its top margin (the text does not move).
      const width = g.width - g.margin.left - g.margin.right;
      for (const page of flow.pages) {
        const probe = reprintMarkOps(input.reprint.at, g.margin.left, width, 0, g, input.metrics);
        const top = Math.max(4 * MM, (g.margin.top - probe.height) / 2);
        page.ops.push(...reprintMarkOps(input.reprint.at, g.margin.left, width, top, g, input.metrics).ops);
      }
    }
  }
  return { width: g.width, pages: flow.pages };
}

type Wrap = (spans: Span[], width: number | ((lineIndex: number) => number), size: number) => Line[];

function columnHeight(flow: Flow, items: readonly ColumnItem[]): number {
  return items.reduce((h, it) => h + (it.kind === 'text' ? flow.lineHeight(it.size) : ruleHeight(flow)), 0);
}

function ruleHeight(flow: Flow): number {
  return flow.lineHeight(DEFAULTS.paragraph.size * flow.g.fontScale) * 0.45;
}

/** Draw a column of items from `top`; returns its height. */
function drawColumn(
  flow: Flow,
  items: readonly ColumnItem[],
  x: number,
  width: number,
  align: Align,
  top: number,
): number {
  let y = top;
  for (const it of items) {
    if (it.kind === 'text') y += flow.drawLine(it.line, x, width, align, it.size, y);
    else {
      const h = ruleHeight(flow);
      const rx = align === 'center' ? x + (width - it.width) / 2 : align === 'right' ? x + width - it.width : x;
      flow.hLine(rx, rx + it.width, y + h * 0.45, false, 0.5);
      y += h;
    }
  }
  return y - top;
}

/** Header column strings: '---' is a rule as wide as the line above, '--' a short rule; empty lines vanish. */
function headerColumn(strings: readonly string[], scopes: Scopes, width: number, size: number, wrap: Wrap): ColumnItem[] {
  const items: ColumnItem[] = [];
  for (const s of strings) {
    const trimmed = s.trim();
    if (trimmed === '---' || trimmed === '--') {
      const above = [...items].reverse().find((i) => i.kind === 'text');
      const aboveWidth = above?.kind === 'text' ? above.line.width : width / 3;
      items.push({ kind: 'rule', width: trimmed === '---' ? aboveWidth : Math.min(aboveWidth, width / 3) });
      continue;
    }
    const spans = evaluateText(s, scopes);
    if (plainText(spans).trim() === '') continue;
    for (const line of wrap(spans, width, size)) items.push({ kind: 'text', line, size });
  }
  return items;
}

function layoutHeader(flow: Flow, b: HeaderBlock, scopes: Scopes, size: number, wrap: Wrap): void {
  const w = flow.contentWidth;
  if (flow.g.compact) {
    // Thermal paper is too narrow for two columns: stack them, both centred.
    const left = headerColumn(b.left, scopes, w, size, wrap);
    const right = headerColumn(b.right, scopes, w, size, wrap);
    const gap = flow.mm(2);
    flow.need(columnHeight(flow, left) + gap + columnHeight(flow, right));
    flow.y += drawColumn(flow, left, flow.left, w, 'center', flow.y);
    if (left.length > 0 && right.length > 0) flow.y += gap;
    flow.y += drawColumn(flow, right, flow.left, w, 'center', flow.y);
    return;
  }
  const leftWidth = w * (b.leftWidth ?? 0.44);
  const gutter = 3 * MM;
  const left = headerColumn(b.left, scopes, leftWidth - gutter / 2, size, wrap);
  const right = headerColumn(b.right, scopes, w - leftWidth - gutter / 2, size, wrap);
  const height = Math.max(columnHeight(flow, left), columnHeight(flow, right));
  flow.need(height);
  drawColumn(flow, left, flow.left, leftWidth - gutter / 2, 'center', flow.y);
  drawColumn(flow, right, flow.left + leftWidth + gutter / 2, w - leftWidth - gutter / 2, 'center', flow.y);
  flow.y += height;
}

function layoutFields(flow: Flow, b: FieldsBlock, scopes: Scopes, size: number, wrap: Wrap): void {
  const w = flow.contentWidth;
  const gap = 2 * MM * flow.g.lengthScale;
  const labelWidth = w * (b.labelWidth ?? (flow.g.compact ? 0.38 : 0.3));
  const lh = flow.lineHeight(size);
  for (const row of b.rows) {
    if (!evaluateCondition(row.when, scopes)) continue;
    const value = evaluateText(row.value, scopes);
    if ((b.skipEmpty ?? true) && plainText(value).trim() === '') continue;
    const labelLines = wrap(evaluateText(row.label, scopes), labelWidth, size);
    const available = flow.widthAt(flow.y, lh);
    const valueWidth = (i: number): number => available(i) - labelWidth - gap;
    const valueLines = wrap(value, valueWidth, size);
    flow.need(Math.max(labelLines.length, valueLines.length) * lh);
    const top = flow.y;
    labelLines.forEach((l, i) => flow.drawLine(l, flow.left, labelWidth, 'left', size, top + i * lh));
    valueLines.forEach((l, i) => flow.drawLine(l, flow.left + labelWidth + gap, valueWidth(i), 'left', size, top + i * lh));
    flow.y = top + Math.max(labelLines.length, valueLines.length, 1) * lh;
  }
}

function longestWord(spans: readonly Span[], size: number, measure: Measure): number {
  let longest = 0;
  for (const s of spans) for (const word of s.text.split(/\s+/)) longest = Math.max(longest, measure(word, s.font, size));
  return longest;
}

/** Share `total` by the weights, but give every column at least its minimum (taken from the others). */
export function columnWidths(weights: readonly number[], minimums: readonly number[], total: number): number[] {
  const fixed = new Set<number>();
  for (;;) {
    const fixedWidth = [...fixed].reduce((s, i) => s + minimums[i]!, 0);
    const freeWeight = weights.reduce((s, w, i) => (fixed.has(i) ? s : s + w), 0);
    const widths = weights.map((w, i) => (fixed.has(i) ? minimums[i]! : ((total - fixedWidth) * w) / freeWeight));
    const short = widths.findIndex((w, i) => !fixed.has(i) && w < minimums[i]!);
    if (short < 0 || fixed.size === weights.length - 1) return widths;
    fixed.add(short);
  }
}

interface Cell {
  lines: Line[];
  align: Align;
}

function layoutTable(flow: Flow, b: TableBlock, scopes: Scopes, size: number, wrap: Wrap, layout: 'a4' | '80mm'): void {
  const source = lookup(scopes, b.source);
  const items = Array.isArray(source) ? (source as unknown[]) : [];
  if (items.length === 0) {
    if (b.empty === undefined) return;
    const lines = wrap(evaluateText(b.empty, scopes, { bold: false, italic: true }), flow.contentWidth, size);
    for (const line of lines) {
      flow.need(flow.lineHeight(size));
      flow.y += flow.drawLine(line, flow.left, flow.contentWidth, 'left', size, flow.y);
    }
    return;
  }
  const columns = b.columns.filter((c) => !c.layouts || c.layouts.includes(layout));
  const padX = 1.5 * MM * flow.g.lengthScale;
  const padY = 0.8 * MM * flow.g.lengthScale;
  const headerSpans = columns.map((c) => evaluateText(c.header, scopes, { bold: true, italic: false }));
  const widths = columnWidths(
    columns.map((c) => c.width),
    // A header word is never cut ('TT' must not become 'T/T' on thermal paper).
    headerSpans.map((spans) => longestWord(spans, size, flow.metrics.measure) + 2 * padX),
    flow.contentWidth,
  );
  const xs: number[] = [flow.left];
  for (const w of widths) xs.push(xs[xs.length - 1]! + w);
  const lh = flow.lineHeight(size);
  const cellWidth = (i: number): number => xs[i + 1]! - xs[i]! - 2 * padX;

  const header: Cell[] = columns.map((_, i) => ({
    lines: wrap(headerSpans[i]!, cellWidth(i), size),
    align: 'center',
  }));
  const rowHeight = (cells: readonly Cell[]): number => Math.max(1, ...cells.map((c) => c.lines.length)) * lh + 2 * padY;

  const drawRow = (cells: readonly Cell[], withTop: boolean): void => {
    const h = rowHeight(cells);
    const top = flow.y;
    if (withTop) flow.hLine(xs[0]!, xs[xs.length - 1]!, top);
    cells.forEach((cell, i) =>
      cell.lines.forEach((l, j) => flow.drawLine(l, xs[i]! + padX, cellWidth(i), cell.align, size, top + padY + j * lh)),
    );
    flow.hLine(xs[0]!, xs[xs.length - 1]!, top + h);
    for (const x of xs) flow.vLine(x, top, top + h);
    flow.y = top + h;
  };

  const rows: Cell[][] = items.map((item, index) => {
    const rowScopes: Scopes = [{ ...(item as Record<string, unknown>), '#': index + 1 }, ...scopes];
    return columns.map((c, i) => ({ lines: wrap(evaluateText(c.value, rowScopes), cellWidth(i), size), align: c.align ?? 'left' }));
  });

  // Never leave a header alone at the foot of a page.
  flow.need(rowHeight(header) + rowHeight(rows[0]!));
  drawRow(header, true);
  for (let r = 0; r < rows.length; r++) {
    let cells = rows[r]!;
    while (rowHeight(cells) > flow.room()) {
      const fits = Math.floor((flow.room() - 2 * padY) / lh);
      const freshPage = flow.y <= flow.g.margin.top + rowHeight(header) + 0.01;
      if (!freshPage || fits < 1) {
        flow.newPage();
        drawRow(header, true);
        continue;
      }
      // A row taller than a whole page: print what fits, continue on the next page.
      drawRow(cells.map((c) => ({ ...c, lines: c.lines.slice(0, fits) })), false);
      cells = cells.map((c) => ({ ...c, lines: c.lines.slice(fits) }));
      flow.newPage();
      drawRow(header, true);
    }
    drawRow(cells, false);
  }
}

function layoutQr(flow: Flow, b: QrBlock, scopes: Scopes, size: number, wrap: Wrap): void {
  const content = plainText(evaluateText(b.content ?? DEFAULT_QR_CONTENT, scopes)).trim();
  const matrix = qrMatrix(content);
  const modules = matrix.size + 2 * QUIET_ZONE;
  const side = (flow.g.compact ? (b.compactQrSize ?? QR_SIZE_MM.compact) : (b.qrSize ?? QR_SIZE_MM.a4)) * MM;
  const path = qrSvgPath(matrix);
  const w = flow.contentWidth;
  const align = b.align ?? (flow.g.compact ? 'center' : 'left');
  const beside = !flow.g.compact && !b.float && align !== 'center' && (b.caption?.length ?? 0) > 0;
  const captionWidth = b.float && !flow.g.compact ? side + 8 * MM : beside ? w - side - 2 * MM : w;
  const caption: ColumnItem[] = [];
  for (const s of b.caption ?? []) {
    const spans = evaluateText(s, scopes);
    if (plainText(spans).trim() === '') continue;
    for (const line of wrap(spans, captionWidth, size)) caption.push({ kind: 'text', line, size });
  }
  const captionHeight = columnHeight(flow, caption);
  if (b.float && !flow.g.compact) {
    // Floated at the right margin; the following paragraphs wrap beside it.
    const boxWidth = Math.max(side, ...caption.map((c) => (c.kind === 'text' ? c.line.width : 0)));
    flow.need(side + captionHeight);
    const boxX = flow.left + w - boxWidth;
    flow.add({ kind: 'qr', x: boxX + (boxWidth - side) / 2, y: flow.y, side, modules, path });
    drawColumn(flow, caption, boxX, boxWidth, 'center', flow.y + side);
    flow.float = { bottom: flow.y + side + captionHeight, width: boxWidth + 3 * MM };
    return;
  }
  if (beside) {
    const height = Math.max(side, captionHeight);
    flow.need(height);
    const top = flow.y;
    const qrX = align === 'left' ? flow.left : flow.left + w - side;
    const textX = align === 'left' ? flow.left + side + 2 * MM : flow.left;
    flow.add({ kind: 'qr', x: qrX, y: top + (height - side) / 2, side, modules, path });
    drawColumn(flow, caption, textX, captionWidth, 'left', top + (height - captionHeight) / 2);
    flow.y = top + height;
    return;
  }
  flow.need(side + captionHeight);
  const qrX = align === 'left' ? flow.left : align === 'right' ? flow.left + w - side : flow.left + (w - side) / 2;
  flow.add({ kind: 'qr', x: qrX, y: flow.y, side, modules, path });
  flow.y += side;
  flow.y += drawColumn(flow, caption, flow.left, w, align, flow.y);
}

function layoutSignatures(flow: Flow, b: SignaturesBlock, scopes: Scopes, size: number, wrap: Wrap): void {
  const w = flow.contentWidth / b.columns.length;
  const space = (b.space ?? SIGNATURE_SPACE_MM) * MM * (flow.g.compact ? 0.6 : 1);
  const columns = b.columns.map((c) => {
    const part = (src: string | undefined, bold: boolean, italic: boolean): ColumnItem[] =>
      src === undefined
        ? []
        : wrap(evaluateText(src, scopes, { bold, italic }), w - 2 * MM, size).map((line) => ({ kind: 'text', line, size }));
    return { head: [...part(c.title, true, false), ...part(c.note, false, true)], name: part(c.name, true, false) };
  });
  // Names on one line across columns, however many lines each title takes.
  const headHeight = Math.max(...columns.map((c) => columnHeight(flow, c.head)));
  const height = headHeight + space + Math.max(...columns.map((c) => columnHeight(flow, c.name)));
  flow.need(height);
  const top = flow.y;
  columns.forEach((c, i) => {
    const x = flow.left + i * w;
    drawColumn(flow, c.head, x, w, 'center', top);
    drawColumn(flow, c.name, x, w, 'center', top + headHeight + space);
  });
  flow.y = top + height;
}

/** Page footers (A4, only when the form runs over one page): the template's footer with {{page}}/{{pages}}. */
function addFooters(flow: Flow, input: LayoutInput, scopes: Scopes, wrap: Wrap): void {
  const footer = input.template.footer;
  if (!footer || flow.pages.length < 2) return;
  const size = FOOTER_SIZE * flow.g.fontScale;
  const g = flow.g;
  const width = g.width - g.margin.left - g.margin.right;
  flow.pages.forEach((page, i) => {
    const spans = evaluateText(footer, [{ page: i + 1, pages: flow.pages.length }, ...scopes], { bold: false, italic: true });
    const line = wrap(spans, width, size)[0];
    if (!line) return;
    const top = (g.height ?? 0) - g.margin.bottom + (g.margin.bottom - flow.lineHeight(size)) / 2;
    page.ops.push(...lineOps(line, g.margin.left, width, 'center', size, top, flow.metrics, g.lineFactor));
  });
}
