/**
 * A laid-out document (the forms engine's ops) drawn to a 1-bit raster at the printer's dots: text as the glyph
 * outlines of the same DejaVu fonts the PDF embeds (fontkit layout → glyph paths), lines and QR modules as SVG,
 * the SVG rasterised by sharp (librsvg) and thresholded. QR modules are snapped to whole dots so they stay square.
 */
import sharp from 'sharp';
import type { FontKey } from '../../../domain/forms/evaluate';
import type { LaidOutDocument, Op } from '../../../domain/forms/layout';
import type { FontSet, LoadedFont } from '../../../domain/forms/resources';
import type { Raster } from '../../../domain/printing/types';

/** The part of the page that is printed: `left` and `width` in points, drawn `dots` wide. */
export interface RasterFrame {
  left: number;
  width: number;
  dots: number;
}

/** Glyph outlines as SVG path data (font units), per font, by glyph id: computed once per process. */
const outlines = new WeakMap<LoadedFont, Map<number, string>>();

function outlineOf(font: LoadedFont, glyph: { id: number; path: { toSVG(): string } }): string {
  let byId = outlines.get(font);
  if (!byId) {
    byId = new Map();
    outlines.set(font, byId);
  }
  let d = byId.get(glyph.id);
  if (d === undefined) {
    d = glyph.path.toSVG();
    byId.set(glyph.id, d);
  }
  return d;
}

const PREFIX: Record<FontKey, string> = { regular: 'r', bold: 'b', italic: 'i' };
const n = (v: number): string => (Math.round(v * 100) / 100).toString();
const fine = (v: number): string => (Math.round(v * 1e6) / 1e6).toString();

/** Mid-grey and darker is a black dot. */
const THRESHOLD = 128;
/** A rule thinner than this many dots would break up after thresholding. */
const MIN_STROKE_DOTS = 1.5;

export function documentSvg(
  doc: LaidOutDocument,
  fonts: FontSet,
  frame: RasterFrame,
): { svg: string; width: number; height: number; window: (from: number, rows: number) => string } {
  const s = frame.dots / frame.width;
  const total = doc.pages.reduce((h, p) => h + p.height, 0);
  const width = frame.dots;
  const height = Math.max(1, Math.ceil(total * s));
  const defs = new Map<string, string>();
  const body: string[] = [];
  const qrs: string[] = [];
  let offset = 0;
  for (const page of doc.pages) {
    for (const op of page.ops) drawOp(op, offset);
    offset += page.height;
  }

  function drawOp(op: Op, dy: number): void {
    if (op.kind === 'text') {
      const font = fonts[op.font];
      const f = font.font;
      const k = op.size / f.unitsPerEm;
      const run = f.layout(op.text);
      let x = op.x;
      run.glyphs.forEach((g, i) => {
        const pos = run.positions[i];
        const d = outlineOf(font, g);
        if (d !== '') {
          const id = `${PREFIX[op.font]}${g.id}`;
          if (!defs.has(id)) defs.set(id, `<path id="${id}" d="${d}"/>`);
          const gx = x + (pos?.xOffset ?? 0) * k;
          const gy = op.y + dy - (pos?.yOffset ?? 0) * k;
          body.push(`<use xlink:href="#${id}" transform="matrix(${fine(k)} 0 0 ${fine(-k)} ${n(gx)} ${n(gy)})"/>`);
        }
        // Advance widths, as pdf-lib draws and the layout measured.
        x += g.advanceWidth * k;
      });
    } else if (op.kind === 'line') {
      const w = Math.max(op.width, MIN_STROKE_DOTS / s);
      body.push(
        `<line x1="${n(op.x1)}" y1="${n(op.y1 + dy)}" x2="${n(op.x2)}" y2="${n(op.y2 + dy)}" stroke-width="${n(w)}"${op.dashed ? ' stroke-dasharray="2 2"' : ''}/>`,
      );
    } else {
      // Whole dots per module, the symbol centred where the layout put it.
      const module = Math.max(1, Math.floor((op.side * s) / op.modules + 1e-6));
      const px = module * op.modules;
      const x = Math.round((op.x - frame.left) * s + (op.side * s - px) / 2);
      const y = Math.round((op.y + dy) * s + (op.side * s - px) / 2);
      qrs.push(`<path shape-rendering="crispEdges" transform="matrix(${module} 0 0 ${module} ${x} ${y})" d="${op.path}"/>`);
    }
  }

  const defsXml = `<defs>${[...defs.values()].join('')}</defs>`;
  const content =
    `<g fill="#000" stroke="#000" transform="matrix(${fine(s)} 0 0 ${fine(s)} ${fine(-frame.left * s)} 0)"><g stroke="none">${body.filter((b) => b.startsWith('<use')).join('')}</g>` +
    `<g fill="none">${body.filter((b) => b.startsWith('<line')).join('')}</g></g>` +
    `<g fill="#000">${qrs.join('')}</g>`;
  /** Rows [from, from + rows) of the drawing as one SVG. */
  const window = (from: number, rows: number): string =>
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${rows}" viewBox="0 0 ${width} ${rows}">` +
    `<rect width="${width}" height="${rows}" fill="#fff"/>${defsXml}<g transform="translate(0 ${-from})">${content}</g></svg>`;
  return { svg: window(0, height), width, height, window };
}

