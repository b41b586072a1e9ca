/**
 * The excerpt shown for a search hit: the page's text as read (diacritics kept), white space collapsed to single
 * spaces, about SNIPPET_CHARS long around the first match, cut between words, with the [start, end) offsets of every
 * matched word inside it. Matching is done on the folded text (fold.ts), whose characters line up one to one with
 * the NFC text's code points; offsets are then carried through the collapsing, so they point at the words shown.
 */
import { foldVietnamese } from './fold';
import { WORD_CHARS, type SearchTerm } from './search-query';

export const SNIPPET_CHARS = 160;
/** How much text before the first match to show, at most (then cut at a word start). */
const LEAD_CHARS = 40;

export interface Snippet {
  text: string;
  highlights: [number, number][];
}

interface Word {
  start: number;
  end: number;
  text: string;
}

/** Folded text with offsets in UTF-16 units of the NFC text (equal unless a code point changed its length). */
function foldAligned(nfc: string): { folded: string; at: (i: number) => number } {
  const folded = foldVietnamese(nfc);
  if (folded.length === nfc.length) return { folded, at: (i) => i };
  // Rare: map folded offsets back code point by code point.
  const map: number[] = [];
  let out = '';
  let pos = 0;
  for (const ch of nfc) {
    const f = foldVietnamese(ch);
    for (let k = 0; k < f.length; k++) map.push(pos);
    out += f;
    pos += ch.length;
  }
  map.push(pos);
  return { folded: out, at: (i) => map[i]! };
}

function matches(word: string, wanted: string, prefix: boolean): boolean {
  return prefix ? word.startsWith(wanted) : word === wanted;
}

/** Every occurrence of every term, as the word ranges to highlight (offsets in the NFC text). */
export function findMatches(nfc: string, terms: readonly SearchTerm[]): [number, number][] {
  const { folded, at } = foldAligned(nfc);
  const words: Word[] = [];
  for (const m of folded.matchAll(WORD_CHARS)) words.push({ start: at(m.index), end: at(m.index + m[0].length), text: m[0] });
  const hits = new Map<number, number>();
  for (const term of terms) {
    const n = term.words.length;
    for (let i = 0; i + n <= words.length; i++) {
      let ok = true;
      for (let k = 0; k < n && ok; k++) ok = matches(words[i + k]!.text, term.words[k]!, term.prefix && k === n - 1);
      if (!ok) continue;
      for (let k = 0; k < n; k++) hits.set(words[i + k]!.start, words[i + k]!.end);
    }
  }
  return [...hits].sort((a, b) => a[0] - b[0]);
}

/** What JavaScript's \s matches, by code unit (a regular expression per character is slow over a whole page). */
function isWhite(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Collapse white space runs to one space and trim; pos[i] is where NFC offset i lands in the result. */
function collapse(nfc: string): { text: string; pos: Int32Array } {
  const pos = new Int32Array(nfc.length + 1);
  const out: string[] = [];
  let len = 0;
  let runStart = 0;
  let pendingSpace = false;
  for (let i = 0; i <= nfc.length; i++) {
    if (i < nfc.length && !isWhite(nfc.charCodeAt(i))) {
      if (pendingSpace) {
        out.push(' ');
        len += 1;
        pendingSpace = false;
      }
      pos[i] = len + (i - runStart);
      continue;
    }
    // End of a run of non-white characters [runStart, i): copy it in one piece.
    len += i - runStart;
    if (i > runStart) out.push(nfc.slice(runStart, i));
    if (i < nfc.length) {
      pos[i] = len;
      pendingSpace = len > 0;
    }
    runStart = i + 1;
  }
  pos[nfc.length] = len;
  return { text: out.join(''), pos };
}

const isSpace = (s: string, i: number) => s[i] === ' ';

export function makeSnippet(original: string, terms: readonly SearchTerm[], width = SNIPPET_CHARS): Snippet {
  const nfc = original.normalize('NFC');
  const found = findMatches(nfc, terms);
  const { text, pos } = collapse(nfc);
  const ranges = found.map(([s, e]): [number, number] => [pos[s]!, pos[e - 1]! + 1]);
  const first = ranges[0] ?? [0, 0];
  // Start up to LEAD_CHARS before the first match, at the start of a word.
  let begin = Math.max(0, first[0] - LEAD_CHARS);
  if (begin > 0 && !isSpace(text, begin - 1)) {
    const next = text.indexOf(' ', begin);
    begin = next < 0 || next >= first[0] ? first[0] : next + 1;
  }
  // End about `width` later, after a whole word, never before the first match ends.
  let end = Math.min(text.length, Math.max(begin + width, first[1]));
  if (end < text.length && !isSpace(text, end)) {
    const back = text.lastIndexOf(' ', end);
    end = back > first[1] ? back : Math.max(first[1], end);
    if (end < text.length && !isSpace(text, end) && end > first[1]) end = first[1];
  }
  // A matched "word" far longer than the window (OCR noise): cut it, unmarked, rather than show all of it.
  end = Math.min(end, begin + 2 * width);
  // Never split a surrogate pair.
  if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end]!)) end += 1;
  const snippet = text.slice(begin, end).trimEnd();
  const highlights = ranges
    .filter(([s, e]) => s >= begin && e <= begin + snippet.length)
    .map(([s, e]): [number, number] => [s - begin, e - begin]);
  return { text: snippet, highlights };
}
