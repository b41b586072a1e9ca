/**
 * A small flowing layout on pdf-lib for the report: A4 portrait pages, a cursor running down them, wrapped
 * paragraphs, images, and tables that break across pages with their header drawn again on each page.
 */
import { rgb, type PDFDocument, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { cellText, kindOf, type Table } from './report-tables';

export const A4: [number, number] = [595.28, 841.89];
const MARGIN = 40;
const BOTTOM = 48; // room for the page number
const GREY = rgb(0.35, 0.35, 0.35);
const LINE = rgb(0.55, 0.55, 0.55);
const HEAD = rgb(0.91, 0.92, 0.96);
const BLACK = rgb(0, 0, 0);

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

/** Lines of `text` no wider than `width` (words kept whole unless one alone is too wide). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) <= width) {
        line = next;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      // A word wider than the column is cut where it overflows.
      while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

export class Flow {
  page: PDFPage;
  y: number;
  readonly width = A4[0] - 2 * MARGIN;
  readonly left = MARGIN;

  constructor(readonly doc: PDFDocument, readonly fonts: Fonts) {
    this.page = doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.y - height < BOTTOM) this.newPage();
  }

  text(text: string, o: { size?: number; font?: PDFFont; align?: 'left' | 'center'; gap?: number; color?: ReturnType<typeof rgb> } = {}): void {
    const size = o.size ?? 10;
    const font = o.font ?? this.fonts.regular;
    const lead = size * 1.3;
    for (const line of wrap(text, font, size, this.width)) {
      this.ensure(lead);
      const x = o.align === 'center' ? this.left + (this.width - font.widthOfTextAtSize(line, size)) / 2 : this.left;
      this.page.drawText(line, { x, y: this.y - size, size, font, color: o.color ?? BLACK });
      this.y -= lead;
    }
    this.y -= o.gap ?? 0;
  }

  image(img: PDFImage, width: number, height: number): void {
    this.ensure(height + 6);
    this.page.drawImage(img, { x: this.left + (this.width - width) / 2, y: this.y - height, width, height });
    this.y -= height + 6;
  }

  /** A table across the text width: header repeated on every page it runs onto, rows never split. */
  table(table: Table, o: { size?: number } = {}): void {
    const size = o.size ?? (table.columns.length > 8 ? 7 : 8.5);
    const lead = size * 1.25;
    const pad = 2.5;
    const total = table.columns.reduce((s, c) => s + c.width, 0);
    const widths = table.columns.map((c) => (c.width / total) * this.width);
    const xs = widths.reduce<number[]>((acc, w, i) => [...acc, acc[i]! + w], [this.left]);
    const { regular, bold } = this.fonts;
    const grouped = table.columns.some((c) => c.group);

    // Header cells: [col from, col to, row 0|1, rows spanned, text].
    const heads: [number, number, number, number, string][] = [];
    table.columns.forEach((c, i) => {
      if (!grouped) heads.push([i, i, 0, 1, c.header]);
      else if (!c.group) heads.push([i, i, 0, 2, c.header]);
      else {
        heads.push([i, i, 1, 1, c.header]);
        if (table.columns[i - 1]?.group !== c.group) {
          let j = i;
          while (table.columns[j + 1]?.group === c.group) j++;
          heads.push([i, j, 0, 1, c.group]);
        }
      }
    });
    const cellWidth = (a: number, b: number) => xs[b + 1]! - xs[a]! - 2 * pad;
    const headLines = heads.map(([a, b, , , text]) => wrap(text, bold, size, cellWidth(a, b)));
    const rowsOf = grouped ? 2 : 1;
    const headHeights = Array.from({ length: rowsOf }, (_, r) => Math.max(...heads.map((h, k) => (h[2] === r && h[3] === 1 ? headLines[k]!.length : 1))) * lead + 2 * pad);
    // A header cell spanning both rows may need more than the two rows give.
    heads.forEach((h, k) => {
      if (h[3] === 2) {
        const need = headLines[k]!.length * lead + 2 * pad;
        const have = headHeights[0]! + headHeights[1]!;
        if (need > have) headHeights[1] = headHeights[1]! + need - have;
      }
    });
    const headHeight = headHeights.reduce((s, h) => s + h, 0);

    const drawHeader = () => {
      const top = this.y;
      heads.forEach(([a, b, r, span, text], k) => {
        const y0 = top - (r === 0 ? 0 : headHeights[0]!);
        const h = span === 2 ? headHeight : headHeights[r]!;
        this.page.drawRectangle({ x: xs[a]!, y: y0 - h, width: xs[b + 1]! - xs[a]!, height: h, color: HEAD, borderColor: LINE, borderWidth: 0.5 });
        const lines = headLines[k]!;
        let ly = y0 - (h - lines.length * lead) / 2 - size;
        for (const line of lines) {
          const w = bold.widthOfTextAtSize(line, size);
          this.page.drawText(line, { x: xs[a]! + (xs[b + 1]! - xs[a]! - w) / 2, y: ly, size, font: bold, color: BLACK });
          ly -= lead;
        }
        void text;
      });
      this.y = top - headHeight;
    };

    this.ensure(headHeight + lead + 2 * pad);
    drawHeader();
    table.rows.forEach((row, ri) => {
      const cells = row.map((v, ci) => {
        const kind = kindOf(table, ri, ci);
        const text = cellText(v, kind);
        return { kind, lines: kind === 'text' ? wrap(text, regular, size, widths[ci]! - 2 * pad) : [text] };
      });
      const h = Math.max(...cells.map((c) => c.lines.length)) * lead + 2 * pad;
      if (this.y - h < BOTTOM) {
        this.newPage();
        drawHeader();
      }
      cells.forEach((cell, ci) => {
        this.page.drawRectangle({ x: xs[ci]!, y: this.y - h, width: widths[ci]!, height: h, borderColor: LINE, borderWidth: 0.5 });
        let ly = this.y - pad - size * 0.95;
        for (const line of cell.lines) {
          const w = regular.widthOfTextAtSize(line, size);
          const x = cell.kind === 'text' ? xs[ci]! + pad : xs[ci + 1]! - pad - w;
          this.page.drawText(line, { x, y: ly, size, font: regular, color: BLACK });
          ly -= lead;
        }
      });
      this.y -= h;
    });
    this.y -= 10;
  }

  /** "Trang x/y" at the foot of every page, once the page count is known. */
  numberPages(text: (page: number, pages: number) => string): void {
    const pages = this.doc.getPages();
    const size = 8;
    pages.forEach((p, i) => {
      const s = text(i + 1, pages.length);
      const w = this.fonts.regular.widthOfTextAtSize(s, size);
      p.drawText(s, { x: (A4[0] - w) / 2, y: 24, size, font: this.fonts.regular, color: GREY });
    });
  }
}