/** Cairo draws at most 32767 rows at once: a longer strip (a long handover list) is drawn in windows. */
const MAX_WINDOW_ROWS = 16_000;

/** Draw `doc` (pages stacked, as on a roll) across `frame` at frame.dots per line, 1 bit per dot. */
export async function drawRaster(doc: LaidOutDocument, fonts: FontSet, frame: RasterFrame): Promise<Raster> {
  if (frame.dots % 8 !== 0) throw new Error(`raster width ${frame.dots} is not a multiple of 8`);
  const { svg, width, height, window } = documentSvg(doc, fonts, frame);
  if (height <= MAX_WINDOW_ROWS) return packBits(await rasterise(svg, width, height), width, height);
  const bits = new Uint8Array((width / 8) * height);
  for (let from = 0; from < height; from += MAX_WINDOW_ROWS) {
    const rows = Math.min(MAX_WINDOW_ROWS, height - from);
    bits.set(packBits(await rasterise(window(from, rows), width, rows), width, rows).bits, (width / 8) * from);
  }
  return { width, height, bits };
}

/** One grey byte per dot. */
async function rasterise(svg: string, width: number, height: number): Promise<Uint8Array> {
  const { data, info } = await sharp(Buffer.from(svg), { density: 72, limitInputPixels: false })
    .flatten({ background: '#ffffff' })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.width !== width || info.height !== height || info.channels !== 1) {
    throw new Error(`rasterised ${info.width}×${info.height}×${info.channels}, expected ${width}×${height}×1`);
  }
  return data;
}

/** Grey bytes (`channels` per dot, the first read) to rows of width/8 bytes, MSB first, 1 = black. */
export function packBits(grey: Uint8Array, width: number, height: number, channels = 1): Raster {
  const rowBytes = width / 8;
  const bits = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    const src = y * width * channels;
    const dst = y * rowBytes;
    for (let x = 0; x < width; x++) {
      if (grey[src + x * channels]! < THRESHOLD) bits[dst + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { width, height, bits };
}

/** Rows [from, to) of a raster. */
export function sliceRaster(r: Raster, from: number, to: number): Raster {
  const rowBytes = r.width / 8;
  const a = Math.max(0, Math.min(r.height, from));
  const b = Math.max(a, Math.min(r.height, to));
  return { width: r.width, height: b - a, bits: r.bits.slice(a * rowBytes, b * rowBytes) };
}

/** 1-bit raster to a greyscale PNG (black on white) for previews and tests. */
export async function rasterPng(r: Raster): Promise<Buffer> {
  const height = Math.max(1, r.height);
  const grey = Buffer.alloc(r.width * height, 255);
  const rowBytes = r.width / 8;
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      if (r.bits[y * rowBytes + (x >> 3)]! & (0x80 >> (x & 7))) grey[y * r.width + x] = 0;
    }
  }
  return sharp(grey, { raw: { width: r.width, height, channels: 1 } })
    .png({ compressionLevel: 9, palette: true, colours: 2 })
    .toBuffer();
}
