/**
 * Greedy line breaking of styled text at spaces, measured with the real font. Vietnamese is written with
 * spaces between syllables, so breaking at spaces is right; a single run longer than the line (a URL, a long
 * code) is cut between characters. Spaces of a `keep` span (a date-time) join words instead of separating them.
 */
import type { FontKey, Span } from './evaluate';

export type Measure = (text: string, font: FontKey, size: number) => number;

export interface Line {
  runs: Span[];
  width: number;
}

/** Where an over-long word (a code, a URL) may be broken. */
const BREAK_AFTER = new Set(['-', '/', '.', ',', '?', '&', '=', '_']);

type Token = { kind: 'newline' } | { kind: 'space'; font: FontKey } | { kind: 'word'; frags: Span[] };

function tokenise(spans: readonly Span[]): Token[] {
  const tokens: Token[] = [];
  for (const span of spans) {
    for (const ch of span.text) {
      const last = tokens[tokens.length - 1];
      if (ch === '\n') tokens.push({ kind: 'newline' });
      else if (/\s/.test(ch) && !span.keep) {
        if (last?.kind !== 'space') tokens.push({ kind: 'space', font: span.font });
      } else if (last?.kind === 'word') {
        const frag = last.frags[last.frags.length - 1]!;
        if (frag.font === span.font) frag.text += ch;
        else last.frags.push({ text: ch, font: span.font });
      } else tokens.push({ kind: 'word', frags: [{ text: ch, font: span.font }] });
    }
  }
  return tokens;
}

function mergeRuns(frags: readonly Span[]): Span[] {
  const runs: Span[] = [];
  for (const f of frags) {
    const last = runs[runs.length - 1];
    if (last && last.font === f.font) last.text += f.text;
    else if (f.text) runs.push({ text: f.text, font: f.font });
  }
  return runs;
}

/** `width` may vary by line (a first-line indent, text beside a floating QR code). */
export function wrapSpans(
  spans: readonly Span[],
  width: number | ((lineIndex: number) => number),
  size: number,
  measure: Measure,
): Line[] {
  const lines: Line[] = [];
  let current: Span[] = [];
  let currentWidth = 0;
  let pendingSpace: FontKey | null = null;
  const limit = (): number => Math.max(1, typeof width === 'number' ? width : width(lines.length));
  const widthOf = (frags: readonly Span[]): number => frags.reduce((w, f) => w + measure(f.text, f.font, size), 0);

  const emit = (): void => {
    const runs = mergeRuns(current);
    lines.push({ runs, width: widthOf(runs) });
    current = [];
    currentWidth = 0;
  };

  /**
   * Put a word too wide for a line: break after '-', '/', '.' or ',' where possible (dossier codes, URLs),
   * else between characters.
   */
  const placeAlone = (frags: Span[]): void => {
    const pieces: Span[][] = [[]];
    for (const frag of frags) {
      for (const ch of frag.text) {
        pieces[pieces.length - 1]!.push({ text: ch, font: frag.font });
        if (BREAK_AFTER.has(ch)) pieces.push([]);
      }
    }
    for (const piece of pieces) {
      const w = widthOf(piece);
      if (current.length > 0 && currentWidth + w <= limit()) {
        current.push(...piece);
        currentWidth += w;
        continue;
      }
      if (current.length > 0) emit();
      for (const ch of piece) {
        const cw = measure(ch.text, ch.font, size);
        if (current.length > 0 && currentWidth + cw > limit()) emit();
        current.push(ch);
        currentWidth += cw;
      }
    }
    current = mergeRuns(current);
  };

  for (const token of tokenise(spans)) {
    if (token.kind === 'newline') {
      emit();
      pendingSpace = null;
    } else if (token.kind === 'space') {
      if (current.length > 0) pendingSpace = token.font;
    } else {
      const w = widthOf(token.frags);
      if (current.length === 0) {
        if (w <= limit()) {
          current.push(...token.frags.map((f) => ({ ...f })));
          currentWidth = w;
        } else placeAlone(token.frags);
      } else {
        const spaceWidth = pendingSpace ? measure(' ', pendingSpace, size) : 0;
        if (currentWidth + spaceWidth + w <= limit()) {
          if (pendingSpace) current.push({ text: ' ', font: pendingSpace });
          current.push(...token.frags.map((f) => ({ ...f })));
          currentWidth += spaceWidth + w;
        } else {
          emit();
          if (w <= limit()) {
            current.push(...token.frags.map((f) => ({ ...f })));
            currentWidth = w;
          } else placeAlone(token.frags);
        }
      }
      pendingSpace = null;
    }
  }
  if (current.length > 0) emit();
  return lines;
}

/**
 * Wrap centred text (titles, header lines) into lines of even length: the same number of lines as
 * greedy wrapping, at the narrowest width that still gives that number (no lone last word).
 */
export function wrapBalanced(spans: readonly Span[], maxWidth: number, size: number, measure: Measure): Line[] {
  const greedy = wrapSpans(spans, maxWidth, size, measure);
  if (greedy.length < 2) return greedy;
  let lo = Math.max(...greedy.map((l) => l.width)) / greedy.length;
  let hi = maxWidth;
  let best = greedy;
  for (let i = 0; i < 16 && hi - lo > 0.5; i++) {
    const mid = (lo + hi) / 2;
    const lines = wrapSpans(spans, mid, size, measure);
    if (lines.length <= greedy.length) {
      best = lines;
      hi = mid;
    } else lo = mid;
  }
  return best;
}
