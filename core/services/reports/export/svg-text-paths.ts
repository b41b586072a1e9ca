/**
 * Turns the <text> of an echarts SVG into <path> outlines drawn with the app's own font (resources/fonts), so a
 * chart's Vietnamese labels look the same on every machine: librsvg (inside sharp) would otherwise pick whatever
 * font fontconfig finds, and a machine without a font covering Vietnamese (a bare Debian, a Windows install whose
 * sharp finds no fontconfig set-up) draws boxes or nothing. fontkit lays the text out (kerning, marks), exactly as
 * the PDF's own text.
 */
import type { LoadedFont } from '../../../domain/forms/resources';

type Fonts = { regular: LoadedFont; bold: LoadedFont };

const TEXT = /<text\b([^>]*)>([^<]*)<\/text>/g;
const ATTR = /([\w:-]+)="([^"]*)"/g;

const unescapeXml = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos|#39|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos' || e === '#39') return "'";
    return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });

/** fontkit's Path keeps its drawing commands (the typings leave them out). */
interface OutlinePath {
  commands: { command: string; args: number[] }[];
}
const OPS: Record<string, string> = { moveTo: 'M', lineTo: 'L', quadraticCurveTo: 'Q', bezierCurveTo: 'C', closePath: 'Z' };

const round = (n: number) => Math.round(n * 100) / 100;

/** The outline of one line of text as an SVG path, its origin at (x, y) per the anchor and baseline given. */
export function textOutline(font: LoadedFont['font'], text: string, size: number, x: number, y: number, anchor: string, baseline: string): string {
  const run = font.layout(text.normalize('NFC'));
  const s = size / font.unitsPerEm;
  const width = run.positions.reduce((w, p) => w + p.xAdvance, 0) * s;
  let pen = x - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
  // SVG's dominant-baseline, from the font's ascent and descent (descent is negative).
  const base =
    baseline === 'central' || baseline === 'middle'
      ? y + ((font.ascent + font.descent) / 2) * s
      : baseline === 'hanging' || baseline === 'text-before-edge' || baseline === 'top'
        ? y + font.ascent * s
        : baseline === 'text-after-edge' || baseline === 'ideographic' || baseline === 'bottom'
          ? y + font.descent * s
          : y;
  const parts: string[] = [];
  run.glyphs.forEach((glyph, i) => {
    const pos = run.positions[i]!;
    const ox = pen + pos.xOffset * s;
    const oy = base - pos.yOffset * s;
    for (const cmd of (glyph.path as unknown as OutlinePath).commands) {
      const a = cmd.args;
      const pts: string[] = [];
      for (let k = 0; k + 1 < a.length; k += 2) pts.push(`${round(ox + a[k]! * s)} ${round(oy - a[k + 1]! * s)}`);
      const op = OPS[cmd.command];
      if (op) parts.push(op + pts.join(' '));
    }
    pen += pos.xAdvance * s;
  });
  return parts.join('');
}

/** Every single-line <text> of `svg` as a filled <path>; other attributes (transform, fill, opacity, stroke) kept. */
export function textToPaths(svg: string, fonts: Fonts): string {
  return svg.replace(TEXT, (whole, attrText: string, content: string) => {
    const attrs = new Map<string, string>();
    for (const m of attrText.matchAll(ATTR)) attrs.set(m[1]!, m[2]!);
    const style = attrs.get('style') ?? '';
    const size = Number(/font-size:\s*([\d.]+)px/.exec(style)?.[1] ?? 12);
    const bold = /font-weight:\s*(bold|[6-9]00)/.test(style);
    const text = unescapeXml(content);
    if (!text.trim()) return '';
    const d = textOutline((bold ? fonts.bold : fonts.regular).font, text, size, Number(attrs.get('x') ?? 0), Number(attrs.get('y') ?? 0), attrs.get('text-anchor') ?? 'start', attrs.get('dominant-baseline') ?? 'alphabetic');
    const kept = [...attrs].filter(([k]) => !['style', 'x', 'y', 'text-anchor', 'dominant-baseline', 'xml:space'].includes(k)).map(([k, v]) => ` ${k}="${v}"`);
    if (!attrs.has('fill')) kept.push(' fill="#000"');
    return d ? `<path d="${d}"${kept.join('')}></path>` : whole;
  });
}
