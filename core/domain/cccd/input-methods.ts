/**
 * Reading a word as the raw keystrokes of a Vietnamese input method (Telex or VNI). When a scanner types Telex or
 * VNI sequences and no input method composes them, "Nguyễn" arrives as "Nguyeenx" or "Nguye6n4": these decoders
 * recognise such words so they can be refused. They never repair: which keys were meant is not certain.
 */
import { isValidLetters, isVietnameseSyllable, isVowelLetter, type Letters, type Tone } from './syllable';

const TELEX_TONES: Record<string, Tone> = { s: 2, f: 1, r: 3, x: 4, j: 5 };
const CIRCUMFLEX: Record<string, string> = { a: 'â', e: 'ê', o: 'ô' };
const HORN_OR_BREVE: Record<string, string> = { a: 'ă', o: 'ơ', u: 'ư' };

/** Decode one lower-case ASCII word typed in Telex; null when no Telex key was used or the keys make no sense. */
export function decodeTelex(word: string): Letters | null {
  let w = word.toLowerCase();
  if (!/^[a-z]+$/.test(w)) return null;
  let used = false;
  let tone: Tone = 0;
  const last = w[w.length - 1] ?? '';
  const toneKey = TELEX_TONES[last];
  if (toneKey !== undefined && /[aeiouy]/.test(w.slice(0, -1))) {
    tone = toneKey;
    w = w.slice(0, -1);
    used = true;
  }
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) {
    const ch = w[i] ?? '';
    const prev = out[out.length - 1];
    if (i === 1 && ch === 'd' && prev === 'd') {
      out[0] = 'đ';
      used = true;
    } else if (ch === 'w') {
      if (prev !== undefined && HORN_OR_BREVE[prev] !== undefined) {
        out[out.length - 1] = HORN_OR_BREVE[prev];
        // "uow" is ươ: the horn goes on both letters.
        if (prev === 'o' && out[out.length - 2] === 'u' && out[out.length - 3] !== 'q') out[out.length - 2] = 'ư';
      } else if (prev === 'ư' || prev === 'ơ' || prev === 'ă') return null;
      else out.push('ư');
      used = true;
    } else if (prev !== undefined && prev === ch && CIRCUMFLEX[ch] !== undefined) {
      out[out.length - 1] = CIRCUMFLEX[ch];
      used = true;
    } else out.push(ch);
  }
  return used ? { letters: out.join(''), tone } : null;
}

const VNI_TONES: Record<string, Tone> = { '1': 2, '2': 1, '3': 3, '4': 4, '5': 5 };

/** Decode one word typed in VNI (digits as mark keys); null when no VNI key was used or the keys make no sense. */
export function decodeVni(word: string): Letters | null {
  const w = word.toLowerCase();
  if (!/^[a-z][a-z0-9]*$/.test(w) || !/[1-9]/.test(w)) return null;
  let tone: Tone = 0;
  const out: string[] = [];
  const lastIndexOf = (set: string): number => {
    for (let i = out.length - 1; i >= 0; i--) if (set.includes(out[i] ?? '')) return i;
    return -1;
  };
  for (const ch of w) {
    const t = VNI_TONES[ch];
    if (t !== undefined) {
      if (tone !== 0 || !out.some(isVowelLetter)) return null;
      tone = t;
    } else if (ch === '6' || ch === '7' || ch === '8') {
      const set = ch === '6' ? 'aeo' : ch === '7' ? 'ou' : 'a';
      const j = lastIndexOf(set);
      if (j < 0) return null;
      const base = out[j] ?? '';
      out[j] = ch === '6' ? (CIRCUMFLEX[base] ?? base) : (HORN_OR_BREVE[base] ?? base);
      if (ch === '7' && base === 'o' && out[j - 1] === 'u') out[j - 1] = 'ư';
    } else if (ch === '9') {
      const j = lastIndexOf('d');
      if (j < 0) return null;
      out[j] = 'đ';
    } else if (ch === '0') return null;
    else out.push(ch);
  }
  return { letters: out.join(''), tone };
}

/** Is this word invalid as written but, read as Telex keystrokes, a valid Vietnamese syllable? */
export function looksLikeTelex(word: string): boolean {
  if (isVietnameseSyllable(word)) return false; // "Xoong" is a word, not "xông" typed in Telex
  const d = decodeTelex(word);
  return d !== null && isValidLetters(d.letters, d.tone);
}

/** Is this word (letters and digits) read as VNI keystrokes a valid Vietnamese syllable? */
export function looksLikeVni(word: string): boolean {
  const d = decodeVni(word);
  return d !== null && isValidLetters(d.letters, d.tone);
}
