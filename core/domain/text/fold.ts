/**
 * Folding Vietnamese text for search: lower case, diacritics removed, đ/Đ → d.
 * Each NFC character folds to exactly one character, so offsets in the folded string are offsets in the
 * NFC original (used for highlighting). SQLite's unicode61 does not fold đ (it is a letter of its own).
 */
const cache = new Map<string, string>();

function foldChar(ch: string): string {
  let out = cache.get(ch);
  if (out !== undefined) return out;
  if (ch === 'đ' || ch === 'Đ') out = 'd';
  else {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    out = base.length === 1 ? base : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
  }
  cache.set(ch, out);
  return out;
}

/** Fold an already-NFC string character by character (length-preserving on code points). */
export function foldVietnamese(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += foldChar(ch);
  return out;
}

/** Fold and collapse white space: the form to compare queries with. */
export function normaliseQuery(text: string): string {
  return foldVietnamese(text).replace(/\s+/g, ' ').trim();
}
